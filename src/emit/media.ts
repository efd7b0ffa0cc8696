// Pictures reach the package without a trip through pptxgenjs: it takes pictures only as base64 text
// and decodes them with JSZip's JavaScript decoder (a third of a warm rebuild's time). Each PNG is
// handed to pptxgenjs as a tiny distinct stand-in instead, and the real bytes replace the stand-in when
// the package is finalized. A chart's picture may still be being drawn (on the chart worker) when its
// stand-in is placed: it is awaited only then.
import { encodePngSync } from '../render/png.js';

export class MediaSwap {
  private readonly real = new Map<string, Uint8Array | Promise<Uint8Array>>();

  /** A 1×1 PNG unique to this picture, as a data URI for pptxgenjs. */
  standIn(png: Uint8Array | Promise<Uint8Array>): string {
    const n = this.real.size + 1;
    // The pixel's colour numbers the stand-in; alpha 255 so that no encoder could fold it away.
    const pixel = new Uint8Array([n >> 16 & 255, n >> 8 & 255, n & 255, 255]);
    const bytes = encodePngSync(pixel, 1, 1);
    this.real.set(key(bytes), png);
    return `image/png;base64,${bytes.toString('base64')}`;
  }

  /** The real picture for a media part's bytes, if those bytes are one of the stand-ins. */
  async lookup(bytes: Uint8Array): Promise<Uint8Array | undefined> {
    return bytes.length < 128 ? this.real.get(key(bytes)) : undefined;
  }

  get size(): number {
    return this.real.size;
  }
}

const key = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

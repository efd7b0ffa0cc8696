// What pptxgenjs gets as JSZip in the shipped bundle and in the tests (scripts/bundle.mjs and
// vitest.config.ts alias `jszip` to this file). emit takes pptxgenjs's package apart the moment it is
// zipped, so here its parts are collected instead: no zip is written, read back and inflated, and JSZip
// (with pako and readable-stream) is never loaded. Only what pptxgenjs 4.0.1 calls is offered: folder(),
// file() and generateAsync(). The compiled library (dist/index.js) still runs the real JSZip, which
// writeDeck reads back with unzipParts; both give the same parts.
import { zipSync } from 'fflate';

/** The package's parts as pptxgenjs added them, in its order: what generateAsync gives for a whole deck. */
export class CollectedParts extends Map<string, Uint8Array> {}

interface FileOptions {
  base64?: boolean;
}

interface GenerateOptions {
  type?: string;
}

export default class ZipCollector {
  private readonly files: Map<string, Uint8Array>;
  private readonly prefix: string;

  constructor(files?: Map<string, Uint8Array>, prefix = '') {
    this.files = files ?? new Map();
    this.prefix = prefix;
  }

  /** A view whose names start with `name/` (pptxgenjs makes folders, then adds files by full path). */
  folder(name: string): ZipCollector {
    return new ZipCollector(this.files, `${this.prefix}${name.replace(/\/?$/, '/')}`);
  }

  file(name: string, data: string | Uint8Array, opts: FileOptions = {}): this {
    const bytes = typeof data !== 'string' ? data : opts.base64 ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8');
    this.files.set(this.prefix + name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return this;
  }

  /**
   * `uint8array` (emit's call for the deck) gives the collected parts; `base64` (pptxgenjs's call for a
   * chart's embedded workbook) gives a real zip, stored: emit unzips and rewrites each workbook anyway.
   */
  async generateAsync(opts: GenerateOptions = {}): Promise<CollectedParts | string> {
    if (opts.type === 'uint8array') return new CollectedParts(this.files);
    if (opts.type === 'base64') {
      const zippable: Record<string, [Uint8Array, { level: 0 }]> = {};
      for (const [name, data] of this.files) zippable[name] = [data, { level: 0 }];
      return Buffer.from(zipSync(zippable)).toString('base64');
    }
    throw new Error(`internal: pptxgenjs asked for a ${String(opts.type)} zip, which briefdeck's collector does not make`);
  }
}

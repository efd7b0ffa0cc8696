// Reads the pixel size and type of a picture, so that layout can keep its aspect ratio.
import { Image } from '@napi-rs/canvas';

export interface ImageInfo {
  widthPx: number;
  heightPx: number;
  mime: 'image/png' | 'image/jpeg';
}

/** Undefined when the bytes are not a PNG or JPEG that decodes. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!png && !jpeg) return undefined;
  try {
    const img = new Image();
    img.src = Buffer.from(bytes);
    if (!img.width || !img.height) return undefined;
    return { widthPx: img.width, heightPx: img.height, mime: png ? 'image/png' : 'image/jpeg' };
  } catch {
    return undefined;
  }
}

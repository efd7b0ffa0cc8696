// Checks a picture before it goes into a deck: its pixel size (read from the header, and refused over
// MAX_PIXELS before anything is decoded), and that the file is whole: a PNG's every chunk is present with
// a matching checksum and its image data inflates to exactly the rows its header promises; a JPEG's
// segments are all there, with the tables its scans need, up to the end-of-image marker. A picture cut
// short by a failed copy or download, or damaged on the way, is an error here rather than a grey box
// (or "this picture can't be displayed") in front of an audience.
import * as zlib from 'node:zlib';
import { MAX_PIXELS } from '../limits.js';

export interface ImageInfo {
  widthPx: number;
  heightPx: number;
  mime: 'image/png' | 'image/jpeg';
}

export type ImageCheck = { ok: true; info: ImageInfo } | { ok: false; code: 'image-unreadable' | 'image-too-large'; problem: string; hint: string };

const MAX_DECODED_BYTES = 256 * 1024 * 1024;
const CUT_SHORT = 'is cut short: the file ends in the middle of the picture';
const HINT_REDO = 'copy or download the picture again, or open it in an image editor and save it again as PNG or JPEG';

/** Whether `bytes` is a whole PNG or JPEG of at most MAX_PIXELS, and its size. */
export function checkImage(bytes: Uint8Array): ImageCheck {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return checkPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes);
  return { ok: false, code: 'image-unreadable', problem: 'is not a PNG or JPEG picture', hint: 'save the picture as PNG or JPEG' };
}

/** The size of a picture that passes checkImage, else undefined. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const r = checkImage(bytes);
  return r.ok ? r.info : undefined;
}

/** zlib.crc32 arrived in Node 20.15; before that, the same CRC-32 from a table. */
const crc32: (data: Uint8Array, value?: number) => number =
  (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ??
  ((): ((data: Uint8Array, value?: number) => number) => {
    const table = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    return (data, value = 0) => {
      let c = ~value >>> 0;
      for (const byte of data) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
      return ~c >>> 0;
    };
  })();

const bad = (problem: string, hint = HINT_REDO): ImageCheck => ({ ok: false, code: 'image-unreadable', problem, hint });

function tooLarge(w: number, h: number): ImageCheck | undefined {
  if (w * h <= MAX_PIXELS) return undefined;
  const mp = (w * h) / 1e6;
  const scale = Math.sqrt(MAX_PIXELS / (w * h));
  return {
    ok: false,
    code: 'image-too-large',
    problem: `is ${w} × ${h} pixels (${mp >= 10 ? Math.round(mp) : mp.toFixed(1)} megapixels), more than the ${MAX_PIXELS / 1e6} megapixel limit`,
    hint: `scale it down, e.g. to ${Math.floor(w * scale)} × ${Math.floor(h * scale)} pixels: a slide needs no more than about 4000 pixels across`,
  };
}

const u32 = (b: Uint8Array, i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u16 = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;

/** Bits per pixel for each PNG colour type and the bit depths it allows. */
const PNG_CHANNELS: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

function checkPng(b: Uint8Array): ImageCheck {
  const SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 8 + 25 || SIG.some((v, i) => b[i] !== v)) return bad(b.length < 33 ? CUT_SHORT : 'is not a PNG picture (its signature is damaged)');
  let pos = 8;
  let header: { w: number; h: number; depth: number; type: number; interlace: number } | undefined;
  let palette = false;
  let ended = false;
  const data: Uint8Array[] = [];
  let idatDone = false;
  while (pos < b.length && !ended) {
    if (pos + 12 > b.length) return bad(CUT_SHORT);
    const length = u32(b, pos);
    const type = String.fromCharCode(b[pos + 4]!, b[pos + 5]!, b[pos + 6]!, b[pos + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) return bad('is damaged (a part of the PNG file is garbled)');
    if (pos + 12 + length > b.length) return bad(CUT_SHORT);
    const body = b.subarray(pos + 8, pos + 8 + length);
    if (crc32(body, crc32(b.subarray(pos + 4, pos + 8))) !== u32(b, pos + 8 + length)) return bad(`is damaged (the checksum of its ${type} part does not match)`);
    if (!header) {
      if (type !== 'IHDR' || length !== 13) return bad('is damaged (its header is missing)');
      header = { w: u32(body, 0), h: u32(body, 4), depth: body[8]!, type: body[9]!, interlace: body[12]! };
      if (header.w === 0 || header.h === 0) return bad('is damaged (its header gives it no width or height)');
      const big = tooLarge(header.w, header.h);
      if (big) return big;
      const kind = PNG_CHANNELS[header.type];
      // 50 megapixels of 16-bit RGBA would be 400 MB to inflate: past 256 MiB the picture is refused unread.
      const raw = kind ? header.h * (Math.ceil((header.w * kind.channels * header.depth) / 8) + 1) : 0;
      if (raw > MAX_DECODED_BYTES) {
        return {
          ok: false,
          code: 'image-too-large',
          problem: `would take ${Math.round(raw / 1024 / 1024)} MiB to decode (${header.w} × ${header.h} pixels at ${header.depth} bits per channel)`,
          hint: 'save it with 8 bits per channel, or scale it down',
        };
      }
      if (!kind || !kind.depths.includes(header.depth) || body[10] !== 0 || body[11] !== 0 || header.interlace > 1) return bad('is damaged (its header describes no valid PNG)');
    } else if (type === 'PLTE') {
      palette = true;
    } else if (type === 'IDAT') {
      if (idatDone) return bad('is damaged (its image data is split up)');
      data.push(body);
    } else if (type === 'IEND') {
      ended = true;
    } else if (data.length > 0) {
      idatDone = true;
    }
    pos += 12 + length;
  }
  if (!header) return bad(CUT_SHORT);
  if (!ended) return bad(CUT_SHORT);
  if (data.length === 0) return bad('is damaged (it holds no image data)');
  if (header.type === 3 && !palette) return bad('is damaged (its colour palette is missing)');
  const problem = inflatesToRows(data, header);
  if (problem) return bad(problem);
  return { ok: true, info: { widthPx: header.w, heightPx: header.h, mime: 'image/png' } };
}

/** Inflates the image data (zlib's native inflate: ~10× fflate here) and checks each row's filter byte. */
function inflatesToRows(data: Uint8Array[], h: { w: number; h: number; depth: number; type: number; interlace: number }): string | undefined {
  const bitsPerPixel = PNG_CHANNELS[h.type]!.channels * h.depth;
  const rowBytes = (w: number) => Math.ceil((w * bitsPerPixel) / 8);
  // Each pass of Adam7 interlacing is a small image of its own; without interlacing there is one pass.
  const passes =
    h.interlace === 0
      ? [{ w: h.w, h: h.h }]
      : [
          [0, 0, 8, 8],
          [4, 0, 8, 8],
          [0, 4, 4, 8],
          [2, 0, 4, 4],
          [0, 2, 2, 4],
          [1, 0, 2, 2],
          [0, 1, 1, 2],
        ].map(([x0, y0, dx, dy]) => ({ w: Math.ceil((h.w - x0!) / dx!), h: Math.ceil((h.h - y0!) / dy!) })).filter((p) => p.w > 0 && p.h > 0);
  const expected = passes.reduce((sum, p) => sum + p.h * (rowBytes(p.w) + 1), 0);
  let pixels: Buffer;
  try {
    pixels = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: expected });
  } catch (e) {
    // More data than the rows need is ignored by every decoder; anything else is damage.
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    return 'is damaged or cut short (its image data does not decode)';
  }
  if (pixels.length < expected) return 'is damaged or cut short (its image data ends before its last row)';
  for (let at = 0, p = 0; p < passes.length; p++) {
    const stride = rowBytes(passes[p]!.w) + 1;
    for (let r = 0; r < passes[p]!.h; r++, at += stride) if (pixels[at]! > 4) return 'is damaged (its image data does not decode)';
  }
  return undefined;
}

function checkJpeg(b: Uint8Array): ImageCheck {
  let pos = 2;
  let size: { w: number; h: number } | undefined;
  let scans = 0;
  let quantTables = false;
  for (;;) {
    if (pos >= b.length) return bad(CUT_SHORT);
    if (b[pos] !== 0xff) return bad('is damaged (a part of the JPEG file is garbled)');
    while (b[pos] === 0xff) pos++; // fill bytes
    if (pos >= b.length) return bad(CUT_SHORT);
    const marker = b[pos++]!;
    if (marker === 0xd9) break; // end of image
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd8 || marker === 0x00) return bad('is damaged (a part of the JPEG file is garbled)');
    if (pos + 2 > b.length) return bad(CUT_SHORT);
    const length = u16(b, pos);
    if (length < 2) return bad('is damaged (a part of the JPEG file is garbled)');
    if (pos + length > b.length) return bad(CUT_SHORT);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (length < 8) return bad('is damaged (its header is too short)');
      size = { h: u16(b, pos + 3), w: u16(b, pos + 5) };
      if (size.w === 0 || size.h === 0) return bad('is damaged (its header gives it no width or height)');
      const big = tooLarge(size.w, size.h);
      if (big) return big;
    } else if (marker === 0xdb) {
      quantTables = true;
    }
    pos += length;
    if (marker === 0xda) {
      if (!size) return bad('is damaged (its picture data comes before its header)');
      if (!quantTables) return bad('is damaged (it lacks the tables needed to decode it)');
      scans++;
      // Entropy-coded data runs to the next marker that is not a stuffed byte (FF 00) or a restart marker.
      for (;;) {
        const next = b.indexOf(0xff, pos);
        if (next < 0 || next + 1 >= b.length) return bad(CUT_SHORT);
        const m = b[next + 1]!;
        if (m === 0x00 || (m >= 0xd0 && m <= 0xd7) || m === 0xff) {
          pos = next + (m === 0xff ? 1 : 2);
          continue;
        }
        pos = next;
        break;
      }
    }
  }
  if (!size) return bad('is damaged (its header is missing)');
  if (scans === 0) return bad('is damaged (it holds no picture data)');
  return { ok: true, info: { widthPx: size.w, heightPx: size.h, mime: 'image/jpeg' } };
}

// PNG encoding for chart pictures. Skia's encoder (canvas.encode / toBuffer) takes ~115 ms for a
// 2330×931 chart on this project's 2-core machine, and pngjs and fast-png, the maintained JS encoders,
// 150 ms and more. Chart pictures are flat, so rows need no filter: copying them (3 ms) and one zlib
// pass at level 3 on libuv's thread pool (~6 ms) make the same picture, losslessly, at ~80 KB.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);
/** Level 3: see the measurement in the README's Performance section; another level changes every chart's bytes. */
const LEVEL = 3;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Row buffers for pictures of a size drawn before: each chart would otherwise allocate (and the
 * collector reclaim) its own ~9 MB buffer. A buffer goes back to the pool once its deflate is done.
 */
const spare = new Map<number, Buffer[]>();
const MAX_SPARE = 4;

function takeRows(size: number): Buffer {
  return spare.get(size)?.pop() ?? Buffer.allocUnsafe(size);
}

function giveBack(rows: Buffer): void {
  const list = spare.get(rows.length) ?? [];
  if (list.length < MAX_SPARE) list.push(rows);
  spare.set(rows.length, list);
}

function pngParts(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): { header: Buffer; rows: Buffer } {
  const rowBytes = width * 4;
  const rows = takeRows((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (rowBytes + 1);
    rows[o] = 0; // filter type None
    rows.set(rgba.subarray(y * rowBytes, (y + 1) * rowBytes), o + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  return { header, rows };
}

const assemble = (header: Buffer, idat: Uint8Array): Buffer =>
  Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);

/** RGBA pixels (row by row, not premultiplied, as getImageData gives them) → PNG bytes. */
export async function encodePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Buffer> {
  const { header, rows } = pngParts(rgba, width, height);
  try {
    return assemble(header, await deflate(rows, { level: LEVEL }));
  } finally {
    giveBack(rows);
  }
}

/** The same, on this thread: for tiny pictures, where a trip to the thread pool costs more. */
export function encodePngSync(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  const { header, rows } = pngParts(rgba, width, height);
  try {
    return assemble(header, zlib.deflateSync(rows, { level: LEVEL }));
  } finally {
    giveBack(rows);
  }
}

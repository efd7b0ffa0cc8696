// PDF pages → PNG pictures with poppler's pdftoppm, the same rasterizer and crop as `briefdeck
// preview`, so serve shows the very pixels preview writes. pdftoppm's own PNG encoder costs more than
// its rendering; it writes raw pixels (PPM) to a pipe instead and Node compresses them on the thread
// pool, losslessly.
import { spawn } from 'node:child_process';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);

export interface PageSize {
  width: number;
  height: number;
}

/** One page (0-based) of a PDF as PNG bytes, `size` pixels at `dpi`. */
export function renderPage(pdftoppm: string, pdf: string, page: number, dpi: number, size: PageSize): Promise<Buffer> {
  const n = String(page + 1);
  const args = ['-r', String(dpi), '-f', n, '-l', n, '-singlefile', '-x', '0', '-y', '0', '-W', String(size.width), '-H', String(size.height), pdf];
  return new Promise((resolve, reject) => {
    const child = spawn(pdftoppm, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) {
        reject(new Error(`pdftoppm could not render page ${n}: ${stderr.trim().split('\n').pop() ?? `exit status ${status}`}`));
        return;
      }
      const ppm = Buffer.concat(chunks);
      pngFromPpm(ppm).then(resolve, reject);
    });
  });
}

/** Parses a binary PPM (P6, 8 bits) and encodes it as an RGB PNG. */
export async function pngFromPpm(ppm: Buffer): Promise<Buffer> {
  let at = 0;
  const token = (): string => {
    while (at < ppm.length) {
      const ch = ppm[at]!;
      if (ch === 0x23) while (at < ppm.length && ppm[at] !== 0x0a) at++; // # comment
      else if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) at++;
      else break;
    }
    const start = at;
    while (at < ppm.length && ![0x20, 0x0a, 0x0d, 0x09].includes(ppm[at]!)) at++;
    return ppm.toString('latin1', start, at);
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  at++; // the single whitespace before the pixels
  if (magic !== 'P6' || max !== 255 || !(width > 0 && height > 0) || ppm.length - at < width * height * 3) throw new Error('pdftoppm wrote no picture');
  const rowBytes = width * 3;
  const rows = Buffer.allocUnsafe((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (rowBytes + 1);
    rows[o] = 1; // filter Sub: flat slide backgrounds compress to almost nothing
    const src = at + y * rowBytes;
    for (let x = 0; x < 3; x++) rows[o + 1 + x] = ppm[src + x]!;
    for (let x = 3; x < rowBytes; x++) rows[o + 1 + x] = (ppm[src + x]! - ppm[src + x - 3]!) & 0xff;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const idat = await deflate(rows, { level: 1 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// zlib.crc32 arrived in Node 20.15 and 22.2; older Nodes use the table.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const nativeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
function crc32(bytes: Uint8Array): number {
  if (nativeCrc) return nativeCrc(bytes) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

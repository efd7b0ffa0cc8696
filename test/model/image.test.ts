// Pictures are checked whole before they are embedded: cut short, damaged or too large, each is refused
// with a reason; whole PNGs (also interlaced, palette, grey, 16-bit) and JPEGs (also with restart markers)
// pass. The cases are generated, so that every cut and every damaged byte is tried, not one example.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createCanvas } from '../../src/canvas.js';
import { describe, expect, it } from 'vitest';
import { MAX_PIXELS } from '../../src/limits.js';
import { checkImage } from '../../src/model/image.js';
import { ROOT } from '../helpers.js';

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG made by hand, for the header shapes canvas does not write. */
function png(o: { w: number; h: number; depth?: number; type?: number; interlace?: number; raw?: Buffer; plte?: boolean }): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(o.w, 0);
  ihdr.writeUInt32BE(o.h, 4);
  ihdr[8] = o.depth ?? 8;
  ihdr[9] = o.type ?? 6;
  ihdr[12] = o.interlace ?? 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    ...(o.plte ? [chunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255]))] : []),
    chunk('IDAT', zlib.deflateSync(o.raw ?? Buffer.alloc(0))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function drawn(type: 'image/png' | 'image/jpeg', w = 320, h = 200): Buffer {
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `hsl(${i * 9}, 70%, 50%)`;
    ctx.fillRect((i * 17) % w, (i * 29) % h, 50, 30);
  }
  return c.toBuffer(type as 'image/png');
}

const problemOf = (b: Uint8Array) => {
  const r = checkImage(b);
  return r.ok ? undefined : r.problem;
};

describe('pictures', () => {
  const pngBytes = drawn('image/png');
  const jpegBytes = drawn('image/jpeg');

  it('accepts whole pictures and reads their size', () => {
    expect(checkImage(pngBytes)).toEqual({ ok: true, info: { widthPx: 320, heightPx: 200, mime: 'image/png' } });
    expect(checkImage(jpegBytes)).toEqual({ ok: true, info: { widthPx: 320, heightPx: 200, mime: 'image/jpeg' } });
    expect(checkImage(fs.readFileSync(path.join(ROOT, 'assets', 'briefdeck-logo.png'))).ok).toBe(true);
  });

  it('accepts every PNG layout: interlaced, palette, grey at 1 bit, 16-bit', () => {
    const w = 13;
    const h = 9;
    // Adam7 passes of a 13 × 9 RGBA image: each row a filter byte and 4 bytes per pixel.
    const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
      .map(([x0, y0, dx, dy]) => [Math.ceil((w - x0!) / dx!), Math.ceil((h - y0!) / dy!)] as const)
      .filter(([pw, ph]) => pw > 0 && ph > 0);
    const interlaced = Buffer.alloc(passes.reduce((s, [pw, ph]) => s + ph * (1 + pw * 4), 0));
    expect(checkImage(png({ w, h, interlace: 1, raw: interlaced })).ok).toBe(true);
    expect(checkImage(png({ w, h, type: 3, plte: true, raw: Buffer.alloc(h * (1 + w)) })).ok).toBe(true);
    expect(checkImage(png({ w, h, type: 0, depth: 1, raw: Buffer.alloc(h * (1 + Math.ceil(w / 8))) })).ok).toBe(true);
    expect(checkImage(png({ w, h, type: 2, depth: 16, raw: Buffer.alloc(h * (1 + w * 6)) })).ok).toBe(true);
  });

  it('refuses a PNG or JPEG cut short anywhere', () => {
    for (const bytes of [pngBytes, jpegBytes]) {
      const step = Math.max(1, Math.floor(bytes.length / 97));
      for (let cut = 1; cut < bytes.length; cut += step) {
        const r = checkImage(bytes.subarray(0, cut));
        expect(r.ok, `cut at ${cut} of ${bytes.length}`).toBe(false);
      }
    }
    expect(problemOf(pngBytes.subarray(0, pngBytes.length >> 1))).toMatch(/ends in the middle|cut short/);
    expect(problemOf(jpegBytes.subarray(0, jpegBytes.length >> 1))).toBe('is cut short: the file ends in the middle of the picture');
  });

  it('refuses a PNG with any damaged byte (checksums), and a PNG whose data does not decode', () => {
    for (let i = 8; i < pngBytes.length; i += 7) {
      const damaged = Buffer.from(pngBytes);
      damaged[i] ^= 0x55;
      expect(checkImage(damaged).ok, `byte ${i}`).toBe(false);
    }
    const damaged = Buffer.from(pngBytes);
    damaged[pngBytes.indexOf('IDAT') + 20] ^= 0xff;
    expect(problemOf(damaged)).toMatch(/is damaged/);
    // Right checksums, wrong contents: a filter byte that does not exist, too few rows.
    expect(problemOf(png({ w: 4, h: 2, raw: Buffer.from([9, ...Array(16).fill(0), 0, ...Array(16).fill(0)]) }))).toMatch(/does not decode/);
    expect(problemOf(png({ w: 4, h: 2, raw: Buffer.alloc(17) }))).toMatch(/ends before its last row/);
    expect(problemOf(png({ w: 4, h: 2, type: 3, raw: Buffer.alloc(10) }))).toMatch(/palette is missing/);
    expect(problemOf(png({ w: 4, h: 2, depth: 3 }))).toMatch(/no valid PNG/);
  });

  it('refuses a JPEG without its tables or its picture data', () => {
    expect(problemOf(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toMatch(/header is missing/);
    expect(problemOf(Buffer.from([0xff, 0xd8, 0x00, 0x00]))).toMatch(/garbled/);
  });

  it('refuses more than 50 megapixels from the header alone, before decoding', () => {
    const header = png({ w: 60000, h: 60000 }).subarray(0, 33); // signature and IHDR: 33 bytes
    const r = checkImage(header);
    expect(r).toMatchObject({ ok: false, code: 'image-too-large' });
    expect(!r.ok && r.problem).toBe('is 60000 × 60000 pixels (3600 megapixels), more than the 50 megapixel limit');
    expect(!r.ok && r.hint).toMatch(/scale it down, e\.g\. to 7071 × 7071 pixels/);
    const sof = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    expect(checkImage(sof)).toMatchObject({ ok: false, code: 'image-too-large' });
    expect(checkImage(png({ w: 5000, h: MAX_PIXELS / 5000 }).subarray(0, 33))).toMatchObject({ ok: false, code: 'image-unreadable' }); // at the limit: checked further
  });

  it('checks a picture just under the pixel limit whole (7000 × 7000)', () => {
    const w = 7000;
    const h = 7000;
    const big = png({ w, h, type: 0, raw: Buffer.alloc(h * (1 + w)) });
    expect(checkImage(big).ok).toBe(true);
    expect(checkImage(big.subarray(0, big.length - 40)).ok).toBe(false);
  });
});

describe('pictures that would take too much memory to check', () => {
  it('refuses a 16-bit RGBA PNG under the pixel limit whose pixels would be over 256 MiB', () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(7000, 0);
    ihdr.writeUInt32BE(7000, 4);
    ihdr[8] = 16;
    ihdr[9] = 6;
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(10))), chunk('IEND', Buffer.alloc(0))]);
    const r = checkImage(bytes);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ code: 'image-too-large' });
    expect(!r.ok && r.problem).toMatch(/would take 374 MiB to decode \(7000 × 7000 pixels at 16 bits per channel\)/);
  });
});

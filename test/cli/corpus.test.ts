// The bad-input corpus, end to end through the build command: every case exits 1 with a located
// message and a hint, prints no stack trace, writes nothing, and leaves a previous deck byte-identical.
// Cases are the fixtures in test/fixtures/outlines/bad/ plus inputs that cannot live in a YAML file
// (binary, BOM, CRLF, sizes, symlinks, control characters), made here.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createCanvas } from '../../src/canvas.js';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/cli/commands.js';
import { CliError } from '../../src/cli/errors.js';
import { tempDir } from '../helpers.js';

const BAD = path.join(import.meta.dirname, '..', 'fixtures', 'outlines', 'bad');
const PREVIOUS = Buffer.from('previous good deck: must survive every failed build');

interface Case {
  name: string;
  /** Prepares the case in `dir` and returns the outline path. */
  make(dir: string): string;
  code: string;
  /** line:col of the error, or '' when only that it is located can be known. */
  at: string;
}

const fixtureCases: Case[] = fs
  .readdirSync(BAD)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const text = fs.readFileSync(path.join(BAD, f), 'utf8');
    const [, code, line, col] = /^# expect: (\S+) (\d+):(\d+)/.exec(text)!;
    return { name: f, code: code!, at: `${line}:${col}`, make: () => path.join(BAD, f) };
  });

const write = (dir: string, name: string, data: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};
const deckWith = (slide: string) => `deck:\n  title: Generated\nslides:\n${slide}`;

/** A picture drawn here, so that every kind of damage can be made from a whole one. */
function picture(type: 'image/png' | 'image/jpeg'): Buffer {
  const c = createCanvas(240, 160);
  const ctx = c.getContext('2d');
  for (let i = 0; i < 30; i++) {
    ctx.fillStyle = `hsl(${i * 12}, 60%, 50%)`;
    ctx.fillRect((i * 37) % 240, (i * 23) % 160, 40, 30);
  }
  return c.toBuffer(type as 'image/png');
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([len, Buffer.from(type), data, crc]);
}
/** A PNG whose header claims `w` × `h`; its data is whatever fits in `idat` bytes. */
function pngClaiming(w: number, h: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}
const imageSlide = (file: string) => deckWith(`  - type: image\n    title: Picture\n    image: ${file}\n    alt: A picture\n`);
const tableFrom = (csv: string) => deckWith(`  - type: table\n    title: Table\n    data: ${csv}\n`);

const generatedCases: Case[] = [
  { name: 'binary file', code: 'binary-file', at: '1:1', make: (d) => write(d, 'deck.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00])) },
  { name: 'empty file', code: 'empty-outline', at: '1:1', make: (d) => write(d, 'deck.yaml', '') },
  { name: 'only comments', code: 'empty-outline', at: '1:1', make: (d) => write(d, 'deck.yaml', '# nothing here yet\n\n') },
  { name: 'over the size limit', code: 'file-too-large', at: '1:1', make: (d) => write(d, 'deck.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`) },
  {
    name: 'far over the size limit (refused before reading)',
    code: 'file-too-large',
    at: '1:1',
    make: (d) => {
      const file = path.join(d, 'deck.yaml');
      const fd = fs.openSync(file, 'w');
      fs.ftruncateSync(fd, 64 * 1024 * 1024);
      fs.closeSync(fd);
      return file;
    },
  },
  { name: 'BOM, then an unknown key', code: 'unknown-key', at: '3:3', make: (d) => write(d, 'deck.yaml', '\uFEFFdeck:\n  title: BOM\n  colour: red\nslides: [{ type: title }]\n') },
  { name: 'CRLF line ends, then an unknown slide type', code: 'unknown-slide-type', at: '4:11', make: (d) => write(d, 'deck.yaml', 'deck:\r\n  title: CRLF\r\nslides:\r\n  - type: tilte\r\n') },
  { name: 'U+000B in a title', code: 'control-character', at: '6:12', make: (d) => write(d, 'deck.yaml', deckWith('  - type: section\n    title: "Tab\\vbed"\n').replace('deck:', 'deck:\n  subtitle: fine')) },
  { name: 'a 10,000-character title', code: 'too-long', at: '5:12', make: (d) => write(d, 'deck.yaml', deckWith(`  - type: section\n    title: ${'Long '.repeat(2000)}\n`)) },
  { name: '500 bullets', code: 'too-many', at: '7:7', make: (d) => write(d, 'deck.yaml', deckWith(`  - type: bullets\n    title: Many\n    bullets:\n${Array.from({ length: 500 }, (_, i) => `      - point ${i}\n`).join('')}`)) },
  {
    name: 'an image reached through a symlink out of the deck folder',
    code: 'image-not-found',
    at: '6:12',
    make: (d) => {
      const outside = tempDir('outside');
      fs.writeFileSync(path.join(outside, 'secret.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      fs.symlinkSync(path.join(outside, 'secret.png'), path.join(d, 'link.png'));
      return write(d, 'deck.yaml', deckWith('  - type: image\n    title: Linked\n    image: link.png\n    alt: A link out\n'));
    },
  },
  {
    name: 'an oversized image',
    code: 'image-not-found',
    at: '6:12',
    make: (d) => {
      const fd = fs.openSync(path.join(d, 'huge.png'), 'w');
      fs.ftruncateSync(fd, 26 * 1024 * 1024);
      fs.closeSync(fd);
      return write(d, 'deck.yaml', deckWith('  - type: image\n    title: Huge\n    image: huge.png\n    alt: Too big\n'));
    },
  },
  // Text that is not UTF-8, or holds characters a slide cannot.
  { name: 'a Latin-1 outline', code: 'not-utf8', at: '2:13', make: (d) => write(d, 'deck.yaml', Buffer.from('deck:\n  title: Caf\xe9 au lait\nslides: [{ type: title }]\n', 'latin1')) },
  { name: 'a UTF-16 outline', code: 'not-utf8', at: '1:1', make: (d) => write(d, 'deck.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('deck:\n  title: x\n', 'utf16le')])) },
  { name: 'a CESU-8 surrogate in an outline', code: 'not-utf8', at: '2:10', make: (d) => write(d, 'deck.yaml', Buffer.concat([Buffer.from('deck:\n  title: '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\nslides: [{ type: title }]\n')])) },
  { name: 'a raw U+FFFE in a title', code: 'control-character', at: '5:18', make: (d) => write(d, 'deck.yaml', deckWith('  - type: section\n    title: Before\uFFFEafter\n')) },
  { name: 'a raw U+FFFF in a bullet', code: 'control-character', at: '7:11', make: (d) => write(d, 'deck.yaml', deckWith('  - type: bullets\n    title: B\n    bullets:\n      - x \uFFFF y\n')) },
  { name: 'a CSV cell with a control character', code: 'control-character', at: '6:11', make: (d) => (write(d, 'c.csv', 'name,value\nbell\x07,1\n'), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  { name: 'a CSV cell with NUL', code: 'control-character', at: '6:11', make: (d) => (write(d, 'c.csv', 'name,value\nnul\0,1\n'), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  { name: 'a CSV cell with U+FFFE', code: 'control-character', at: '6:11', make: (d) => (write(d, 'c.csv', 'name,value\nx\uFFFEy,1\n'), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  { name: 'a Latin-1 CSV', code: 'not-utf8', at: '6:11', make: (d) => (write(d, 'c.csv', Buffer.from('name,value\nZ\xfcrich,1\n', 'latin1')), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  { name: 'a CSV with a duplicate header', code: 'data-duplicate-column', at: '6:11', make: (d) => (write(d, 'c.csv', 'year,value,value\n2023,1,2\n'), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  { name: 'a 100,000-row CSV table (refused at once)', code: 'too-many', at: '6:11', make: (d) => (write(d, 'c.csv', `n,v\n${Array.from({ length: 100_000 }, (_, i) => `row ${i},${i}`).join('\n')}\n`), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  { name: 'a CSV table of 5,000 columns', code: 'too-many', at: '6:11', make: (d) => (write(d, 'c.csv', `${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n${Array(5000).fill('1').join(',')}\n`), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  { name: 'a CSV cell of 100,000 characters', code: 'too-long', at: '6:11', make: (d) => (write(d, 'c.csv', `a,b\n${'x'.repeat(100_000)},1\n`), write(d, 'deck.yaml', tableFrom('c.csv'))) },
  {
    name: 'continued tables that would make more than 2,000 slides',
    code: 'too-many-slides',
    at: '',
    make: (d) => {
      write(d, 'c.csv', `n,v\n${Array.from({ length: 1000 }, (_, i) => `row ${i},${i}`).join('\n')}\n`);
      const slide = '  - type: table\n    title: Long\n    data: c.csv\n    overflow: continue\n';
      return write(d, 'deck.yaml', deckWith(slide.repeat(200)));
    },
  },
  // Pictures that are not whole, or too large.
  { name: 'a PNG cut in half', code: 'image-unreadable', at: '6:12', make: (d) => (write(d, 'p.png', ((p) => p.subarray(0, p.length >> 1))(picture('image/png'))), write(d, 'deck.yaml', imageSlide('p.png'))) },
  { name: 'a JPEG cut in half', code: 'image-unreadable', at: '6:12', make: (d) => { const j = picture('image/jpeg'); write(d, 'p.jpg', j.subarray(0, j.length >> 1)); return write(d, 'deck.yaml', imageSlide('p.jpg')); } },
  { name: 'a PNG with a bad CRC', code: 'image-unreadable', at: '6:12', make: (d) => { const p = picture('image/png'); p[p.indexOf('IDAT') + 30] ^= 0xff; write(d, 'p.png', p); return write(d, 'deck.yaml', imageSlide('p.png')); } },
  { name: 'a 45-byte PNG claiming 60000 × 60000', code: 'image-too-large', at: '6:12', make: (d) => (write(d, 'p.png', pngClaiming(60000, 60000, Buffer.alloc(0))), write(d, 'deck.yaml', imageSlide('p.png'))) },
  { name: 'a 109 KB PNG declaring 30000 × 30000 (refused before decoding)', code: 'image-too-large', at: '6:12', make: (d) => (write(d, 'p.png', pngClaiming(30000, 30000, zlib.deflateSync(Buffer.alloc(30 * 1024 * 1024)))), write(d, 'deck.yaml', imageSlide('p.png'))) },
  { name: 'a damaged logo', code: 'image-unreadable', at: '4:11', make: (d) => (write(d, 'l.png', ((p) => p.subarray(0, p.length - 20))(picture('image/png'))), write(d, 'deck.yaml', 'deck:\n  title: Logo\n  theme:\n    logo: l.png\nslides: [{ type: title }]\n')) },
];

describe('bad-input corpus through `briefdeck build`', () => {
  it('has at least 60 cases', () => expect(fixtureCases.length + generatedCases.length).toBeGreaterThanOrEqual(60));

  for (const c of [...fixtureCases, ...generatedCases]) {
    it(`${c.name}: exit 1, ${c.code} at ${c.at}, nothing written`, async () => {
      const dir = tempDir('corpus');
      const outline = c.make(dir);
      const out = path.join(dir, 'out', 'deck.pptx');
      fs.mkdirSync(path.dirname(out));
      fs.writeFileSync(out, PREVIOUS);
      const said: string[] = [];
      const io = { out: (l: string) => said.push(l), err: (l: string) => said.push(l) };
      let code: number;
      try {
        code = await buildCommand(outline, { out }, io);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        said.push(e.message);
        code = e.exitCode;
      }
      const text = said.join('\n');
      expect(code, text).toBe(1);
      // `at` empty: located, but where depends on the layout (which slide crosses a limit).
      if (c.at) expect(text).toContain(`${outline}:${c.at}: error: `);
      else expect(text).toMatch(new RegExp(`${outline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
      expect(text).toContain(`[${c.code}]`);
      expect(text).toMatch(/\n {2}hint: /);
      expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(fs.readFileSync(out).equals(PREVIOUS)).toBe(true);
      expect(fs.readdirSync(path.dirname(out))).toEqual(['deck.pptx']);
    });
  }
});

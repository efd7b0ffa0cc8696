// briefdeck preview: the contact sheet's grid (pure, on synthetic images), finding the tools without a
// shell, the one-line messages when LibreOffice or pdftoppm is missing, and — when both are installed —
// real slide images from decks/, with stale images of a longer deck removed.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '../../src/canvas.js';
import { describe, expect, it } from 'vitest';
import { BACKGROUND, contactSheet, GUTTER, LABEL_COLOUR, sheetGeometry } from '../../src/cli/contact-sheet.js';
import { convertToPdf, findExecutable, findSoffice, missingToolMessage, pdfToPngs } from '../../src/cli/office.js';
import { parseDpi, previewCommand } from '../../src/cli/preview.js';
import { parseHex } from '../../src/render/style.js';
import { buildDeck, DECKS, mustRunInCi, tempDir } from '../helpers.js';

type Rgb = [number, number, number];

function solidPng(w: number, h: number, colour: string): Buffer {
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, w, h);
  return c.toBuffer('image/png');
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function decode(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

type Pixels = Awaited<ReturnType<typeof decode>>;

function pixel(p: Pixels, x: number, y: number): Rgb {
  const i = (Math.round(y) * p.width + Math.round(x)) * 4;
  return [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
}

const near = (a: Rgb, b: Rgb, tol = 6) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

/** Pixels in a box within `tol` of a colour. */
function countNear(p: Pixels, box: { x: number; y: number; w: number; h: number }, colour: Rgb, tol = 40): number {
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) for (let x = box.x; x < box.x + box.w; x++) if (near(pixel(p, x, y), colour, tol)) n++;
  return n;
}

const COLOURS = ['#e03131', '#2f9e44', '#1971c2', '#f08c00', '#9c36b5'];

describe('contactSheet', () => {
  it('lays images out in reading order in a grid of the computed size, each numbered under it', async () => {
    const pngs = COLOURS.map((c) => solidPng(320, 180, c));
    const sheet = await contactSheet(pngs, { columns: 3, width: 1000 });

    // 3 columns, 2 rows: thumbnails floor((1000 − 4 gutters) / 3) wide, 16:9 high, each with a label band.
    const thumbW = Math.floor((1000 - 4 * GUTTER) / 3);
    const thumbH = Math.round((thumbW * 180) / 320);
    const g = sheetGeometry(5, 320, 180, { columns: 3, width: 1000 });
    expect([g.columns, g.rows, g.thumbW, g.thumbH]).toEqual([3, 2, thumbW, thumbH]);
    expect(g.height).toBe(GUTTER + 2 * (thumbH + g.cells[0]!.labelH + GUTTER));
    expect(pngSize(sheet)).toEqual({ width: 1000, height: g.height });

    const p = await decode(sheet);
    const label = parseHex(LABEL_COLOUR) as Rgb;
    COLOURS.forEach((colour, i) => {
      const c = g.cells[i]!;
      expect(c.x).toBe(GUTTER + (i % 3) * (thumbW + GUTTER));
      expect(c.y).toBe(GUTTER + Math.floor(i / 3) * (thumbH + c.labelH + GUTTER));
      expect(pixel(p, c.x + c.w / 2, c.y + c.h / 2), `cell ${i + 1}`).toEqual(parseHex(colour));
      expect(pixel(p, c.x + 3, c.y + 3), `cell ${i + 1} corner`).toEqual(parseHex(colour));
      expect(countNear(p, { x: c.x, y: c.labelY, w: c.w, h: c.labelH }, label), `number under cell ${i + 1}`).toBeGreaterThan(5);
    });
    // The sixth cell is empty: ground colour, no number.
    const empty = { x: g.cells[2]!.x, y: g.cells[3]!.y };
    expect(pixel(p, empty.x + thumbW / 2, empty.y + thumbH / 2)).toEqual(parseHex(BACKGROUND));
    expect(countNear(p, { x: empty.x, y: g.cells[3]!.labelY, w: thumbW, h: g.cells[3]!.labelH }, label)).toBe(0);
    // Gutters are ground colour, and the numbers differ ("1" and "2" are not the same drawing).
    expect(pixel(p, GUTTER / 2, GUTTER / 2)).toEqual(parseHex(BACKGROUND));
    const band = (i: number) => {
      const c = g.cells[i]!;
      const bits: boolean[] = [];
      for (let y = c.labelY; y < c.labelY + c.labelH; y++) for (let x = c.x; x < c.x + c.w; x++) bits.push(near(pixel(p, x, y), label, 40));
      return bits.join();
    };
    expect(band(0)).not.toBe(band(1));
  });

  it('uses 3 columns up to 9 images and 4 beyond, never more columns than images, and does not enlarge', async () => {
    const small = (n: number) => Array.from({ length: n }, (_, i) => solidPng(160, 90, COLOURS[i % COLOURS.length]!));
    expect(sheetGeometry(9, 1280, 720).columns).toBe(3);
    expect(sheetGeometry(10, 1280, 720).columns).toBe(4);
    expect(sheetGeometry(2, 1280, 720).columns).toBe(2);
    expect(sheetGeometry(18, 1280, 720)).toMatchObject({ columns: 4, rows: 5, width: 1920 });
    // Two 160 px images: the sheet is as wide as the images at full size plus gutters.
    const sheet = await contactSheet(small(2));
    expect(pngSize(sheet).width).toBe(3 * GUTTER + 2 * 160);
    const ten = await contactSheet(small(10), { width: 800 });
    const g = sheetGeometry(10, 160, 90, { width: 800 });
    expect(pngSize(ten)).toEqual({ width: 800, height: g.height });
    expect(g.rows).toBe(3);
  });

  it('keeps each image\'s aspect ratio inside its cell', async () => {
    const sheet = await contactSheet([solidPng(320, 180, COLOURS[0]!), solidPng(180, 180, COLOURS[1]!)], { columns: 2, width: 700 });
    const g = sheetGeometry(2, 320, 180, { columns: 2, width: 700 });
    const p = await decode(sheet);
    const c = g.cells[1]!;
    // The square is as high as the cell, centred: ground colour left and right of it.
    expect(pixel(p, c.x + c.w / 2, c.y + c.h / 2)).toEqual(parseHex(COLOURS[1]!));
    expect(pixel(p, c.x + 2, c.y + c.h / 2)).toEqual(parseHex(BACKGROUND));
    expect(pixel(p, c.x + c.w - 3, c.y + c.h / 2)).toEqual(parseHex(BACKGROUND));
    expect(pixel(p, c.x + c.w / 2 - c.h / 2 + 3, c.y + c.h / 2)).toEqual(parseHex(COLOURS[1]!));
  });

  it('refuses no images and impossible grids', async () => {
    await expect(contactSheet([])).rejects.toThrow(/at least one image/);
    expect(() => sheetGeometry(3, 100, 100, { columns: 0 })).toThrow(/columns/);
    expect(() => sheetGeometry(3, 100, 100, { width: 40 })).toThrow(/too narrow/);
  });
});

function fakeBin(names: string[], script = 'exit 1'): string {
  const dir = tempDir('bin');
  for (const n of names) fs.writeFileSync(path.join(dir, n), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const ETDZ = path.join(DECKS, 'etdz-briefing.yaml');

describe('finding LibreOffice and pdftoppm', () => {
  it('searches PATH without a shell, skipping non-executables, and accepts `libreoffice` for soffice', () => {
    const bin = fakeBin(['libreoffice']);
    fs.writeFileSync(path.join(bin, 'soffice'), 'not executable', { mode: 0o644 });
    const where = { env: { PATH: `${tempDir('empty')}:${bin}` }, platform: 'linux' as const };
    expect(findExecutable('soffice', where)).toBeUndefined();
    expect(findSoffice(where)).toBe(path.join(bin, 'libreoffice'));
    expect(findExecutable('pdftoppm', where)).toBeUndefined();
  });

  it('without LibreOffice: exit 1 and one line saying how to install it', async () => {
    const { io, out, err } = capture();
    const code = await previewCommand(ETDZ, { out: tempDir('preview-none') }, io, { env: { PATH: tempDir('empty') }, platform: 'linux' });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['briefdeck: preview needs LibreOffice: apt-get install -y --no-install-recommends libreoffice-impress poppler-utils']);
    expect(missingToolMessage('soffice', 'darwin')).toMatch(/brew install --cask libreoffice.*brew install poppler/);
  });

  it('without pdftoppm: exit 1 and one line naming poppler', async () => {
    const { io, err } = capture();
    const code = await previewCommand(ETDZ, {}, io, { env: { PATH: fakeBin(['soffice']) }, platform: 'linux' });
    expect(code).toBe(1);
    expect(err).toEqual(['briefdeck: preview needs pdftoppm (poppler): apt-get install -y --no-install-recommends poppler-utils']);
    expect(missingToolMessage('pdftoppm', 'darwin')).toBe('briefdeck: preview needs pdftoppm (poppler): brew install poppler');
  });

  it('prints a broken outline\'s diagnostics as build does and makes no preview', async () => {
    const dir = tempDir('preview-broken');
    const outline = path.join(dir, 'deck.yaml');
    fs.writeFileSync(outline, fs.readFileSync(ETDZ, 'utf8').replace(/type: bullets/, 'type: bulets'));
    const { io, err } = capture();
    const code = await previewCommand(outline, { out: path.join(dir, 'out') }, io, { env: { PATH: fakeBin(['soffice', 'pdftoppm']) } });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/deck\.yaml:\d+:\d+: error: unknown slide type `bulets`/);
    expect(err.at(-1)).toBe('briefdeck: no preview made because of the errors above');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('reports a failed or hung conversion in one line, with what LibreOffice said', async () => {
    const { io, err } = capture();
    const failing = fakeBin(['soffice', 'pdftoppm'], 'echo "Error: source file could not be loaded" >&2; exit 0');
    expect(await previewCommand(ETDZ, { out: tempDir('preview-fail') }, io, { env: { PATH: failing } })).toBe(1);
    expect(err).toEqual(['briefdeck: LibreOffice could not convert the deck to PDF: Error: source file could not be loaded']);

    const work = tempDir('preview-hang');
    const hung = path.join(fakeBin(['soffice'], 'sleep 30'), 'soffice');
    const started = Date.now();
    await expect(convertToPdf(hung, path.join(work, 'deck.pptx'), work, work, 300)).rejects.toThrow(/did not finish converting the deck to PDF within 0 s/);
    expect(Date.now() - started).toBeLessThan(5000);

    const bad = path.join(fakeBin(['pdftoppm'], 'echo "Syntax Error: Couldn\'t read xref table" >&2; exit 1'), 'pdftoppm');
    await expect(pdfToPngs(bad, path.join(work, 'deck.pdf'), work, 96)).rejects.toThrow(/^briefdeck: pdftoppm could not render the PDF: Syntax Error: Couldn't read xref table$/);
  });

  it('refuses an output folder that is a file', async () => {
    const file = path.join(tempDir('preview-file'), 'taken');
    fs.writeFileSync(file, 'x');
    const { io, err } = capture();
    expect(await previewCommand(ETDZ, { out: file }, io, { env: { PATH: fakeBin(['soffice', 'pdftoppm']) } })).toBe(1);
    expect(err).toEqual([`briefdeck: cannot write to ${file}: it (or a folder above it) is a file, not a folder`]);
  });

  it('checks --dpi', async () => {
    expect(parseDpi('150')).toBe(150);
    expect(() => parseDpi('abc')).toThrow(/must be a number from 24 to 600/);
    expect(() => parseDpi('0')).toThrow(/from 24 to 600/);
    expect(() => parseDpi('')).toThrow(/from 24 to 600/);
    const { io, err } = capture();
    expect(await previewCommand(ETDZ, { dpi: Number.NaN }, io)).toBe(1);
    expect(err).toEqual(['briefdeck: --dpi must be a number from 24 to 600, not `NaN`']);
  });
});

function missingPreviewTools(): string | undefined {
  const missing = [
    findSoffice() ? '' : 'soffice (apt-get install -y --no-install-recommends libreoffice-impress)',
    findExecutable('pdftoppm') ? '' : 'pdftoppm (apt-get install -y poppler-utils)',
  ].filter(Boolean);
  return mustRunInCi(missing.length ? `missing ${missing.join(', ')}` : undefined);
}

const slidePngs = (dir: string) => fs.readdirSync(dir).filter((f) => /^slide-\d+\.png$/.test(f)).sort();

describe('briefdeck preview with LibreOffice', () => {
  const noTools = missingPreviewTools();
  it.skipIf(noTools)(
    `renders one 1280 px image per slide, a contact sheet and the PDF, then a shorter deck replaces them${noTools ? ` (${noTools})` : ''}`,
    async () => {
      const dir = path.join(tempDir('preview'), 'out');
      const slides = (await buildDeck(ETDZ)).stats.slides;
      const first = capture();
      expect(await previewCommand(ETDZ, { out: dir, pdf: true }, first.io), first.err.join('\n')).toBe(0);
      expect(first.err).toEqual([]);
      expect(first.out).toHaveLength(1);
      expect(first.out[0]).toMatch(new RegExp(`^wrote ${slides} slide images, a contact sheet and etdz-briefing\\.pdf to .*out \\(in \\d+ ms\\)$`));

      const names = slidePngs(dir);
      expect(names).toEqual(Array.from({ length: slides }, (_, i) => `slide-${String(i + 1).padStart(2, '0')}.png`));
      // 96 dpi: exactly 1280 × 720 (LibreOffice's 960.009 pt page would otherwise give 1281 px, the last
      // column blank white — visible on a dark title slide).
      for (const n of names) expect(pngSize(fs.readFileSync(path.join(dir, n))), n).toEqual({ width: 1280, height: 720 });
      const title = await decode(fs.readFileSync(path.join(dir, 'slide-01.png')));
      expect(pixel(title, 1279, 360)).toEqual(pixel(title, 1270, 360));
      const sheet = fs.readFileSync(path.join(dir, 'contact-sheet.png'));
      expect(pngSize(sheet)).toEqual({ width: 1920, height: sheetGeometry(slides, 1280, 720).height });
      expect(fs.readFileSync(path.join(dir, 'etdz-briefing.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      const firstSlide = fs.readFileSync(path.join(dir, 'slide-01.png'));

      // A shorter deck into the same folder: its images replace the old ones, the extra ones go.
      const smaller = path.join(DECKS, 'example-quarterly.yaml');
      const fewer = (await buildDeck(smaller)).stats.slides;
      expect(fewer).toBeLessThan(slides);
      const second = capture();
      expect(await previewCommand(smaller, { out: dir, quiet: true, dpi: 48 }, second.io), second.err.join('\n')).toBe(0);
      expect(second.out).toEqual([]);
      expect(slidePngs(dir)).toHaveLength(fewer);
      expect(pngSize(fs.readFileSync(path.join(dir, 'slide-01.png')))).toEqual({ width: 640, height: 360 });
      expect(fs.readFileSync(path.join(dir, 'slide-01.png')).equals(firstSlide)).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    300_000,
  );
});

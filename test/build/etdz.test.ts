// The ETDZ briefing: its content promises (figures exactly as the article gives them, notes, alt text).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, DECKS, notesXmls, slideXmls, textOf, unzip } from '../helpers.js';

const FILE = path.join(DECKS, 'etdz-briefing.yaml');
const CONTENT = new Set(['bullets', 'stats', 'chart', 'text-chart', 'quote', 'table', 'image']);

describe('ETDZ briefing deck', () => {
  it('has at least 12 slides, three charts, and the promised slide kinds', async () => {
    const r = await buildDeck(FILE);
    expect(r.stats.slides).toBeGreaterThanOrEqual(12);
    expect(r.stats.charts).toBeGreaterThanOrEqual(3);
    const kinds = r.placed!.slides.map((s) => s.kind);
    for (const k of ['title', 'agenda', 'stats', 'sources', 'closing']) expect(kinds).toContain(k);
  });

  it('shows every figure exactly as the article gives it', async () => {
    const all = (await slideXmls((await buildDeck(FILE)).pptx!)).map(textOf).join('\n');
    for (const figure of ['229', '15.2 trillion yuan', '$2.1 trillion', '1.3 trillion yuan', '1.2 trillion yuan', '4.7 trillion yuan', '$16.6 billion']) {
      expect(all).toContain(figure);
    }
  });

  it('marks derived numbers and explains them with their formula', async () => {
    const all = (await slideXmls((await buildDeck(FILE)).pptx!)).map(textOf).join('\n');
    expect(all).toContain('92.3%†');
    expect(all).toMatch(/† Derived[^\n]*1\.2 trillion yuan ÷ 1\.3 trillion yuan × 100/);
  });

  it('has speaker notes on every content slide', async () => {
    const r = await buildDeck(FILE);
    const notes = await notesXmls(r.pptx!);
    r.placed!.slides.forEach((s, i) => {
      if (!CONTENT.has(s.kind)) return;
      expect(s.notes, `slide ${i + 1} (${s.kind})`).toBeTruthy();
      expect(textOf(notes.get(i + 1) ?? '').length, `notes of slide ${i + 1}`).toBeGreaterThan(40);
    });
  });

  it('gives every picture alt text made from its data', async () => {
    const slides = await slideXmls((await buildDeck(FILE)).pptx!);
    const pics = slides.flatMap((x) => [...x.matchAll(/<p:pic>[\s\S]*?<p:cNvPr [^>]*?>/g)].map((m) => m[0]));
    expect(pics.length).toBeGreaterThanOrEqual(3);
    for (const pic of pics) expect(pic).toMatch(/descr="[^"]{20,}"/);
    expect(slides.join('')).toMatch(/descr="[^"]*chart[^"]*15\.2/i);
  });

  it('cites the source above the footer of slides that show its figures', async () => {
    const r = await buildDeck(FILE);
    const stats = r.placed!.slides.find((s) => s.kind === 'stats')!;
    const notes = stats.elements.find((e) => e.type === 'text' && e.role === 'notes');
    const lines = notes && notes.type === 'text' ? notes.paragraphs.map((p) => p.runs.map((run) => run.text).join('')) : [];
    expect(lines[lines.length - 1]).toMatch(/^Source: China Daily/);
    const footer = stats.elements.find((e) => e.type === 'text' && e.role === 'footer');
    expect(footer && footer.type === 'text' && footer.paragraphs[0]!.runs[0]!.text).toBe(r.deck!.meta.title);
  });
});

describe('pictures in the package', () => {
  it('are the real charts and logo, never the 1×1 stand-ins handed to pptxgenjs', async () => {
    for (const file of [FILE, path.join(DECKS, 'example-quarterly.yaml')]) {
      const zip = unzip((await buildDeck(file)).pptx!);
      const media = Object.keys(zip).filter((n) => n.startsWith('ppt/media/'));
      expect(media.length).toBeGreaterThan(0);
      for (const name of media) {
        const png = Buffer.from(zip[name]!);
        expect(png.readUInt32BE(16), name).toBeGreaterThan(100); // IHDR width
      }
    }
  });
});

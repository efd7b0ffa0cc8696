// Checks on the placed model of every deck in decks/, without pixels: everything inside the slide,
// every text fits its box at the written size, and no two content elements overlap.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlacedElement } from '../../src/layout/placed.js';
import { SLIDE_H, SLIDE_W, type Box } from '../../src/layout/units.js';
import { allDeckFiles, buildDeck, expectedOverflowLines, fixtureDeckFiles } from '../helpers.js';

const EPS = 1e-6;
const inside = (b: Box) => b.x >= -EPS && b.y >= -EPS && b.x + b.w <= SLIDE_W + EPS && b.y + b.h <= SLIDE_H + EPS;
const overlap = (a: Box, b: Box) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.01 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.01;
const isContent = (e: PlacedElement) => !(e.type === 'rect' || e.type === 'line');

describe.each(allDeckFiles().map((f) => [path.basename(f), f]))('%s', (_name, file) => {
  it('keeps every element inside the slide', async () => {
    for (const s of (await buildDeck(file)).placed!.slides) {
      for (const e of s.elements) expect(inside(e.box), `slide ${s.number} ${e.type} ${JSON.stringify(e.box)}`).toBe(true);
    }
  });

  it('fits every text at the size it is written with (but where a stress deck expects overflow)', async () => {
    const expected = expectedOverflowLines(file);
    for (const s of (await buildDeck(file)).placed!.slides) {
      if (expected.includes(s.span.line)) continue;
      for (const e of s.elements) {
        if (e.type === 'text') {
          expect(e.fits, `slide ${s.number} ${e.role}`).toBe(true);
          expect(e.neededH).toBeLessThanOrEqual(e.box.h + EPS);
        }
        if (e.type === 'table') expect(e.fits, `slide ${s.number} table`).toBe(true);
      }
    }
  });

  it('has no overlapping content elements', async () => {
    for (const s of (await buildDeck(file)).placed!.slides) {
      const content = s.elements.filter(isContent);
      for (let i = 0; i < content.length; i++) {
        for (let j = i + 1; j < content.length; j++) {
          const a = content[i]!;
          const b = content[j]!;
          expect(overlap(a.box, b.box), `slide ${s.number}: ${a.type} ${JSON.stringify(a.box)} overlaps ${b.type} ${JSON.stringify(b.box)}`).toBe(false);
        }
      }
    }
  });

  it('writes chart text at 12 pt or more at the placed size', async () => {
    const { chartConfig } = await import('../../src/render/chart-config.js');
    const { deck, placed } = await buildDeck(file);
    for (const s of placed!.slides) {
      for (const e of s.elements) {
        if (e.type !== 'chart') continue;
        const sizes: number[] = [];
        JSON.stringify(chartConfig(e.spec, deck!.theme, { widthIn: e.box.w, heightIn: e.box.h }), (k, v) => {
          if (k === 'size' && typeof v === 'number') sizes.push(v);
          return v;
        });
        expect(sizes.length).toBeGreaterThan(0);
        // chart.js sizes are CSS pixels at 96 px/in: 12 pt = 16 px.
        for (const px of sizes) expect(px).toBeGreaterThanOrEqual(16);
      }
    }
  });
});

describe('overflow: continue', () => {
  it('moves what does not fit onto "(cont.)" slides, bullets and table rows alike', async () => {
    const file = fixtureDeckFiles().find((f) => f.endsWith('stress-fitting.yaml'))!;
    const { placed, deck } = await buildDeck(file);
    const titles = placed!.slides.map((s) => s.title);
    const bulletsTitle = 'The same points, continued on as many slides as they need';
    const tableTitle = 'A long table that continues on the next slides';
    expect(titles).toContain(bulletsTitle);
    expect(titles).toContain(`${bulletsTitle} (cont.)`);
    expect(titles).toContain(`${tableTitle} (cont.)`);
    // Every row appears once, in order, and the header repeats.
    const tables = placed!.slides.filter((s) => s.title.startsWith(tableTitle)).flatMap((s) => s.elements.filter((e) => e.type === 'table'));
    expect(tables.length).toBeGreaterThan(1);
    const rows = tables.flatMap((t) => (t.type === 'table' ? t.rows.map((r) => r[0]!.text[0]!.text) : []));
    expect(rows).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    for (const t of tables) expect(t.type === 'table' && t.header.map((h) => h[0]!.text)).toEqual(['Row', 'Description', 'Value']);
    // The outline's slide count is smaller than the deck's.
    expect(placed!.slides.length).toBeGreaterThan(deck!.slides.length);
  });
});

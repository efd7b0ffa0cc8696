// One type scale per deck, checked on every example and test deck in both built-in themes: content
// titles at no more than two sizes, bullets at one body size except where a slide cannot hold its
// points at it, one label size per stats slide, "(cont.)" slides at their parent's sizes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { PlacedSlide, PlacedText } from '../../src/layout/placed.js';
import { allDeckFiles } from '../helpers.js';

const texts = (s: PlacedSlide, role: PlacedText['role']): PlacedText[] =>
  s.elements.filter((e): e is PlacedText => e.type === 'text' && e.role === role);

const FEATURE = new Set(['title', 'section', 'closing']);

describe.each(allDeckFiles().map((f) => path.basename(f)))('type scale of %s', (name) => {
  const file = allDeckFiles().find((f) => path.basename(f) === name)!;
  it.each(['briefing', 'midnight'] as const)('in the %s theme', async (theme) => {
    const result = await build(fs.readFileSync(file, 'utf8'), { baseDir: path.dirname(file), theme });
    const slides = result.placed!.slides;
    const content = slides.filter((s) => !FEATURE.has(s.kind));
    const titleSizes = new Set(content.flatMap((s) => texts(s, 'title').map((t) => t.sizePt)));
    expect([...titleSizes].length, `content title sizes ${[...titleSizes].join(', ')}`).toBeLessThanOrEqual(2);

    // Bullet slides: one size, except a slide that warned it cannot fit.
    const bulletSizes = new Set(
      content.filter((s) => s.kind === 'bullets').flatMap((s) => texts(s, 'body').filter((t) => t.fits).map((t) => t.sizePt)),
    );
    expect([...bulletSizes].length, `bullet sizes ${[...bulletSizes].join(', ')}`).toBeLessThanOrEqual(1);

    for (const s of content.filter((x) => x.kind === 'stats')) {
      const labels = new Set(texts(s, 'label').map((t) => t.sizePt));
      expect(labels.size, `slide ${s.number}: label sizes`).toBeLessThanOrEqual(1);
    }
    // A continued slide keeps its parent's sizes.
    for (const [i, s] of slides.entries()) {
      const parent = slides[i - 1];
      if (!parent || !s.title || !parent.title || !s.title.startsWith(parent.title.replace(/\s*\(.*\)$/, '')) || s.kind !== parent.kind) continue;
      if (s.title === parent.title) continue;
      expect(texts(s, 'title')[0]?.sizePt, `slide ${s.number}`).toBe(texts(parent, 'title')[0]?.sizePt);
    }
  });
});

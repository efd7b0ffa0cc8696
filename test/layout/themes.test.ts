// Every example deck in both built-in themes: builds, keeps its geometry, every text readable (contrast
// ≥ 4.5:1 against what it is drawn on, read from the placed model), and passes the schema validator.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { PlacedElement, PlacedSlide } from '../../src/layout/placed.js';
import type { Box } from '../../src/layout/units.js';
import { contrastRatio } from '../../src/model/color.js';
import { deckFiles, expectedOverflowLines, missingTool, run, tempDir, VALIDATOR } from '../helpers.js';

const within = (inner: Box, outer: Box) => inner.x >= outer.x - 1e-6 && inner.y >= outer.y - 1e-6 && inner.x + inner.w <= outer.x + outer.w + 1e-6 && inner.y + inner.h <= outer.y + outer.h + 1e-6;

/** The fill under an element: the last filled rectangle drawn before it that contains it, or the slide. */
function fillUnder(slide: PlacedSlide, index: number): string {
  const el = slide.elements[index]!;
  for (let i = index - 1; i >= 0; i--) {
    const under = slide.elements[i]!;
    if (under.type === 'rect' && under.fill && within(el.box, under.box)) return under.fill;
  }
  return slide.background;
}

function textColours(el: PlacedElement): string[] {
  if (el.type === 'text') return [el.color, ...el.paragraphs.flatMap((p) => p.runs.flatMap((r) => (r.color ? [r.color] : [])))];
  return [];
}

const noValidator = missingTool('validator');

describe.each(deckFiles().flatMap((f) => (['briefing', 'midnight'] as const).map((t) => [path.basename(f), t, f] as const)))('%s in %s', (_name, theme, file) => {
  it('builds, with every text readable on what it is drawn on', async () => {
    const r = await build(fs.readFileSync(file, 'utf8'), { baseDir: path.dirname(file), theme });
    const expected = expectedOverflowLines(file);
    expect(r.diagnostics.filter((d) => !(d.code === 'text-overflow' && expected.includes(d.span?.line ?? -1))), JSON.stringify(r.diagnostics)).toEqual([]);
    for (const slide of r.placed!.slides) {
      slide.elements.forEach((el, i) => {
        const fill = fillUnder(slide, i);
        for (const colour of textColours(el)) {
          expect(contrastRatio(colour, fill), `slide ${slide.number} ${el.type} ${colour} on ${fill}`).toBeGreaterThanOrEqual(4.5);
        }
        if (el.type === 'table') {
          // Tables have no fills: header and body text are read against the slide.
          expect(contrastRatio(el.colors.header, slide.background)).toBeGreaterThanOrEqual(4.5);
          expect(contrastRatio(el.colors.text, slide.background)).toBeGreaterThanOrEqual(4.5);
        }
      });
    }
    if (!noValidator) {
      const out = path.join(tempDir('theme'), 'deck.pptx');
      fs.writeFileSync(out, r.pptx!);
      const v = run(VALIDATOR, ['--strict', out]);
      expect(v.stdout, v.stderr).toMatch(/ 0 problems\s*$/);
    }
  });
});

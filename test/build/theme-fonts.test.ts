// Font aliases belong to the theme that names them: two builds in one process with "Segoe UI, Arial"
// and then "Segoe UI, Calibri" measure Segoe UI differently, and the first again as the first.
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';

const outline = (font: string): string => `deck:
  title: Fonts
  theme:
    extends: briefing
    fonts:
      body: ${font}
slides:
  - type: bullets
    title: One
    bullets:
      - A line of text that is long enough to be measured with care by the layout stage
`;

async function bodyPitch(font: string): Promise<number> {
  const r = await build(outline(font), { layoutOnly: true });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const texts = r.placed!.slides.flatMap((s) => s.elements).filter((e) => e.type === 'text' && e.fontFace === 'Segoe UI');
  expect(texts.length).toBeGreaterThan(0);
  const t = texts[0] as { sizePt: number; linePitchPt: number };
  return t.linePitchPt / t.sizePt;
}

describe('theme font aliases', () => {
  it('never leak from one build into the next', async () => {
    const arial = await bodyPitch('"Segoe UI, Arial"');
    const calibri = await bodyPitch('"Segoe UI, Calibri"');
    const arialAgain = await bodyPitch('"Segoe UI, Arial"');
    expect(arial).toBeCloseTo(1.15, 2);
    expect(calibri).toBeCloseTo(1.22, 2);
    expect(arialAgain).toBe(arial);
  });
});

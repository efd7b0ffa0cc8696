// A title is set in its placeholder's colour unless that colour cannot be read on what is behind the
// title's box (src/layout/title-color.ts): then in the master's title colour, with a warning.
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { PlacedText } from '../../src/layout/placed.js';
import { contrastRatio } from '../../src/model/color.js';
import { buildPackage, OFFICE_LAYOUTS, rectShape, type LayoutSpec } from '../template/package-builder.js';

const OUTLINE = 'deck:\n  title: Titles\nslides:\n  - type: bullets\n    title: A title on the band\n    bullets: [one point, another point]\n';
const fill = (hex: string) => `<a:lvl1pPr><a:defRPr><a:solidFill><a:srgbClr val="${hex}"/></a:solidFill></a:defRPr></a:lvl1pPr>`;

/** Office's layouts on a master with a dark band across the top and white titles; each layout's title in `layoutTitle`. */
function template(layoutTitle: string): Uint8Array {
  const layouts: LayoutSpec[] = OFFICE_LAYOUTS.map((l) => ({
    ...l,
    placeholders: l.placeholders?.map((p) => (p.type === 'title' ? { ...p, box: [0.5, 0.25, 9, 1.1] as [number, number, number, number], lstStyle: fill(layoutTitle) } : p)),
  }));
  const shapes = [rectShape([0, 0, 10, 1.5], '1F3864')];
  const masters = [{ shapes, titleStyle: fill('FFFFFF'), layouts }];
  return buildPackage({ masters });
}

async function titleOf(bytes: Uint8Array) {
  const r = await build(OUTLINE, { template: { bytes, name: 'banded.pptx' }, layoutOnly: true });
  const title = r.placed!.slides[0]!.elements.find((e): e is PlacedText => e.type === 'text' && e.role === 'title')!;
  return { color: title.color, diagnostics: r.diagnostics };
}

describe('title colour on a template', () => {
  it('keeps the layout\'s title colour where it reads on what is behind the title', async () => {
    const { color, diagnostics } = await titleOf(template('F2F2F2'));
    expect(color.toUpperCase()).toBe('#F2F2F2');
    expect(diagnostics.filter((d) => d.code === 'template-title-contrast')).toEqual([]);
  });

  it('sets a dark title that sits on a dark band in the master\'s light title colour, and says so', async () => {
    const { color, diagnostics } = await titleOf(template('203864'));
    expect(color.toUpperCase()).toBe('#FFFFFF');
    expect(contrastRatio(color, '#1F3864')).toBeGreaterThanOrEqual(3);
    const [d] = diagnostics.filter((x) => x.code === 'template-title-contrast');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toMatch(/layout `Title and Content` sets titles in #203864, which reads at 1\.0:1 on #1F3864 behind the title; its titles are set in #FFFFFF \(\d+\.\d:1\)/);
  });
});

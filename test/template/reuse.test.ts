// What the template reader does once so that later steps need not do it again: shape ids it found
// unique (emit then skips its repair parse), levels 2–9 of layout placeholders resolved on first read,
// the layout chosen for a need remembered per model. Each must give what the full work gives.
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { chooseLayout, LAYOUT_NEEDS } from '../../src/template/choose.js';
import type { LevelStyle } from '../../src/template/model.js';
import { lazyLevels } from '../../src/template/placeholders.js';
import { readTemplate } from '../../src/template/read.js';
import { hasUniqueShapeIds } from '../../src/template/shape-ids.js';
import { descendants, parseXml } from '../../src/xml.js';
import { unzip } from '../helpers.js';
import { buildPackage, OFFICE_LAYOUTS, packageParts, rectShape, zipParts, type PackageSpec } from './package-builder.js';

const LAYOUT2 = 'ppt/slideLayouts/slideLayout2.xml';

function readParts(bytes: Uint8Array) {
  const r = readTemplate(bytes, 'test.pptx');
  if ('error' in r) throw new Error(r.error.message);
  return r;
}

/** The office layouts, the second ("Title and Content") with two rectangles given one id. */
const duplicated: PackageSpec = {
  masters: [{ layouts: OFFICE_LAYOUTS.map((l, i) => (i === 1 ? { ...l, shapes: [rectShape([0.2, 0.2, 1, 0.3], 'FF0000', 50), rectShape([8.8, 0.2, 1, 0.3], '00FF00', 50)] } : l)) }],
};

describe('shape ids the reader found unique', () => {
  it('are noted for parts without duplicates, not for a part with them', () => {
    const r = readParts(buildPackage(duplicated));
    expect(hasUniqueShapeIds(r.parts.get('ppt/slideLayouts/slideLayout1.xml'))).toBe(true);
    expect(hasUniqueShapeIds(r.parts.get('ppt/slideMasters/slideMaster1.xml'))).toBe(true);
    expect(hasUniqueShapeIds(r.parts.get(LAYOUT2))).toBe(false);
    // Other bytes than the ones read (a copy) are not vouched for.
    expect(hasUniqueShapeIds(r.parts.get('ppt/slideLayouts/slideLayout1.xml')!.slice())).toBe(false);
  });

  it('counts two shapes without an id as duplicates, as emit does', () => {
    const noId = '<p:sp><p:nvSpPr><p:cNvPr name="No id"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>';
    const spec: PackageSpec = { masters: [{ layouts: OFFICE_LAYOUTS.map((l, i) => (i === 1 ? { ...l, shapes: [noId, noId] } : l)) }] };
    expect(hasUniqueShapeIds(readParts(buildPackage(spec)).parts.get(LAYOUT2))).toBe(false);
  });

  it('are not noted for a UTF-16 part, which emit reads otherwise', () => {
    const parts = packageParts();
    const text = parts.get(LAYOUT2) as string;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i); // the text is ASCII
    parts.set(LAYOUT2, utf16);
    const r = readParts(zipParts(parts));
    expect(hasUniqueShapeIds(r.parts.get('ppt/slideLayouts/slideLayout1.xml'))).toBe(true);
    expect(hasUniqueShapeIds(r.parts.get(LAYOUT2))).toBe(false);
  });

  it('leave a layout with duplicated ids to be repaired in the deck', async () => {
    const outline = 'deck:\n  title: Ids\nslides:\n  - type: bullets\n    title: One\n    bullets: [a, b]\n';
    const result = await build(outline, { template: { bytes: buildPackage(duplicated), name: 'dup.pptx' } });
    expect(result.pptx).toBeDefined();
    const parts = unzip(result.pptx!);
    for (const name of Object.keys(parts).filter((n) => /^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n))) {
      const ids = descendants(parseXml(new TextDecoder().decode(parts[name]), name), 'p', 'cNvPr').map((e) => e.getAttribute('id'));
      expect(new Set(ids).size, name).toBe(ids.length);
    }
    // The part with duplicates was the one rewritten; the fixture's second rectangle got a fresh id.
    const layout = parseXml(new TextDecoder().decode(parts[LAYOUT2]), LAYOUT2);
    expect(descendants(layout, 'p', 'cNvPr').filter((e) => e.getAttribute('name')?.startsWith('Rectangle')).map((e) => e.getAttribute('id'))).toEqual(['50', '51']);
  });
});

describe('a template built on again (watch, serve)', () => {
  it('is read once: the second build gets the same model and the same bytes', async () => {
    const bytes = buildPackage(duplicated);
    const outline = 'deck:\n  title: Twice\nslides:\n  - type: bullets\n    title: One\n    bullets: [a, b]\n';
    const first = await build(outline, { template: { bytes, name: 'twice.pptx' } });
    // Other bytes of the same content, as a rebuild reads the file again.
    const second = await build(outline, { template: { bytes: bytes.slice(), name: 'twice.pptx' } });
    expect(second.placed?.template).toBe(first.placed?.template);
    expect(second.pptx).toEqual(first.pptx);
  });
});

describe('levels 2–9 of layout placeholders, resolved on first read', () => {
  const level = (sizePt: number): LevelStyle => ({ sizePt } as LevelStyle);

  it('asks for them only when one of them is read, once, and behaves as an array', () => {
    let calls = 0;
    const levels = lazyLevels(level(40), () => (calls++, Array.from({ length: 9 }, (_, i) => level(i === 0 ? 99 : 30 - i))));
    expect(levels).toHaveLength(9);
    expect(levels[0]!.sizePt).toBe(40);
    expect(calls).toBe(0);
    expect(levels[2]!.sizePt).toBe(28);
    expect(levels.map((l) => l.sizePt)).toEqual([40, 29, 28, 27, 26, 25, 24, 23, 22]);
    expect(calls).toBe(1);
    levels[3] = level(5);
    expect(levels[3]!.sizePt).toBe(5);
    expect(JSON.parse(JSON.stringify(levels))).toHaveLength(9);
  });

  it('takes a write before any read', () => {
    const levels = lazyLevels(level(40), () => Array.from({ length: 9 }, () => level(10)));
    levels[8] = level(1);
    expect(levels.map((l) => l.sizePt)).toEqual([40, 10, 10, 10, 10, 10, 10, 10, 1]);
  });

  it('gives the model an eager read gives, read before or after other templates', () => {
    const bytes = buildPackage({ masters: [{}, { layouts: OFFICE_LAYOUTS.slice(0, 3) }] });
    const lazy = readParts(bytes).template;
    readParts(buildPackage()); // another template read in between
    const eager = readTemplate(bytes, 'test.pptx', { eagerLevels: true });
    if ('error' in eager) throw new Error(eager.error.message);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager.template));
    expect(lazy.layouts[1]!.placeholders[1]!.levels[1]!.sizePt).toBe(24);
  });
});

describe('the layout chosen for a need', () => {
  it('is the one a fresh choice over every layout gives, in objects of its own', () => {
    const t = readParts(buildPackage({ masters: [{}, {}] })).template;
    for (const need of LAYOUT_NEEDS) {
      const first = chooseLayout(t, need);
      const again = chooseLayout(t, need);
      expect(again).toEqual(first);
      expect(again).not.toBe(first);
      expect(again.area).not.toBe(first.area);
      // A copy of the model is another key: chosen afresh over every layout.
      expect(chooseLayout({ ...t }, need)).toEqual(first);
    }
  });
});

// Choosing layouts by what they offer: the same choices whatever the layouts are called, sensible
// fallbacks when a template lacks a kind of layout, content areas clear of logos and bars.
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/geometry.js';
import { chooseLayout, LAYOUT_NEEDS, layoutByName, readingOrder, SLIDE_KIND_NEEDS, type LayoutNeed } from '../../src/template/choose.js';
import type { TemplateModel } from '../../src/template/model.js';
import { readTemplate } from '../../src/template/read.js';
import { buildPackage, OFFICE_LAYOUTS, rectShape, type LayoutSpec, type PackageSpec } from './package-builder.js';

function read(spec: PackageSpec = {}): TemplateModel {
  const r = readTemplate(buildPackage(spec), 't.pptx');
  if ('error' in r) throw new Error(r.error.message);
  return r.template;
}

const names = (t: TemplateModel): Record<LayoutNeed, string> =>
  Object.fromEntries(LAYOUT_NEEDS.map((n) => [n, chooseLayout(t, n).layout.name])) as Record<LayoutNeed, string>;

const inside = (a: Box, b: Box): boolean => a.x >= b.x - 1e-6 && a.y >= b.y - 1e-6 && a.x + a.w <= b.x + b.w + 1e-6 && a.y + a.h <= b.y + b.h + 1e-6;
const overlaps = (a: Box, b: Box): boolean => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.01 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.01;

describe('an Office template', () => {
  const t = read();

  it('maps every slide kind to a need', () => {
    expect(SLIDE_KIND_NEEDS).toEqual({
      title: 'title-slide', closing: 'title-slide', section: 'section', bullets: 'one-content', agenda: 'one-content', sources: 'one-content',
      'text-chart': 'two-content', chart: 'visual', image: 'visual', stats: 'title-only', table: 'title-only', timeline: 'title-only', quote: 'title-only',
    });
  });

  it('chooses the layout PowerPoint would for each need', () => {
    expect(names(t)).toEqual({
      'title-slide': 'Title Slide',
      section: 'Section Header',
      'one-content': 'Title and Content',
      'two-content': 'Two Content',
      visual: 'Title and Content',
      'title-only': 'Title Only',
    });
  });

  it('names the placeholders each slide fills', () => {
    const title = chooseLayout(t, 'title-slide');
    expect([title.title?.type, title.subtitle?.type, title.titleSource]).toEqual(['ctrTitle', 'subTitle', 'layout']);
    const section = chooseLayout(t, 'section');
    expect([section.title?.type, section.subtitle?.type, section.subtitle?.idx]).toEqual(['title', 'body', 1]);
    const content = chooseLayout(t, 'one-content');
    expect(content.bodies.map((p) => `${p.type}#${p.idx}`)).toEqual(['obj#1']);
    expect(content.area).toEqual(content.bodies[0]!.box);
    const two = chooseLayout(t, 'two-content');
    expect(two.bodies.map((p) => `${p.type}#${p.idx}`)).toEqual(['obj#1', 'obj#2']);
    expect(two.visual?.idx).toBe(2);
    expect(chooseLayout(t, 'visual').visual?.type).toBe('obj');
    expect(Object.keys(content.footer).sort()).toEqual(['dt', 'ftr', 'sldNum']);
    expect(content.reason).toMatch(/obj#1/);
  });

  it('gives a title-only slide the room between the title and the footers', () => {
    const c = chooseLayout(t, 'title-only');
    const title = c.title!.box;
    expect(c.area.y).toBeGreaterThan(title.y + title.h);
    expect(c.area.y + c.area.h).toBeLessThan(c.footer.dt!.box.y);
    expect(c.area.w).toBeCloseTo(title.w, 5);
  });
});

describe('names do not matter', () => {
  const renamed = (lang: string[]): LayoutSpec[] => OFFICE_LAYOUTS.map((l, i) => ({ ...l, name: lang[i]! }));
  const office = names(read());

  it.each([
    ['German', ['Titelfolie', 'Titel und Inhalt', 'Abschnittsüberschrift', 'Zwei Inhalte', 'Nur Titel', 'Leer', 'Bild mit Überschrift']],
    ['Chinese', ['标题幻灯片', '标题和内容', '节标题', '两栏内容', '仅标题', '空白', '图片与标题']],
    ['Swedish', ['Rubrikbild', 'Rubrik och innehåll', 'Avsnittsrubrik', 'Två innehållsdelar', 'Endast rubrik', 'Tom', 'Bild med bildtext']],
    ['meaningless', ['A', 'B', 'C', 'D', 'E', 'F', 'G']],
  ])('chooses the same layouts when they are named in %s', (_lang, list) => {
    const t = read({ masters: [{ layouts: renamed(list) }] });
    const chosen = names(t);
    for (const need of LAYOUT_NEEDS) expect(OFFICE_LAYOUTS.findIndex((l) => l.name === office[need])).toBe(list.indexOf(chosen[need]));
  });

  it('chooses the same layouts without layout types (Google Slides writes some, LibreOffice others)', () => {
    const untyped = OFFICE_LAYOUTS.map((l) => ({ ...l, type: undefined, name: l.name.toUpperCase().replace(/ /g, '_') }));
    const chosen = names(read({ masters: [{ layouts: untyped }] }));
    for (const need of LAYOUT_NEEDS) expect(chosen[need]).toBe(office[need].toUpperCase().replace(/ /g, '_'));
  });
});

describe('fallbacks', () => {
  it('uses a title-only layout for content when no layout has a content placeholder', () => {
    const t = read({ masters: [{ layouts: [OFFICE_LAYOUTS[0]!, OFFICE_LAYOUTS[4]!] }] });
    const c = chooseLayout(t, 'one-content');
    expect(c.layout.name).toBe('Title Only');
    expect(c.bodies).toEqual([]);
    expect(c.area.h).toBeGreaterThan(3);
  });

  it('shares one content placeholder when no layout has two', () => {
    const t = read({ masters: [{ layouts: OFFICE_LAYOUTS.filter((l) => l.type !== 'twoObj') }] });
    const c = chooseLayout(t, 'two-content');
    expect(c.layout.name).toBe('Title and Content');
    expect(c.bodies).toHaveLength(1);
    expect(c.reason).toMatch(/shared/);
  });

  it('uses a centred title for a section when there is no section layout', () => {
    const t = read({ masters: [{ layouts: OFFICE_LAYOUTS.filter((l) => l.type !== 'secHead') }] });
    expect(chooseLayout(t, 'section').title?.type).toBe('ctrTitle');
  });

  it('takes the master\'s title on a layout without placeholders, or makes one from its title style', () => {
    const withMaster = read({ masters: [{ layouts: [{ name: 'Empty' }] }] });
    const a = chooseLayout(withMaster, 'one-content');
    expect([a.layout.name, a.titleSource, a.title?.box]).toEqual(['Empty', 'master', { x: 0.5, y: 0.3, w: 9, h: 1.25 }]);
    // On a title slide that title moves to the upper middle, as a title slide's would be.
    const cover = chooseLayout(withMaster, 'title-slide');
    expect(cover.title!.box.y).toBeGreaterThan(1.5);
    expect(cover.title!.anchor).toBe('b');
    expect(cover.area.y).toBeGreaterThan(cover.title!.box.y + cover.title!.box.h);
    const keynote = read({ size: [26.667, 15], masters: [{ placeholders: [], layouts: [{ name: 'Leeg', type: 'tx' }], clrMap: { bg1: 'dk1', tx1: 'lt1' } }] });
    for (const need of LAYOUT_NEEDS) {
      const c = chooseLayout(keynote, need);
      expect(c.titleSource).toBe('made');
      expect(c.title!.levels[0]!.sizePt).toBe(44);
      expect(inside(c.title!.box, { x: 0, y: 0, w: 26.667, h: 15 })).toBe(true);
      expect(c.area.w * c.area.h).toBeGreaterThan(26.667 * 15 * (need === 'title-slide' || need === 'section' ? 0.25 : 0.4));
    }
  });

  it('serves every need from the synthetic layouts of a master that has none', () => {
    const t = read({ masters: [{ layouts: [] }] });
    const chosen = Object.fromEntries(LAYOUT_NEEDS.map((n) => [n, chooseLayout(t, n)]));
    expect(chosen['title-slide']!.layout.synthetic).toBe(true);
    expect(chosen['title-slide']!.title?.type).toBe('ctrTitle');
    expect(chosen['one-content']!.layout.name).toBe('Title and Content');
    expect(chosen['title-only']!.layout.name).toBe('Title Only');
  });

  it('leaves duplicated placeholders without idx alone and works around them', () => {
    const dup: LayoutSpec = { name: 'Two Dup', type: 'twoObj', placeholders: [{ type: 'title' }, { box: [0.5, 1.75, 4.4, 4.9] }, { box: [5.1, 1.75, 4.4, 4.9] }] };
    const t = read({ masters: [{ layouts: [OFFICE_LAYOUTS[0]!, dup, OFFICE_LAYOUTS[1]!] }] });
    const c = chooseLayout(t, 'two-content');
    expect(c.bodies.every((p) => !p.ambiguous)).toBe(true);
    expect(c.layout.name).toBe('Title and Content');
  });
});

describe('preferences', () => {
  it('prefers light layouts for content and the first master', () => {
    const darkContent = { ...OFFICE_LAYOUTS[1]!, name: 'Dark Content', clrMapOverride: { bg1: 'dk1', tx1: 'lt1' } };
    const t = read({ masters: [{ layouts: [OFFICE_LAYOUTS[0]!, darkContent, OFFICE_LAYOUTS[1]!] }] });
    expect(chooseLayout(t, 'one-content').layout.name).toBe('Title and Content');
    const two = read({ masters: [{ layouts: [OFFICE_LAYOUTS[0]!, OFFICE_LAYOUTS[4]!] }, {}] });
    expect(chooseLayout(two, 'title-only').layout.master).toBe(0);
    expect(chooseLayout(two, 'one-content').layout.master).toBe(1); // only the second master has one
  });

  it('works on a dark master', () => {
    const t = read({ masters: [{ clrMap: { bg1: 'dk1', tx1: 'lt1' } }] });
    expect(names(t)).toEqual(names(read()));
  });

  it('prefers a large picture placeholder for a chart and keeps the title above it', () => {
    const chart: LayoutSpec = { name: 'Chart', placeholders: [{ type: 'title' }, { type: 'pic', idx: 10, box: [0.5, 1.6, 9, 5.2] }] };
    const t = read({ masters: [{ layouts: [...OFFICE_LAYOUTS, chart] }] });
    const c = chooseLayout(t, 'visual');
    expect(c.layout.name).toBe('Chart');
    expect(c.visual?.type).toBe('pic');
    // Picture with Caption has its title under the picture: not chosen for a chart.
    expect(chooseLayout(read(), 'visual').layout.name).not.toBe('Picture with Caption');
  });

  it('skips a title slide whose title would not show (white on white, waiting for a photo)', () => {
    const photo: LayoutSpec = { ...OFFICE_LAYOUTS[0]!, name: 'Photo Title', placeholders: [{ type: 'ctrTitle', lstStyle: '<a:lvl1pPr><a:defRPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:defRPr></a:lvl1pPr>' }, { type: 'subTitle', idx: 1 }] };
    const t = read({ masters: [{ layouts: [photo, ...OFFICE_LAYOUTS.slice(1)] }] });
    expect(chooseLayout(t, 'title-slide').layout.name).not.toBe('Photo Title');
  });
});

describe('content areas and decorations', () => {
  it('keeps the area clear of a logo and a bar', () => {
    const logo = rectShape([8.3, 5.9, 1.4, 0.9], 'C00000', 100);
    const bar = rectShape([0, 1.6, 10, 0.08], '0072BC', 101);
    const t = read({ masters: [{ shapes: [logo, bar] }] });
    for (const need of ['one-content', 'title-only', 'visual'] as const) {
      const c = chooseLayout(t, need);
      expect(overlaps(c.area, { x: 8.3, y: 5.9, w: 1.4, h: 0.9 })).toBe(false);
      expect(overlaps(c.area, { x: 0, y: 1.6, w: 10, h: 0.08 })).toBe(false);
      expect(c.area.w * c.area.h).toBeGreaterThan(20);
    }
  });

  it('lets content sit over a faint watermark that the content placeholders lie over', () => {
    const mark = rectShape([4, 1.5, 5.5, 5.4], 'F2F2F2', 100);
    const c = chooseLayout(read({ masters: [{ shapes: [mark] }] }), 'one-content');
    expect(c.area).toEqual({ x: 0.5, y: 1.75, w: 9, h: 4.95 });
  });

  it('does not let content sit over a dark band, and prefers layouts without one', () => {
    const band = rectShape([0, 4.5, 10, 3], '1F3864', 100);
    const onBand = read({ masters: [{ shapes: [band] }] });
    const c = chooseLayout(onBand, 'one-content');
    expect(c.area.y + c.area.h).toBeLessThanOrEqual(4.5 + 1e-6);
    const twoMasters = read({ masters: [{ shapes: [band] }, {}] });
    expect(chooseLayout(twoMasters, 'one-content').layout.master).toBe(1);
  });

  it('orders placeholders as they are read: rows, then left to right', () => {
    const t = read({ masters: [{ layouts: [{ name: 'Grid', placeholders: [{ type: 'title' }, { idx: 4, box: [5, 4, 4, 2] }, { idx: 3, box: [0.5, 4.1, 4, 2] }, { idx: 2, box: [5, 1.7, 4, 2] }, { idx: 1, box: [0.5, 1.75, 4, 2] }] }] }] });
    const bodies = t.layouts[0]!.placeholders.filter((p) => p.type === 'obj');
    expect(readingOrder(bodies).map((p) => p.idx)).toEqual([1, 2, 3, 4]);
  });
});

describe('layouts pinned by name', () => {
  const german = read({ masters: [{ layouts: OFFICE_LAYOUTS.map((l, i) => ({ ...l, name: ['Titelfolie', 'Titel und Inhalt', 'Abschnitts-&#10;überschrift', 'Zwei Inhalte', 'Nur Titel', 'Leer', 'Bild mit Überschrift'][i]! })) }] });

  it('finds the exact name, then the name ignoring case and spaces, then the English name its type stands for', () => {
    const pick = (n: string) => {
      const r = layoutByName(german, n);
      return 'error' in r ? r.error : r.layout.name;
    };
    expect(pick('Titel und Inhalt')).toBe('Titel und Inhalt');
    expect(pick('titel  UND inhalt')).toBe('Titel und Inhalt');
    expect(pick('Abschnitts- überschrift')).toBe('Abschnitts-\nüberschrift');
    expect(pick('Title and Content')).toBe('Titel und Inhalt');
    expect(pick('two content')).toBe('Zwei Inhalte');
  });

  it('describes the pinned layout for the need it serves', () => {
    const r = layoutByName(german, 'Zwei Inhalte', 'two-content');
    expect('error' in r ? [] : r.bodies.map((p) => p.idx)).toEqual([1, 2]);
    expect('error' in r ? '' : r.reason).toMatch(/^pinned by name/);
  });

  it('says which layouts exist, nearest first, for an unknown name', () => {
    const r = layoutByName(german, 'Titel und Inhalte');
    expect('error' in r).toBe(true);
    if (!('error' in r)) return;
    expect(r.error).toContain('Titel und Inhalte');
    expect(r.hint).toMatch(/^use one of its layouts: "Titel und Inhalt", /);
    expect(r.hint).toContain('"Abschnitts- überschrift"');
  });
});

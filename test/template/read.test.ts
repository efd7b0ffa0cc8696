// readTemplate on small packages built in the test: sizes, themes, inheritance of boxes and text styles
// (layout → master → master text styles → presentation default → theme), colour maps, backgrounds,
// decorations, synthetic layouts, package facts.
import { createCanvas } from '../../src/canvas.js';
import { describe, expect, it } from 'vitest';
import type { LayoutInfo, Placeholder, TemplateModel } from '../../src/template/model.js';
import { readTemplate } from '../../src/template/read.js';
import { backdropUnder } from '../../src/template/background.js';
import { contrastRatio } from '../../src/model/color.js';
import { buildPackage, OFFICE_LAYOUTS, packageParts, rectShape, zipParts, type PackageSpec } from './package-builder.js';

function read(spec: PackageSpec = {}, name = 'test.pptx'): TemplateModel {
  const r = readTemplate(buildPackage(spec), name);
  if ('error' in r) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.template;
}

const layout = (t: TemplateModel, name: string): LayoutInfo => {
  const l = t.layouts.find((x) => x.name === name);
  if (!l) throw new Error(`no layout ${name}`);
  return l;
};
const ph = (l: LayoutInfo, type: string, idx?: number): Placeholder => {
  const p = l.placeholders.find((x) => x.type === type && (idx === undefined || x.idx === idx));
  if (!p) throw new Error(`no ${type}#${idx} on ${l.name}`);
  return p;
};
const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

describe('sizes and theme', () => {
  it.each([
    ['4:3', [10, 7.5]],
    ['16:9 at 10 in', [10, 5.625]],
    ['16:9 at 13.33 in', [13.333, 7.5]],
    ['16:10', [10, 6.25]],
    ['A4', [10.833, 7.5]],
    ['Keynote 1920×1080 pt', [26.667, 15]],
  ] as const)('reads the %s slide size', (_name, [w, h]) => {
    const t = read({ size: [w, h] });
    expect(t.slideSize.w).toBeCloseTo(w, 2);
    expect(t.slideSize.h).toBeCloseTo(h, 2);
  });

  it('reads the notes size and the package kind', () => {
    const t = read({ notesSize: [7.5, 10], kind: 'potx' }, 'x.potx');
    expect(t.notesSize).toEqual({ w: 7.5, h: 10 });
    expect(t.package?.kind).toBe('potx');
    expect(t.package?.macros).toBe(false);
    expect(t.builtin).toBe(false);
    expect(t.name).toBe('x.potx');
  });

  it('reports macros in a .pptm and lists the parts that carry them', () => {
    const t = read({ kind: 'pptm' }, 'x.pptm');
    expect(t.package?.kind).toBe('pptm');
    expect(t.package?.macros).toBe(true);
    expect(t.package?.macroParts).toEqual(['ppt/vbaProject.bin']);
  });

  it('reads the colour scheme and the font scheme with East Asian and script faces', () => {
    const t = read({ masters: [{ theme: { colors: { accent1: '0072BC', dk2: '18375F' }, major: 'Georgia', minor: 'Verdana', majorEa: '黑体', minorScripts: '<a:font script="Hans" typeface="等线"/><a:font script="Jpan" typeface="游ゴシック"/>' } }] });
    expect(t.theme.colors.accent1).toBe('#0072BC');
    expect(t.theme.colors.dk2).toBe('#18375F');
    expect(t.theme.colors.lt1).toBe('#FFFFFF');
    expect(t.theme.major).toEqual({ latin: 'Georgia', ea: '黑体', scripts: {} });
    expect(t.theme.minor.latin).toBe('Verdana');
    expect(t.theme.minor.ea).toBeUndefined();
    expect(t.theme.minor.scripts).toEqual({ Hans: '等线', Jpan: '游ゴシック' });
  });
});

describe('placeholders after inheritance', () => {
  const t = read();

  it('lists masters and layouts in their own order, with types and English names', () => {
    expect(t.masters).toHaveLength(1);
    expect(t.layouts.map((l) => l.name)).toEqual(OFFICE_LAYOUTS.map((l) => l.name));
    expect(layout(t, 'Two Content').type).toBe('twoObj');
    expect(layout(t, 'Two Content').matchingName).toBe('Two Content');
    expect(t.layouts.every((l) => l.master === 0 && !l.synthetic)).toBe(true);
  });

  it('takes a box the layout leaves out from the master placeholder of the same kind', () => {
    const content = layout(t, 'Title and Content');
    expect(ph(content, 'title').box).toEqual({ x: 0.5, y: 0.3, w: 9, h: 1.25 });
    // An untyped placeholder is obj, idx as written, and inherits from the master's body.
    const obj = ph(content, 'obj', 1);
    expect(obj.box).toEqual({ x: 0.5, y: 1.75, w: 9, h: 4.95 });
    expect(ph(content, 'dt', 10).box).toEqual({ x: 0.5, y: 6.95, w: 2.33, h: 0.4 });
    // ctrTitle inherits from the master's title, but keeps its own box.
    const ctr = ph(layout(t, 'Title Slide'), 'ctrTitle');
    expect(ctr.idx).toBe(0);
    expect(ctr.box).toEqual({ x: 0.75, y: 2.33, w: 8.5, h: 1.61 });
    expect(ctr.anchor).toBe('ctr');
  });

  it('resolves body levels through the master body style and the theme fonts', () => {
    const obj = ph(layout(t, 'Title and Content'), 'obj', 1);
    expect(obj.levels).toHaveLength(9);
    const [l1, l2] = obj.levels;
    expect(l1).toMatchObject({ sizePt: 28, font: 'Calibri', bold: false, align: 'l', bullet: { kind: 'char', char: '•' }, spaceBeforePt: 10, color: { hex: '#000000', role: 'tx1' } });
    expect(l1!.marginIn).toBeCloseTo(0.25, 5);
    expect(l1!.indentIn).toBeCloseTo(-0.25, 5);
    expect(l2!.sizePt).toBe(24);
    expect(l2!.marginIn).toBeCloseTo(0.75, 5);
    // Level 9 is stated nowhere but in the presentation default (18 pt).
    expect(obj.levels[8]!.sizePt).toBe(18);
    expect(obj.autofit).toBe('norm');
    expect(obj.insets).toEqual({ l: 0.1, t: 0.05, r: 0.1, b: 0.05 });
  });

  it('sets titles in the major font through the title style, footers through the other style', () => {
    const content = layout(t, 'Title and Content');
    expect(ph(content, 'title').levels[0]).toMatchObject({ sizePt: 44, font: 'Calibri Light', bullet: { kind: 'none' } });
    expect(ph(content, 'ftr', 11).levels[0]).toMatchObject({ sizePt: 18, bullet: { kind: 'none' } });
  });

  it('applies a layout list style over the master and resolves colour transforms', () => {
    const sub = '<a:lvl1pPr marL="0" indent="0" algn="ctr"><a:buNone/><a:defRPr sz="2400" b="1" cap="all"><a:solidFill><a:schemeClr val="tx1"><a:lumMod val="75000"/><a:lumOff val="25000"/></a:schemeClr></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr>';
    const t2 = read({ masters: [{ layouts: [{ name: 'T', placeholders: [{ type: 'ctrTitle' }, { type: 'subTitle', idx: 1, lstStyle: sub, bodyPrAttrs: 'anchor="b" lIns="0"' }] }] }] });
    const s = ph(t2.layouts[0]!, 'subTitle', 1);
    expect(s.levels[0]).toMatchObject({ sizePt: 24, bold: true, caps: 'all', align: 'ctr', bullet: { kind: 'none' }, marginIn: 0, font: 'Calibri Light', color: { hex: '#404040' } });
    expect(s.levels[0]!.color.role).toBeUndefined();
    // Level 2 keeps the master's body style.
    expect(s.levels[1]).toMatchObject({ sizePt: 24, bullet: { kind: 'char' }, align: 'l' });
    expect(s.anchor).toBe('b');
    expect(s.insets.l).toBe(0);
    expect(s.insets.t).toBe(0.05);
  });

  it('resolves theme East Asian references in run styles', () => {
    const t2 = read({ masters: [{ theme: { majorEa: 'MS Gothic', minorEa: '宋体' } }] });
    expect(ph(layout(t2, 'Title Only'), 'title').levels[0]!.eaFont).toBe('MS Gothic');
    expect(ph(layout(t2, 'Title and Content'), 'obj', 1).levels[0]!.eaFont).toBe('宋体');
  });

  it('marks placeholders a slide cannot address: the same type without distinct idx', () => {
    const t2 = read({ masters: [{ layouts: [{ name: 'Dup', placeholders: [{ type: 'title' }, {}, {}, { idx: 13 }, { idx: 15 }, { type: 'dt', idx: 10 }] }] }] });
    const flags = t2.layouts[0]!.placeholders.map((p) => `${p.type}#${p.idx}${p.ambiguous ? '!' : ''}`);
    expect(flags).toEqual(['title#0', 'obj#0!', 'obj#0!', 'obj#13', 'obj#15', 'dt#10']);
  });

  it('never lets a placeholder without a box anywhere go without one', () => {
    const t2 = read({ masters: [{ placeholders: [], layouts: [{ name: 'L', placeholders: [{ type: 'title' }, { idx: 1 }] }] }] });
    for (const p of t2.layouts[0]!.placeholders) {
      expect(p.box.w).toBeGreaterThan(0);
      expect(p.box.y + p.box.h).toBeLessThanOrEqual(7.5);
    }
  });
});

/** A package whose one layout has `png` as its background picture. */
function onPicture(name: string, png: Uint8Array): PackageSpec {
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster" Target="../slideMasters/slideMaster1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/bg.png"/></Relationships>';
  const bg = '<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId9"/><a:stretch><a:fillRect/></a:stretch></a:blipFill></p:bgPr></p:bg>';
  return { masters: [{ layouts: [{ name, bg, placeholders: [{ type: 'title' }] }] }], extra: { 'ppt/media/bg.png': png, 'ppt/slideLayouts/_rels/slideLayout1.xml.rels': rels } };
}

describe('colour maps, backgrounds and dark layouts', () => {
  it('reads a dark master (bg1 → dk1) and resolves text and background through its map', () => {
    const t = read({ masters: [{ clrMap: { bg1: 'dk1', tx1: 'lt1', bg2: 'dk2', tx2: 'lt2' }, theme: { colors: { dk1: '1F1F1F' } } }] });
    const m = t.masters[0]!;
    expect(m.colorMap.bg1).toBe('dk1');
    expect(m.background).toEqual({ kind: 'solid', hex: '#1F1F1F' });
    expect(m.textStyles.body[0]!.color).toEqual({ hex: '#FFFFFF', role: 'tx1' });
    expect(t.layouts.every((l) => l.dark)).toBe(true);
    expect(ph(layout(t, 'Title and Content'), 'obj', 1).levels[0]!.color.hex).toBe('#FFFFFF');
  });

  it('applies a layout colour map override to its background and text', () => {
    const t = read({ masters: [{ layouts: [OFFICE_LAYOUTS[0]!, { ...OFFICE_LAYOUTS[1]!, name: 'Dark Content', clrMapOverride: { bg1: 'dk1', tx1: 'lt1' } }, OFFICE_LAYOUTS[1]!] }] });
    expect(t.layouts.map((l) => l.dark)).toEqual([false, true, false]);
    const dark = layout(t, 'Dark Content');
    expect(dark.background.hex).toBe('#000000');
    expect(ph(dark, 'obj', 1).levels[0]!.color.hex).toBe('#FFFFFF');
  });

  it('takes a layout background over the master one', () => {
    const bg = '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="0072BC"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>';
    const t = read({ masters: [{ layouts: [{ name: 'Blue', bg, placeholders: [{ type: 'ctrTitle' }] }, { name: 'Plain', placeholders: [{ type: 'title' }] }] }] });
    expect(layout(t, 'Blue').background).toEqual({ kind: 'solid', hex: '#0072BC' });
    expect(layout(t, 'Plain').background).toEqual({ kind: 'solid', hex: '#FFFFFF' });
  });

  it.each([
    ['a gradient, read as the mean of its stops', '<p:bg><p:bgPr><a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="000000"/></a:gs><a:gs pos="100000"><a:srgbClr val="FFFFFF"/></a:gs></a:gsLst></a:gradFill></p:bgPr></p:bg>', { kind: 'gradient', hex: '#808080' }],
    ['a theme background style with a tint', '<p:bg><p:bgRef idx="1002"><a:schemeClr val="bg2"/></p:bgRef></p:bg>', { kind: 'solid', hex: '#E8E7E7' }],
    ['a theme gradient style', '<p:bg><p:bgRef idx="1003"><a:srgbClr val="FFFFFF"/></p:bgRef></p:bg>', { kind: 'gradient', hex: '#808080' }],
    ['a pattern, mostly its background colour', '<p:bg><p:bgPr><a:pattFill prst="pct5"><a:fgClr><a:srgbClr val="000000"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill></p:bgPr></p:bg>', { kind: 'pattern', hex: '#BFBFBF' }],
  ])('reads %s', (_name, bg, expected) => {
    expect(read({ masters: [{ bg }] }).masters[0]!.background).toEqual(expected);
  });

  it('reads a picture background as its mean colour', () => {
    const canvas = createCanvas(4, 4);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#102030';
    ctx.fillRect(0, 0, 4, 4);
    const png = new Uint8Array(canvas.toBuffer('image/png'));
    const t = read(onPicture('Photo', png));
    expect(t.layouts[0]!.background).toMatchObject({ kind: 'picture', hex: '#102030' });
    expect(t.layouts[0]!.dark).toBe(false); // black text on a dark picture is not "light on dark"
  });

  it('keeps a picture background\'s colours on a grid, for what is behind one part of the slide', () => {
    // Mostly white, with a dark band across the top quarter: the mean is light, the band is not.
    const canvas = createCanvas(40, 40);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, 40, 40);
    ctx.fillStyle = '#1F3864';
    ctx.fillRect(0, 0, 40, 10);
    const png = new Uint8Array(canvas.toBuffer('image/png'));
    const t = read(onPicture('Banded', png));
    const background = t.layouts[0]!.background;
    expect(background.grid?.n).toBe(24);
    expect(background.grid?.rgb).toHaveLength(24 * 24 * 3);
    expect(contrastRatio(background.hex, '#FFFFFF')).toBeLessThan(2); // the mean is light
    const slide = t.slideSize;
    expect(backdropUnder(background, { x: 0.5, y: 0.2, w: 9, h: slide.h / 4 - 0.4 }, slide)).toBe('#1F3864');
    expect(backdropUnder(background, { x: 0.5, y: slide.h / 2, w: 9, h: 2 }, slide)).toBe('#FFFFFF');
    // A box smaller than a cell takes the nearest cell; a background without a grid, its colour.
    expect(backdropUnder(background, { x: 1, y: 0.05, w: 0.01, h: 0.01 }, slide)).toBe('#1F3864');
    expect(backdropUnder({ kind: 'solid', hex: '#0072BC' }, { x: 0, y: 0, w: 1, h: 1 }, slide)).toBe('#0072BC');
  });
});

describe('decorations', () => {
  const logo = rectShape([8.5, 6.5, 1.2, 0.8], 'C00000');
  const hidden = rectShape([1, 1, 1, 1], '00FF00', 101).replace('name="Rectangle 101"', 'name="Hidden" hidden="1"');
  const offSlide = rectShape([12, 1, 1, 1], '0000FF', 102);

  it('lists visible non-placeholder shapes with their boxes and colours, the master\'s on every layout that shows them', () => {
    const t = read({ masters: [{ shapes: [logo, hidden, offSlide], layouts: [{ name: 'Shows', placeholders: [{ type: 'title' }] }, { name: 'Hides', showMasterSp: false, placeholders: [{ type: 'title' }], shapes: [rectShape([0, 0, 10, 0.2], '0072BC', 103)] }] }] });
    expect(t.masters[0]!.decorations).toEqual([{ kind: 'shape', box: { x: 8.5, y: 6.5, w: 1.2, h: 0.8 }, hex: '#C00000' }]);
    expect(layout(t, 'Shows').decorations).toHaveLength(1);
    expect(layout(t, 'Hides').decorations).toEqual([{ kind: 'shape', box: { x: 0, y: 0, w: 10, h: 0.2 }, hex: '#0072BC' }]);
  });

  it('reads a pattern-filled shape as its colours mixed, mostly the background colour (as a pattern background)', () => {
    const band = rectShape([0, 0, 10, 1.2], '000000', 104).replace(
      '<a:solidFill><a:srgbClr val="000000"/></a:solidFill>',
      '<a:pattFill prst="lgGrid"><a:fgClr><a:srgbClr val="000000"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>',
    );
    const t = read({ masters: [{ shapes: [band], layouts: [{ name: 'Banded', placeholders: [{ type: 'title' }] }] }] });
    expect(t.masters[0]!.decorations).toEqual([{ kind: 'shape', box: { x: 0, y: 0, w: 10, h: 1.2 }, hex: '#BFBFBF' }]);
  });
});

describe('a master with no layouts', () => {
  const t = read({ masters: [{ layouts: [] }] });

  it('gets synthetic Title Slide, Title and Content and Title Only layouts on part names that are free', () => {
    expect(t.layouts.map((l) => [l.name, l.type, l.synthetic])).toEqual([
      ['Title Slide', 'title', true],
      ['Title and Content', 'obj', true],
      ['Title Only', 'titleOnly', true],
    ]);
    const parts = t.layouts.map((l) => l.part);
    expect(new Set(parts).size).toBe(3);
    for (const p of parts) expect(p).toMatch(/^ppt\/slideLayouts\/slideLayout\d+\.xml$/);
  });

  it('gives them the master\'s title and body placeholders and footers', () => {
    const content = layout(t, 'Title and Content');
    expect(ph(content, 'title').box).toEqual({ x: 0.5, y: 0.3, w: 9, h: 1.25 });
    expect(ph(content, 'obj', 1).box).toEqual({ x: 0.5, y: 1.75, w: 9, h: 4.95 });
    expect(ph(content, 'obj', 1).levels[0]!.sizePt).toBe(28);
    expect(content.placeholders.map((p) => p.type)).toEqual(['title', 'obj', 'dt', 'ftr', 'sldNum']);
    const title = layout(t, 'Title Slide');
    expect(title.placeholders.map((p) => `${p.type}#${p.idx}`)).toEqual(['ctrTitle#0', 'subTitle#1', 'dt#2', 'ftr#3', 'sldNum#4']);
    expect(ph(title, 'subTitle', 1).levels[0]).toMatchObject({ bullet: { kind: 'none' }, align: 'ctr' });
  });

  it('makes them even when the master has no placeholders at all', () => {
    const bare = read({ masters: [{ layouts: [], placeholders: [] }] });
    expect(bare.layouts).toHaveLength(3);
    expect(ph(bare.layouts[1]!, 'title').levels[0]!.sizePt).toBe(44);
  });
});

describe('packages other writers make', () => {
  it('finds masters and layouts through their relationships when the id lists are left out', () => {
    const parts = packageParts();
    const strip = (name: string, list: string) => parts.set(name, (parts.get(name) as string).replace(new RegExp(`<p:${list}>.*?</p:${list}>`), ''));
    strip('ppt/presentation.xml', 'sldMasterIdLst');
    strip('ppt/slideMasters/slideMaster1.xml', 'sldLayoutIdLst');
    const r = readTemplate(zipParts(parts), 'x.pptx');
    expect('template' in r && r.template.layouts.filter((l) => !l.synthetic).length).toBe(OFFICE_LAYOUTS.length);
  });

  it('reads a part written in UTF-16 with a byte order mark', () => {
    const parts = packageParts({ masters: [{ layouts: [{ name: 'Überschrift', placeholders: [{ type: 'title' }] }] }] });
    const text = (parts.get('ppt/slideLayouts/slideLayout1.xml') as string).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    parts.set('ppt/slideLayouts/slideLayout1.xml', utf16);
    const r = readTemplate(zipParts(parts), 'x.pptx');
    expect('template' in r && r.template.layouts[0]!.name).toBe('Überschrift');
  });
});

describe('the template\'s own slides', () => {
  it('lists them and the parts only they use, so the deck leaves them out', () => {
    const t = read({ slides: 2 });
    expect(t.package?.slides).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
    expect(t.package?.slideOnlyParts).toEqual(['ppt/media/slide-only.png', 'ppt/slides/_rels/slide1.xml.rels', 'ppt/slides/_rels/slide2.xml.rels']);
  });
});

describe('reading is deterministic', () => {
  it('gives the same model for the same bytes', () => {
    const bytes = buildPackage({ slides: 1, masters: [{}, { clrMap: { bg1: 'dk1', tx1: 'lt1' } }] });
    const a = readTemplate(bytes, 'a.pptx');
    const b = readTemplate(bytes, 'a.pptx');
    expect('template' in a && 'template' in b).toBe(true);
    expect(JSON.stringify('template' in a ? a.template : 0)).toBe(JSON.stringify('template' in b ? b.template : 1));
  });

  it('keeps two masters apart: layouts point at their own master', () => {
    const t = read({ masters: [{}, { clrMap: { bg1: 'dk1', tx1: 'lt1' }, layouts: [OFFICE_LAYOUTS[1]!] }] });
    expect(t.masters).toHaveLength(2);
    expect(t.layouts.filter((l) => l.master === 1).map((l) => [l.name, l.dark])).toEqual([['Title and Content', true]]);
    expect(t.theme).toEqual(t.masters[0]!.theme);
  });
});

describe('the model keeps to its units', () => {
  it('states every box in inches within reason and every size in points', () => {
    const t = read({ size: [13.333, 7.5] });
    for (const l of t.layouts) {
      for (const p of l.placeholders) {
        expect(p.box.w).toBeGreaterThan(0);
        for (const lv of p.levels) expect(lv.sizePt).toBeGreaterThan(1);
      }
    }
    expect(near(t.slideSize.w, 13.333)).toBe(true);
  });
});

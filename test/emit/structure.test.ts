// The deck is a real PowerPoint document, read back with an XML parser: every slide on a named layout,
// titles in title placeholders, bullets in body placeholders with levels, the theme's colours and fonts in
// the theme part, footer and slide number in their placeholders, tables with a header row, real links,
// decoration marked decorative, the title first in the reading order — for every deck in decks/ in both
// built-in themes.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { builtinScheme } from '../../src/template/builtin.js';
import { SCHEME_SLOTS } from '../../src/template/model.js';
import { child, children, descendants, elements, NS, parseXml, path as xpath, type Document, type Element } from '../../src/xml.js';
import { deckFiles } from '../helpers.js';

/** Literal colours (a:srgbClr) on the slides of each example deck before this change, in either theme. */
const LITERAL_BEFORE: Record<string, number> = { 'etdz-briefing.yaml': 344, 'etdz-terms-zh.yaml': 167, 'example-quarterly.yaml': 243, 'stress-fitting.yaml': 699 };

const LAYOUT_NAMES = new Set(['Title Slide', 'Title and Content', 'Section Header', 'Two Content', 'Title Only', 'Picture with Caption', 'Blank']);

interface Package {
  parts: Record<string, Uint8Array>;
  xml(name: string): Document;
  rels(name: string): Map<string, { type: string; target: string; external: boolean }>;
  slides: string[];
}

function open(pptx: Uint8Array): Package {
  const parts = unzipSync(pptx);
  const xml = (name: string) => parseXml(strFromU8(parts[name]!), name);
  const rels = (name: string) => {
    const rel = path.posix.join(path.posix.dirname(name), '_rels', `${path.posix.basename(name)}.rels`);
    const out = new Map<string, { type: string; target: string; external: boolean }>();
    if (!parts[rel]) return out;
    for (const r of children(xml(rel).documentElement!, 'rel', 'Relationship')) {
      const external = r.getAttribute('TargetMode') === 'External';
      const target = r.getAttribute('Target')!;
      out.set(r.getAttribute('Id')!, { type: r.getAttribute('Type')!.split('/').pop()!, target: external ? target : path.posix.normalize(path.posix.join(path.posix.dirname(name), target)), external });
    }
    return out;
  };
  const pres = xml('ppt/presentation.xml');
  const presRels = rels('ppt/presentation.xml');
  const slides = descendants(pres, 'p', 'sldId').map((s) => presRels.get(s.getAttributeNS(NS.r, 'id')!)!.target);
  return { parts, xml, rels, slides };
}

const shapesOf = (slide: Document): Element[] => elements(xpath(slide.documentElement, 'p:cSld', 'p:spTree')!).filter((e) => ['sp', 'pic', 'graphicFrame', 'cxnSp', 'grpSp'].includes(e.localName!));
const phOf = (shape: Element): Element | undefined => descendants(shape, 'p', 'ph')[0];
const textOf = (shape: Element): string => descendants(shape, 'a', 'p').map((p) => descendants(p, 'a', 't').map((t) => t.textContent).join('')).join('\n');

const cases = deckFiles().flatMap((file) => (['briefing', 'midnight'] as const).map((theme) => [`${path.basename(file)} (${theme})`, file, theme] as const));
const built = new Map<string, Promise<BuildResult>>();
const buildCase = (file: string, theme: 'briefing' | 'midnight') => {
  const key = `${file}|${theme}`;
  if (!built.has(key)) built.set(key, build(fs.readFileSync(file, 'utf8'), { baseDir: path.dirname(file), theme }));
  return built.get(key)!;
};

describe.each(cases)('%s', (_name, file, theme) => {
  it('puts every slide on a named layout, its title in the title placeholder, first in the reading order', async () => {
    const r = await buildCase(file, theme);
    const pkg = open(r.pptx!);
    r.placed!.slides.forEach((placed, i) => {
      const part = pkg.slides[i]!;
      const layoutPart = [...pkg.rels(part).values()].find((x) => x.type === 'slideLayout')!.target;
      const name = xpath(pkg.xml(layoutPart).documentElement, 'p:cSld')!.getAttribute('name')!;
      expect(LAYOUT_NAMES.has(name), `slide ${i + 1} on layout "${name}"`).toBe(true);
      const shapes = shapesOf(pkg.xml(part));
      const texts = shapes.filter((s) => textOf(s).trim() && !['ftr', 'sldNum', 'dt'].includes(phOf(s)?.getAttribute('type') ?? ''));
      if (!placed.title) return;
      const title = shapes.find((s) => ['title', 'ctrTitle'].includes(phOf(s)?.getAttribute('type') ?? ''));
      expect(title && textOf(title), `slide ${i + 1}`).toBe(placed.title);
      expect(texts[0], `slide ${i + 1}: the title is read first`).toBe(title);
    });
  });

  it('puts bullets in a body placeholder with real levels, and the footer and number in their placeholders', async () => {
    const r = await buildCase(file, theme);
    const pkg = open(r.pptx!);
    r.placed!.slides.forEach((placed, i) => {
      const shapes = shapesOf(pkg.xml(pkg.slides[i]!));
      const types = shapes.map((s) => phOf(s)?.getAttribute('type') ?? (phOf(s) ? 'obj' : undefined));
      if (placed.kind === 'bullets') {
        const body = shapes.find((s) => ['body', 'obj'].includes(phOf(s) ? (phOf(s)!.getAttribute('type') ?? 'obj') : ''));
        expect(body, `slide ${i + 1}`).toBeDefined();
        const levels = descendants(body!, 'a', 'p').map((p) => Number(child(p, 'a', 'pPr')?.getAttribute('lvl') ?? 0));
        const want = placed.elements.flatMap((e) => (e.type === 'text' && e.role === 'body' ? e.paragraphs.map((p) => p.level) : []));
        expect(levels).toEqual(want);
      }
      const footer = placed.elements.find((e) => e.type === 'text' && e.role === 'footer');
      if (footer) {
        const ftr = shapes[types.indexOf('ftr')];
        expect(ftr && textOf(ftr)).toBe(r.deck!.meta.title);
        // Footer and slide number come last in the reading order.
        expect(types.slice(-2)).toEqual(['ftr', 'sldNum']);
      }
      if (placed.kind !== 'title' && placed.kind !== 'section' && placed.kind !== 'closing') expect(footer, `slide ${i + 1} has a footer`).toBeDefined();
    });
  });

  it('writes the theme\'s colour and font schemes in the theme part, and refers to them on the slides', async () => {
    const r = await buildCase(file, theme);
    const pkg = open(r.pptx!);
    const doc = pkg.xml('ppt/theme/theme1.xml');
    const scheme = descendants(doc, 'a', 'clrScheme')[0]!;
    const want = builtinScheme(r.deck!.theme).colors;
    for (const slot of SCHEME_SLOTS) expect(child(child(scheme, 'a', slot), 'a', 'srgbClr')?.getAttribute('val'), slot).toBe(want[slot].replace('#', '').toUpperCase());
    const major = descendants(doc, 'a', 'majorFont')[0]!;
    const minor = descendants(doc, 'a', 'minorFont')[0]!;
    expect(child(major, 'a', 'latin')!.getAttribute('typeface')).toBe(r.deck!.theme.headingFont);
    expect(child(minor, 'a', 'latin')!.getAttribute('typeface')).toBe(r.deck!.theme.bodyFont);
    expect(child(minor, 'a', 'ea')!.getAttribute('typeface')).toBe(r.deck!.theme.eastAsianFont);
    // Literal colours are left only where no theme colour names them: at most a tenth of what the slides
    // carried before they used placeholders and theme colours, and a small share of all colours.
    let literal = 0;
    let themed = 0;
    for (const part of pkg.slides) {
      const slide = pkg.xml(part);
      literal += descendants(slide, 'a', 'srgbClr').length;
      themed += descendants(slide, 'a', 'schemeClr').length;
    }
    const before = LITERAL_BEFORE[path.basename(file)];
    if (before !== undefined) expect(literal, `${literal} literal colours, ${before} before`).toBeLessThanOrEqual(before / 10);
    // A deck that had no "before": at most two literal colours a slide (muted text where no theme colour is muted).
    expect(literal, `${literal} literal, ${themed} theme colours on ${pkg.slides.length} slides`).toBeLessThanOrEqual(2 * pkg.slides.length);
  });

  it('marks tables with a header row and a table style, links addresses, and marks decoration', async () => {
    const r = await buildCase(file, theme);
    const pkg = open(r.pptx!);
    r.placed!.slides.forEach((placed, i) => {
      const part = pkg.slides[i]!;
      const slide = pkg.xml(part);
      for (const tbl of descendants(slide, 'a', 'tbl')) {
        const tblPr = child(tbl, 'a', 'tblPr')!;
        expect(tblPr.getAttribute('firstRow')).toBe('1');
        expect(child(tblPr, 'a', 'tableStyleId')?.textContent).toMatch(/^\{[0-9A-F-]{36}\}$/);
      }
      const rels = pkg.rels(part);
      const links = descendants(slide, 'a', 'hlinkClick').map((h) => rels.get(h.getAttributeNS(NS.r, 'id')!)!);
      if (placed.kind === 'sources') {
        const urls = r.deck!.slides.flatMap((s) => (s.kind === 'sources' ? s.items.flatMap((x) => (x.url ? [x.url] : [])) : []));
        expect(links.map((l) => l.target).sort()).toEqual([...new Set(urls)].sort());
        for (const l of links) expect(l.external).toBe(true);
      }
      const decorations = placed.elements.filter((e) => e.type === 'rect' || e.type === 'line').length;
      const flagged = descendants(slide, 'adec', 'decorative').filter((d) => d.getAttribute('val') === '1').length;
      expect(flagged, `slide ${i + 1}`).toBe(decorations);
    });
  });

  it('lists the slide titles in docProps, has a portrait notes page, and lets body placeholders shrink text on overflow', async () => {
    const r = await buildCase(file, theme);
    const pkg = open(r.pptx!);
    const app = pkg.xml('docProps/app.xml');
    const titles = descendants(app, 'vt', 'lpstr').map((e) => e.textContent);
    for (const s of r.placed!.slides) if (s.title) expect(titles).toContain(s.title);
    expect(Number(descendants(app, 'ep', 'Words')[0]!.textContent)).toBeGreaterThan(10);
    const notesSz = child(pkg.xml('ppt/presentation.xml').documentElement!, 'p', 'notesSz')!;
    expect([notesSz.getAttribute('cx'), notesSz.getAttribute('cy')]).toEqual(['6858000', '9144000']);
    const layout = Object.keys(pkg.parts).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => pkg.xml(n)).find((d) => xpath(d.documentElement, 'p:cSld')!.getAttribute('name') === 'Title and Content')!;
    const body = shapesOf(layout).find((s) => phOf(s)?.getAttribute('idx') === '1')!;
    expect(descendants(body, 'a', 'normAutofit').length).toBe(1);
    const core = pkg.xml('docProps/core.xml');
    expect(descendants(core, 'dc', 'language')[0]!.textContent).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
  });
});

describe('the two built-in themes', () => {
  it('write different colour schemes and map a dark theme\'s background through the colour map', async () => {
    const file = deckFiles().find((f) => f.endsWith('etdz-briefing.yaml'))!;
    const [light, dark] = await Promise.all([buildCase(file, 'briefing'), buildCase(file, 'midnight')]);
    const schemeOf = (r: BuildResult) => descendants(open(r.pptx!).xml('ppt/theme/theme1.xml'), 'a', 'clrScheme')[0]!.toString();
    expect(schemeOf(light)).not.toBe(schemeOf(dark));
    const clrMap = (r: BuildResult) => child(open(r.pptx!).xml('ppt/slideMasters/slideMaster1.xml').documentElement!, 'p', 'clrMap')!;
    expect(clrMap(light).getAttribute('bg1')).toBe('lt1');
    expect(clrMap(dark).getAttribute('bg1')).toBe('dk1');
    expect(clrMap(dark).getAttribute('tx1')).toBe('lt1');
  });

  it('has fallen by more than 90% in literal colours on the ETDZ slides (344 before placeholders and theme colours)', async () => {
    const file = deckFiles().find((f) => f.endsWith('etdz-briefing.yaml'))!;
    const pkg = open((await buildCase(file, 'briefing')).pptx!);
    const literal = pkg.slides.reduce((n, s) => n + descendants(pkg.xml(s), 'a', 'srgbClr').length, 0);
    expect(literal).toBeLessThanOrEqual(34);
  });
});

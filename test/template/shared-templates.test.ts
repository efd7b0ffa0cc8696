// Every real template in ../shared/templates reads without error, as its README describes it (size,
// masters, layouts, slides, fonts, master background, first layouts and their placeholders), and the
// layouts chosen for each need offer the placeholders that need wants. Skips loudly without
// ../shared; fails under CI=true.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/geometry.js';
import { relativeLuminance } from '../../src/model/color.js';
import { chooseLayout, LAYOUT_NEEDS } from '../../src/template/choose.js';
import type { TemplateModel } from '../../src/template/model.js';
import { readTemplate } from '../../src/template/read.js';
import { ROOT } from '../helpers.js';

const DIR = path.resolve(ROOT, '..', 'shared', 'templates');
const README = path.join(DIR, 'README.md');
const missing = !fs.existsSync(README);
if (missing) console.warn(`\n*** SKIPPED: ${DIR} is missing (../shared is not beside this clone); the real-template tests did not run ***\n`);

interface Row {
  file: string;
  size: string;
  masters: number;
  layouts: number;
  slides: number;
  major: string;
  minor: string;
  ea?: string;
  dark: boolean;
  /** "Name [type#idx, …]" for the first layouts. */
  first: { name: string; placeholders: string[] }[];
}

/** The README's table, one row per template. */
function readRows(): Row[] {
  const rows: Row[] = [];
  for (const line of fs.readFileSync(README, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 8 || !/\.(pptx|potx)$/.test(cells[1] ?? '')) continue;
    const [, file, , slide, mls, fonts, master, layouts] = cells as string[];
    const [m, l, s] = mls!.split('/').map(Number);
    const fm = /^(.*?)\/(.*?)(?:, ea (.*))?$/.exec(fonts!)!;
    const first = layouts!
      .split(/;\s*/)
      .map((part) => /^(.*) \[(.*)\]$/.exec(part.trim()))
      .filter((x): x is RegExpExecArray => x !== null)
      .map((x) => ({ name: x[1]!, placeholders: x[2] ? x[2].split(', ') : [] }));
    rows.push({ file: file!, size: /(\d+\.\d+x\d+\.\d+)/.exec(slide!)![1]!, masters: m!, layouts: l!, slides: s!, major: fm[1]!, minor: fm[2]!, ea: fm[3], dark: master === 'dark', first });
  }
  return rows;
}

const rows = missing ? [] : readRows();
const cache = new Map<string, TemplateModel>();
function model(file: string): TemplateModel {
  let t = cache.get(file);
  if (!t) {
    const r = readTemplate(fs.readFileSync(path.join(DIR, file)), file);
    if ('error' in r) throw new Error(`${file}: ${r.error.code}: ${r.error.message}`);
    t = r.template;
    cache.set(file, t);
  }
  return t;
}

const areaOf = (b: Box): number => b.w * b.h;
const withinSlide = (b: Box, t: TemplateModel): boolean => b.x >= -1e-6 && b.y >= -1e-6 && b.x + b.w <= t.slideSize.w + 1e-6 && b.y + b.h <= t.slideSize.h + 1e-6;

describe.skipIf(missing && !process.env.CI)('real templates in ../shared/templates', () => {
  it('are there (CI runs them)', () => {
    expect(missing, `${DIR} is missing`).toBe(false);
    expect(rows.length).toBeGreaterThanOrEqual(16);
  });

  describe.each(rows.map((r) => [r.file, r]))('%s', (file, row) => {
    it('reads as the README describes it', () => {
      const t = model(file);
      const [w, h] = row.size.split('x').map(Number);
      expect(Math.abs(t.slideSize.w - w!)).toBeLessThan(0.006);
      expect(Math.abs(t.slideSize.h - h!)).toBeLessThan(0.006);
      expect(t.masters).toHaveLength(row.masters);
      expect(t.layouts.filter((l) => !l.synthetic)).toHaveLength(row.layouts);
      expect(t.package?.slides).toHaveLength(row.slides);
      expect(t.theme.major.latin).toBe(row.major);
      expect(t.theme.minor.latin).toBe(row.minor);
      if (row.ea) expect([t.theme.minor.ea, t.theme.major.ea, t.theme.minor.scripts.Hans, t.theme.major.scripts.Hans]).toContain(row.ea);
      expect(relativeLuminance(t.masters[0]!.background.hex) < 0.2).toBe(row.dark);
      row.first.forEach((expected, i) => {
        const l = t.layouts[i]!;
        expect(l.name.replace(/\s+/g, ' ')).toBe(expected.name);
        expect(l.placeholders.map((p) => (p.idx ? `${p.type}#${p.idx}` : p.type))).toEqual(expected.placeholders);
      });
      if (row.layouts === 0) expect(t.layouts.every((l) => l.synthetic)).toBe(true);
    });

    it('gives the same model with levels 2–9 read on demand as read at once', () => {
      const bytes = fs.readFileSync(path.join(DIR, file));
      const lazy = readTemplate(bytes, file);
      const eager = readTemplate(bytes, file, { eagerLevels: true });
      if ('error' in lazy || 'error' in eager) throw new Error(`${file} does not read`);
      expect(JSON.stringify(lazy.template)).toBe(JSON.stringify(eager.template));
    });

    it('gives every placeholder a box on the slide and styles in points', () => {
      const t = model(file);
      for (const l of [...t.masters, ...t.layouts]) {
        for (const p of l.placeholders) {
          expect(p.box.w, `${l.name} ${p.type}#${p.idx}`).toBeGreaterThan(0);
          expect(p.levels).toHaveLength(9);
          for (const lv of p.levels) {
            expect(lv.sizePt).toBeGreaterThanOrEqual(1);
            expect(lv.color.hex).toMatch(/^#[0-9A-F]{6}$/);
            expect(lv.font.length).toBeGreaterThan(0);
          }
        }
      }
    });

    it('chooses for every need a layout that offers what the need wants', () => {
      const t = model(file);
      const slideArea = t.slideSize.w * t.slideSize.h;
      const layoutHas = (pred: (l: TemplateModel['layouts'][number]) => boolean): boolean => t.layouts.some(pred);
      for (const need of LAYOUT_NEEDS) {
        const c = chooseLayout(t, need);
        expect(c.layout).toBe(t.layouts[c.index]);
        expect(c.title, `${need}: a title`).toBeDefined();
        expect(withinSlide(c.area, t), `${need}: area on the slide`).toBe(true);
        expect(areaOf(c.area)).toBeGreaterThan(slideArea * 0.08);
        expect(c.reason.length).toBeGreaterThan(5);
        // A layout on the first master wins, unless the first master's best offers clearly less room.
        if (c.layout.master > 0) {
          const first = chooseLayout({ ...t, layouts: t.layouts.filter((l) => l.master === 0) }, need);
          expect(areaOf(c.area), `${need}: ${c.layout.name} on master ${c.layout.master} over ${first.layout.name}`).toBeGreaterThan(areaOf(first.area) * 1.2);
        }
      }
      const readable = (l: TemplateModel['layouts'][number]): boolean => {
        const title = l.placeholders.find((p) => p.type === 'ctrTitle' && !p.ambiguous);
        const hex = title?.levels[0]?.color.hex;
        if (!title || !hex) return false;
        const lum = [relativeLuminance(hex), relativeLuminance(title.fill ?? l.background.hex)];
        return (Math.max(...lum) + 0.05) / (Math.min(...lum) + 0.05) >= 2;
      };
      if (layoutHas((l) => readable(l) && l.placeholders.some((p) => p.type === 'subTitle'))) {
        expect(chooseLayout(t, 'title-slide').title?.type).toBe('ctrTitle');
        expect(chooseLayout(t, 'title-slide').subtitle?.type).toBe('subTitle');
      }
      const content = chooseLayout(t, 'one-content');
      const bigText = (l: TemplateModel['layouts'][number]): boolean =>
        l.placeholders.some((p) => p.type === 'title') && l.placeholders.some((p) => (p.type === 'body' || p.type === 'obj') && !p.ambiguous && areaOf(p.box) > slideArea * 0.3);
      if (layoutHas(bigText)) {
        expect(content.bodies.length).toBe(1);
        expect(['body', 'obj']).toContain(content.bodies[0]!.type);
      }
      const sec = chooseLayout(t, 'section');
      if (layoutHas((l) => l.type === 'secHead')) expect(sec.layout.type).toBe('secHead');
      const two = chooseLayout(t, 'two-content');
      if (layoutHas((l) => l.type === 'twoObj' && l.placeholders.filter((p) => p.type === 'obj' && !p.ambiguous).length >= 2)) {
        expect(two.bodies.length + (two.visual && !two.bodies.includes(two.visual) ? 1 : 0)).toBeGreaterThanOrEqual(2);
      }
      const only = chooseLayout(t, 'title-only');
      if (layoutHas((l) => l.type === 'titleOnly')) expect(only.layout.type).toBe('titleOnly');
    });
  });
});

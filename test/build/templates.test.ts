// Every deck in decks/ built on every real template in ../shared/templates (PowerPoint for Windows and
// Mac, WPS, Google Slides, Keynote, LibreOffice; 4:3, 16:9 at two sizes, Keynote's size; five languages;
// dark masters; a master with no layouts; a layout with no placeholders; duplicated placeholders): the
// deck passes the schema validator, renders in LibreOffice one page per slide with no clipped or
// colliding text, keeps the template's slide size, master background and colour scheme, puts every
// slide on one of the template's layouts with its title in a title placeholder, and carries none of the
// template's own slides. The templates are test data: read here, never copied into the project.
// LibreOffice renders the ETDZ briefing (the deck with every slide kind) on each template, to keep the
// run short; the structure and validator checks cover every example deck.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { readTemplate } from '../../src/template/read.js';
import type { TemplateModel } from '../../src/template/model.js';
import { children, descendants, parseXml, path as xpath } from '../../src/xml.js';
import { deckFiles, missingTool, ROOT, run, tempDir, unzip, VALIDATOR } from '../helpers.js';

const strFromU8 = (b: Uint8Array): string => new TextDecoder().decode(b);
const unzipSync = unzip;

const TEMPLATES = path.resolve(ROOT, '..', 'shared', 'templates');
const OVERFLOW_TOOL = path.resolve(ROOT, '..', 'shared', 'tools', 'text-overflow.mjs');
const templates = fs.existsSync(TEMPLATES) ? fs.readdirSync(TEMPLATES).filter((f) => /\.p[op]t[xm]$/i.test(f)).sort() : [];
const missing = templates.length === 0 ? `${TEMPLATES} (../shared is not beside this clone)` : undefined;
if (missing) {
  const why = `SKIPPED: the real templates are missing: ${missing}`;
  if (process.env.CI === 'true') throw new Error(`${why} (CI=true: nothing may be skipped)`);
  console.warn(`\n*** ${why} ***\n`);
}
const noValidator = missingTool('validator');
const noOffice = missingTool('soffice');
// The stress deck overflows on purpose; it is a fixture, not an example.
const decks = deckFiles().filter((f) => !/stress/.test(f));

const sha = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

interface Built {
  template: TemplateModel;
  templateParts: Record<string, Uint8Array>;
  results: { deck: string; result: BuildResult; file: string }[];
}

describe.skipIf(!!missing).each(templates)('on %s', (name) => {
  const dir = tempDir('tpl');
  let built: Built;
  beforeAll(async () => {
    const bytes = fs.readFileSync(path.join(TEMPLATES, name));
    const read = readTemplate(bytes, name);
    if ('error' in read) throw new Error(`${name}: ${read.error.message}`);
    const results = [];
    for (const deck of decks) {
      const result = await build(fs.readFileSync(deck, 'utf8'), { baseDir: path.dirname(deck), template: { bytes, name } });
      const file = path.join(dir, `${path.basename(deck, '.yaml')}.pptx`);
      if (result.pptx) fs.writeFileSync(file, result.pptx);
      results.push({ deck, result, file });
    }
    built = { template: read.template, templateParts: unzipSync(bytes), results };
  }, 600_000);

  it('builds every example deck with no errors', () => {
    for (const { deck, result } of built.results) {
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(deck)}:${d.span?.line}: ${d.message}`)).toEqual([]);
      expect(result.pptx, path.basename(deck)).toBeDefined();
    }
  });

  it('keeps the template\'s slide size, master background and colour scheme, and none of its slides', () => {
    const tplPres = parseXml(strFromU8(built.templateParts['ppt/presentation.xml'] ?? new Uint8Array()), 'presentation');
    const tplSize = child2(tplPres, 'sldSz');
    const tplSlides = new Set(Object.entries(built.templateParts).filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(([, b]) => sha(b)));
    const scheme = (parts: Record<string, Uint8Array>, part: string) => descendants(parseXml(strFromU8(parts[part]!), part), 'a', 'clrScheme')[0]!.toString();
    for (const { deck, result } of built.results) {
      const parts = unzipSync(result.pptx!);
      const pres = parseXml(strFromU8(parts['ppt/presentation.xml']!), 'presentation');
      const size = child2(pres, 'sldSz');
      expect([size?.getAttribute('cx'), size?.getAttribute('cy')], path.basename(deck)).toEqual([tplSize?.getAttribute('cx'), tplSize?.getAttribute('cy')]);
      for (const m of built.template.masters) {
        // The master, its background and its theme's colour scheme, as the template has them.
        const themePart = themeOf(built.templateParts, m.part);
        expect(scheme(parts, themePart), `${path.basename(deck)} ${themePart}`).toBe(scheme(built.templateParts, themePart));
        const bg = (p: Record<string, Uint8Array>) => xpath(parseXml(strFromU8(p[m.part]!), m.part).documentElement, 'p:cSld', 'p:bg')?.toString() ?? '';
        expect(bg(parts)).toBe(bg(built.templateParts));
      }
      const slides = Object.entries(parts).filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
      expect(slides.length).toBe(result.placed!.slides.length);
      for (const [n, b] of slides) expect(tplSlides.has(sha(b)), `${n} is one of the template's own slides`).toBe(false);
    }
  });

  it('puts every slide on one of the template\'s layouts with its title in a title placeholder', () => {
    const layouts = new Set(built.template.layouts.map((l) => l.part));
    for (const { deck, result } of built.results) {
      const parts = unzipSync(result.pptx!);
      result.placed!.slides.forEach((s, i) => {
        const part = `ppt/slides/slide${i + 1}.xml`;
        const rels = parseXml(strFromU8(parts[`ppt/slides/_rels/slide${i + 1}.xml.rels`]!), 'rels');
        const layout = children(rels.documentElement!, 'rel', 'Relationship').find((r) => r.getAttribute('Type')!.endsWith('/slideLayout'))!;
        const target = path.posix.normalize(path.posix.join('ppt/slides', layout.getAttribute('Target')!));
        expect(layouts.has(target), `${path.basename(deck)} slide ${i + 1} on ${target}`).toBe(true);
        if (!s.title) return;
        const slide = parseXml(strFromU8(parts[part]!), part);
        const titles = descendants(slide, 'p', 'ph').filter((p) => ['title', 'ctrTitle'].includes(p.getAttribute('type') ?? ''));
        expect(titles.length, `${path.basename(deck)} slide ${i + 1} title placeholder`).toBe(1);
        const shape = titles[0]!.parentNode!.parentNode!.parentNode as unknown as Parameters<typeof descendants>[0];
        expect(descendants(shape, 'a', 't').map((t) => t.textContent).join(''), `${path.basename(deck)} slide ${i + 1}`).toBe(s.title);
      });
    }
  });

  it.skipIf(!!noValidator)(`passes validate-pptx --strict${noValidator ? ` (${noValidator})` : ''}`, () => {
    for (const { file } of built.results) {
      const r = run(VALIDATOR, ['--strict', file]);
      expect(r.stdout + r.stderr, path.basename(file)).toMatch(/ 0 problems\s*$/);
    }
  });

  it.skipIf(!!noOffice)(`renders in LibreOffice, one page per slide, no clipped or colliding text${noOffice ? ` (${noOffice})` : ''}`, () => {
    const rendered = built.results.filter((r) => path.basename(r.deck) === 'etdz-briefing.yaml');
    expect(rendered.length).toBe(1);
    const files = rendered.map((r) => r.file);
    run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files]);
    for (const { file, result } of rendered) {
      const pdf = file.replace(/\.pptx$/, '.pdf');
      expect(fs.existsSync(pdf), `${path.basename(pdf)} was not written`).toBe(true);
      const report = run(process.execPath, [OVERFLOW_TOOL, file, pdf]).stdout.trim();
      expect(report.split('\n').pop(), `${path.basename(file)}\n${report}`).toBe(`pages=${result.stats.slides} missing=0 overlaps=0`);
    }
  }, 600_000);
});

function child2(doc: ReturnType<typeof parseXml>, local: string) {
  return children(doc.documentElement!, 'p', local)[0];
}

/** The theme part a master uses. */
function themeOf(parts: Record<string, Uint8Array>, master: string): string {
  const rels = parseXml(strFromU8(parts[master.replace(/([^/]+)$/, '_rels/$1.rels')]!), 'rels');
  const rel = children(rels.documentElement!, 'rel', 'Relationship').find((r) => r.getAttribute('Type')!.endsWith('/theme'))!;
  return path.posix.normalize(path.posix.join(path.posix.dirname(master), rel.getAttribute('Target')!));
}


// Native (editable) charts: test/fixtures/native-charts.yaml has one `render: native` chart of every kind.
// The deck must pass validate-pptx --strict, hold one chart graphic frame per chart with the right chart
// group and the outline's numbers, give the same bytes in every build (in this process and in a child
// process with another time zone), and render in LibreOffice with one page per slide.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build, type BuildResult } from '../../src/build.js';
import {
  addEastAsianFont,
  addLineGrouping,
  applyEdits,
  dropCategoryOnlyValAxElements,
  dropEmptyNumPoints,
  dropInvertIfNegative,
  dropThirdAxisId,
  fixChartXml,
  fixTableRef,
  moveLineMarkerBeforeDataLabels,
  renumberCharts,
  restoreZeroCells,
  singleLevelCategories,
  stabilizeGuids,
} from '../../src/emit/chart-parts.js';
import { formatFor, numberFormat } from '../../src/emit/native-chart.js';
import { parseXml, serializeXml } from '../../src/xml.js';
import type { ChartKind } from '../../src/model/types.js';
import { missingTool, ROOT, run, tempDir, VALIDATOR, zipEntries } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'native-charts.yaml');
const TEXT = fs.readFileSync(FIXTURE, 'utf8');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface OutlineSeries {
  name: string;
  values: number[];
  axis?: string;
  type?: string;
}
interface OutlineChart {
  kind: ChartKind;
  series: OutlineSeries[];
  data_labels?: boolean;
}
/** The charts of the fixture, in slide order, straight from the YAML. */
const OUTLINE_CHARTS: OutlineChart[] = (parse(TEXT) as { slides: { chart?: OutlineChart }[] }).slides.flatMap((s) => (s.chart ? [s.chart] : []));

let result: BuildResult;
let zip: Record<string, Uint8Array>;
/** Per chart, in slide order: its kind, the alt text written for it, and its chart part. */
let charts: { kind: ChartKind; alt: string; slideXml: string; part: string; xml: string }[];

const text = async (name: string): Promise<string> => {
  const f = zip[name];
  if (!f) throw new Error(`no part ${name}`);
  return strFromU8(f);
};

beforeAll(async () => {
  result = await build(TEXT, { baseDir: path.dirname(FIXTURE) });
  if (!result.pptx) throw new Error(`the fixture did not build: ${JSON.stringify(result.diagnostics)}`);
  zip = unzipSync(result.pptx);
  charts = [];
  for (const slide of result.placed!.slides) {
    const slideXml = await text(`ppt/slides/slide${slide.number}.xml`);
    const rels = await text(`ppt/slides/_rels/slide${slide.number}.xml.rels`);
    const frames = [...slideXml.matchAll(/<c:chart r:id="(rId\d+)"/g)].map((m) => m[1]!);
    const placedCharts = slide.elements.flatMap((el) => (el.type === 'chart' ? [el] : []));
    expect(frames.length, `slide ${slide.number}: one chart frame per placed chart`).toBe(placedCharts.length);
    for (const [i, el] of placedCharts.entries()) {
      const target = new RegExp(`Id="${frames[i]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${frames[i]}"`).exec(rels)?.[1];
      expect(target, `slide ${slide.number}: relationship ${frames[i]}`).toBeDefined();
      const part = path.posix.normalize(target!.startsWith('/') ? target!.slice(1) : path.posix.join('ppt/slides', target!));
      charts.push({ kind: el.spec.kind, alt: el.alt, slideXml, part, xml: await text(part) });
    }
  }
});

describe('native charts (test/fixtures/native-charts.yaml)', () => {
  it('builds with no diagnostics but the native-chart warnings, one per chart', () => {
    expect(result.diagnostics.filter((d) => d.code !== 'native-chart')).toEqual([]);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(OUTLINE_CHARTS.map(() => 'warning'));
    expect(result.stats.charts).toBe(OUTLINE_CHARTS.length);
    expect(result.stats.chartsRendered).toBe(0);
  });

  it('has every chart kind, each as a graphic frame with an editable chart (no chart picture)', async () => {
    expect(charts.map((c) => c.kind).sort()).toEqual(['area', 'bar', 'combo', 'doughnut', 'hbar', 'line', 'pie', 'stacked-bar']);
    expect(Object.keys(zip).filter((n) => /^ppt\/media\//.test(n))).toEqual([]);
    const frames = (await Promise.all(Object.keys(zip).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(text))).join('').match(/<p:graphicFrame>/g);
    expect(frames?.length).toBe(OUTLINE_CHARTS.length);
  });

  it('writes the right chart group for each kind', () => {
    const groups = (xml: string) => [...xml.matchAll(/<c:(\w+Chart)>/g)].map((m) => m[1]);
    for (const { kind, xml } of charts) {
      const barDir = /<c:barDir val="(\w+)"\/>/.exec(xml)?.[1];
      const grouping = /<c:barChart>[\s\S]*?<c:grouping val="(\w+)"\/>/.exec(xml)?.[1];
      switch (kind) {
        case 'bar':
          expect([groups(xml), barDir, grouping]).toEqual([['barChart'], 'col', 'clustered']);
          break;
        case 'hbar':
          expect([groups(xml), barDir, grouping]).toEqual([['barChart'], 'bar', 'clustered']);
          break;
        case 'stacked-bar':
          expect([groups(xml), barDir, grouping]).toEqual([['barChart'], 'col', 'stacked']);
          expect(xml).toMatch(/<c:overlap val="100"\/>/);
          break;
        case 'line':
          expect(groups(xml)).toEqual(['lineChart']);
          break;
        case 'area':
          expect(groups(xml)).toEqual(['areaChart']);
          break;
        case 'pie':
          expect(groups(xml)).toEqual(['pieChart']);
          break;
        case 'doughnut':
          expect(groups(xml)).toEqual(['doughnutChart']);
          break;
        case 'combo':
          expect(new Set(groups(xml))).toEqual(new Set(['barChart', 'lineChart']));
          expect(xml.match(/<c:valAx>/g)?.length).toBe(2);
          expect(xml).toMatch(/<c:valAx>(?:(?!<\/c:valAx>)[\s\S])*<c:axPos val="r"\/>/);
          break;
      }
    }
  });

  it('holds the outline numbers in every series, by name, in the chart and in its workbook', async () => {
    for (const [i, { xml, part }] of charts.entries()) {
      const outline = OUTLINE_CHARTS[i]!;
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
        const body = m[1]!;
        const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1];
        const cache = /<c:val>[\s\S]*?<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(body)?.[1] ?? '';
        const values = [...cache.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)].map((p) => Number(p[2]));
        return { name, values };
      });
      const expected = outline.series.map((s) => ({ name: s.name, values: s.values }));
      expect(series.sort((a, b) => String(a.name).localeCompare(String(b.name))), part).toEqual(
        expected.sort((a, b) => a.name.localeCompare(b.name)),
      );
    }
    // The workbook behind the first chart keeps its zero (pptxgenjs writes `value || ''`).
    const rels = await text(charts[0]!.part.replace(/charts\/(chart\d+\.xml)$/, 'charts/_rels/$1.rels'));
    const book = /Target="\.\.\/(embeddings\/[^"]+\.xlsx)"/.exec(rels)![1]!;
    const sheet = strFromU8(unzipSync(zip[`ppt/${book}`]!)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="C5"><v>0</v></c>');
    expect(sheet).not.toMatch(/<v><\/v>/);
  });

  it('uses the theme palette, the body font, text of at least 12 pt and the alt text', () => {
    const palette = result.deck!.theme.palette.map((c) => c.replace('#', '').toUpperCase());
    for (const { kind, xml, alt, slideXml, part } of charts) {
      const sizes = [...xml.matchAll(/\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
      expect(sizes.length, part).toBeGreaterThan(0);
      expect(Math.min(...sizes), part).toBeGreaterThanOrEqual(12);
      // Pie and doughnut also carry pptxgenjs's fixed chart-wide label defaults (Arial), which every slice's own label overrides.
      const own = kind === 'pie' || kind === 'doughnut' ? xml.replace(/<\/c:dLbl>(?:(?!<c:dLbl>)[\s\S])*?<\/c:dLbls>/g, '</c:dLbl></c:dLbls>') : xml;
      const faces = new Set([...own.matchAll(/<a:latin typeface="([^"]+)"/g)].map((m) => m[1]));
      expect([...faces], part).toEqual([result.deck!.theme.bodyFont]);
      // Series fills (single points may be muted by a highlight).
      const fills = new Set([...xml.matchAll(/<c:ser>(?:(?!<\/c:ser>)[\s\S])*?<c:spPr>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]!));
      expect(fills.size, part).toBeGreaterThan(0);
      for (const f of fills) expect(palette, `${part}: series colour ${f}`).toContain(f);
      const esc = alt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(slideXml).toContain(`descr="${esc}"`);
    }
  });

  it('shows data labels where the outline asks for them (pie and doughnut: by default), in formats that read like the model\'s texts', () => {
    for (const [i, { kind, xml, part }] of charts.entries()) {
      // The series' own label settings (per-point labels come before them).
      const own = [...xml.matchAll(/<c:dLbls>(?:<c:dLbl>(?:(?!<\/c:dLbl>)[\s\S])*<\/c:dLbl>)*([\s\S]*?)<\/c:dLbls>/g)].map((m) => m[1]!).join('');
      const shown = /<c:show(?:Val|Percent) val="1"\/>/.test(own);
      const asked = OUTLINE_CHARTS[i]!.data_labels ?? (kind === 'pie' || kind === 'doughnut');
      expect(shown, part).toBe(asked);
    }
    const bar = charts.find((c) => c.kind === 'bar')!.xml;
    expect(bar).toMatch(/<c:dLbls>\s*<c:numFmt formatCode="#,##0\.00" sourceLinked="0"\/>/);
    const doughnut = charts.find((c) => c.kind === 'doughnut')!.xml;
    expect(doughnut).toContain('formatCode="#,##0.0&quot;%&quot;"');
    // Pie slices show their name and share (PowerPoint computes it: value ÷ total), on one line.
    const pie = charts.find((c) => c.kind === 'pie')!.xml;
    expect(pie).toMatch(/<c:showCatName val="1"\/>/);
    expect(pie).toMatch(/<c:showPercent val="1"\/>/);
    expect(pie).toContain('formatCode="0.0%"');
    expect(pie).toMatch(/<c:separator> <\/c:separator>/);
  });

  it('writes the highlight: other bars muted, the highlighted point marked and labelled', () => {
    const hbar = charts.find((c) => c.kind === 'hbar')!.xml;
    const points = [...hbar.matchAll(/<c:dPt><c:idx val="(\d+)"\/>(?:(?!<\/c:dPt>)[\s\S])*?<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => [Number(m[1]), m[2]] as const);
    // Biomedicine (index 2) keeps the series colour; the four others are muted, in one colour.
    expect(points.map(([i]) => i)).toEqual([0, 1, 3, 4]);
    expect(new Set(points.map(([, c]) => c)).size).toBe(1);
    const line = charts.find((c) => c.kind === 'line')!.xml;
    const first = /<c:ser>(?:(?!<\/c:ser>)[\s\S])*<\/c:ser>/.exec(line)![0];
    expect(first).toMatch(/<c:dPt><c:idx val="3"\/><c:marker><c:symbol val="circle"\/><c:size val="11"\/>/);
    // Data labels off: only the highlighted point (Apr, index 3) is labelled.
    expect(first).toMatch(/<c:dLbl><c:idx val="3"\/>(?:(?!<\/c:dLbl>)[\s\S])*<c:showVal val="1"\/>/);
    expect(first).toMatch(/<\/c:dLbl><c:numFmt[^>]*\/>(?:(?!<\/c:dLbls>)[\s\S])*<c:showVal val="0"\/>/);
  });

  it('writes categories as c:strRef, as PowerPoint does', () => {
    for (const { xml, part } of charts) {
      expect(xml, part).not.toContain('multiLvlStrRef');
      expect(xml, part).toMatch(/<c:cat>\s*<c:strRef>\s*<c:f>Sheet1!\$A\$2:\$A\$\d+<\/c:f>\s*<c:strCache>/);
    }
  });

  it('gives every workbook table column the name its header cell shows', async () => {
    for (const name of Object.keys(zip).filter((n) => n.startsWith('ppt/embeddings/'))) {
      const book = unzipSync(zip[name]!);
      const table = strFromU8(book['xl/tables/table1.xml']!);
      const sheet = strFromU8(book['xl/worksheets/sheet1.xml']!);
      const strings = [...strFromU8(book['xl/sharedStrings.xml']!).matchAll(/<si>(?:<t[^>]*\/>|<t[^>]*>([^<]*)<\/t>)<\/si>/g)].map((m) => m[1] ?? '');
      const columns = [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"\/>/g)].map((m) => m[1]);
      const row1 = /<row r="1"[^>]*>([\s\S]*?)<\/row>/.exec(sheet)![1]!;
      const headers = [...row1.matchAll(/<c r="[A-Z]+1"(?: t="(\w+)")?>([\s\S]*?)<\/c>/g)].map((m) =>
        m[1] === 's' ? strings[Number(/<v>(\d+)<\/v>/.exec(m[2]!)![1])] : /<t[^>]*>([^<]*)<\/t>/.exec(m[2]!)?.[1],
      );
      expect(columns.length, name).toBeGreaterThan(1);
      expect(headers, name).toEqual(columns);
      expect(new Set(columns.map((c) => c!.toLowerCase())).size, name).toBe(columns.length);
    }
  });

  it('numbers chart parts and workbooks 1..n in slide order, with no random ids', () => {
    expect(charts.map((c) => c.part)).toEqual(charts.map((_, i) => `ppt/charts/chart${i + 1}.xml`));
    const books = Object.keys(zip).filter((n) => n.startsWith('ppt/embeddings/')).sort();
    expect(books).toEqual(charts.map((_, i) => `ppt/embeddings/Microsoft_Excel_Worksheet${i + 1}.xlsx`).sort());
    for (const { xml } of charts) expect(xml).not.toMatch(/(?:val|id)="\{(?!00000000-0000-4000-8000-)[0-9A-F-]{36}\}"/i);
  });

  it('writes each workbook with the deck date and a valid table range', async () => {
    for (const name of Object.keys(zip).filter((n) => n.startsWith('ppt/embeddings/'))) {
      const book = unzipSync(zip[name]!);
      const core = strFromU8(book['docProps/core.xml']!);
      expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-10-21T00:00:00Z</dcterms:created>');
      expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-10-21T00:00:00Z</dcterms:modified>');
      expect(strFromU8(book['xl/tables/table1.xml']!)).toMatch(/ ref="[A-Z]+\d+:[A-Z]+\d+"/);
      for (const entry of zipEntries(zip[name]!)) {
        expect(entry.name.endsWith('/'), `${name}!/${entry.name}`).toBe(false);
        expect(entry.date.toISOString()).toBe('2024-10-21T00:00:00.000Z');
      }
    }
  });

  it('gives the same bytes when built again', async () => {
    const again = await build(TEXT, { baseDir: path.dirname(FIXTURE) });
    expect(sha(again.pptx!)).toBe(sha(result.pptx!));
  });

  it('gives the same bytes in a child process with another time zone', () => {
    // The child runs the compiled library (dist/ may be stale when only vitest runs, so compile afresh).
    const dir = tempDir('native-tz');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
    const tsc = run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--outDir', path.join(dir, 'dist'), '--sourceMap', 'false', '--declaration', 'false']);
    expect(fs.existsSync(path.join(dir, 'dist', 'build.js')), tsc.stdout + tsc.stderr).toBe(true);
    const script = path.join(dir, 'child.mjs');
    fs.writeFileSync(
      script,
      [
        "import fs from 'node:fs';",
        "import { createHash } from 'node:crypto';",
        "import { build } from './dist/build.js';",
        'const file = process.argv[2];',
        "const r = await build(fs.readFileSync(file, 'utf8'), { baseDir: process.argv[3] });",
        "process.stdout.write(createHash('sha256').update(r.pptx).digest('hex'));",
      ].join('\n'),
    );
    for (const tz of ['Pacific/Kiritimati', 'America/Adak']) {
      const r = spawnIn(dir, script, tz);
      expect(r.stderr, `TZ=${tz}`).not.toMatch(/Error/);
      expect(r.stdout, `TZ=${tz}`).toBe(sha(result.pptx!));
    }
  });

  const noValidator = missingTool('validator');
  it.skipIf(noValidator)(`passes validate-pptx --strict with 0 problems${noValidator ? ` (${noValidator})` : ''}`, () => {
    const out = path.join(tempDir('native-validate'), 'native.pptx');
    fs.writeFileSync(out, result.pptx!);
    const r = run(VALIDATOR, ['--strict', out]);
    expect(r.stdout + r.stderr).toMatch(/ 0 problems\s*$/);
    expect(r.status).toBe(0);
  });

  const noOffice = missingTool('soffice');
  it.skipIf(noOffice)(`renders in LibreOffice with one page per slide${noOffice ? ` (${noOffice})` : ''}`, () => {
    const dir = tempDir('native-soffice');
    const out = path.join(dir, 'native.pptx');
    fs.writeFileSync(out, result.pptx!);
    const conv = run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out]);
    expect(fs.existsSync(path.join(dir, 'native.pdf')), conv.stderr).toBe(true);
    const info = run('pdfinfo', [path.join(dir, 'native.pdf')]).stdout;
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(result.stats.slides);
  });
});

function spawnIn(cwd: string, script: string, tz: string): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, FIXTURE, path.dirname(FIXTURE)], { cwd, encoding: 'utf8', env: { ...process.env, TZ: tz }, maxBuffer: 1 << 26 });
  return { stdout: r.stdout, stderr: r.stderr };
}

/** A chart part around `inner`, with the namespaces pptxgenjs declares. */
const wrap = (inner: string) =>
  `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c16="http://schemas.microsoft.com/office/drawing/2014/chart">${inner}</c:chartSpace>`;
/** The inner XML again, after a repair on the tree. */
const inside = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/^<c:chartSpace[^>]*>/, '').replace(/<\/c:chartSpace>$/, '');
const on = (fix: (xml: string) => string, inner: string) => inside(fix(wrap(inner)));

describe('chart part repairs (pptxgenjs 4.0.1 shapes), on the XML tree', () => {
  it('drops the third c:axId of 2-D chart groups and keeps two', () => {
    const xml = '<c:barChart><c:barDir val="col"/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart>';
    expect(on(dropThirdAxisId, xml)).toBe('<c:barChart><c:barDir val="col"/><c:axId val="1"/><c:axId val="2"/></c:barChart>');
    const bar3d = '<c:bar3DChart><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:bar3DChart>';
    expect(on(dropThirdAxisId, bar3d)).toBe(bar3d);
  });

  it('adds the required c:grouping to line charts once', () => {
    const fixed = on(addLineGrouping, '<c:lineChart><c:varyColors val="0"/></c:lineChart>');
    expect(fixed).toBe('<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/></c:lineChart>');
    expect(on(addLineGrouping, fixed)).toBe(fixed);
  });

  it('drops c:invertIfNegative from line and area series only', () => {
    const xml = '<c:areaChart><c:ser><c:spPr/><c:invertIfNegative val="0"/></c:ser></c:areaChart><c:barChart><c:ser><c:invertIfNegative val="0"/></c:ser></c:barChart>';
    expect(on(dropInvertIfNegative, xml)).toBe('<c:areaChart><c:ser><c:spPr/></c:ser></c:areaChart><c:barChart><c:ser><c:invertIfNegative val="0"/></c:ser></c:barChart>');
  });

  it('puts a line series marker before its data labels', () => {
    const xml = '<c:lineChart><c:ser><c:dLbls><c:showVal val="0"/></c:dLbls><c:marker><c:symbol val="circle"/></c:marker><c:cat/></c:ser></c:lineChart>';
    expect(on(moveLineMarkerBeforeDataLabels, xml)).toBe('<c:lineChart><c:ser><c:marker><c:symbol val="circle"/></c:marker><c:dLbls><c:showVal val="0"/></c:dLbls><c:cat/></c:ser></c:lineChart>');
  });

  it('keeps each marker in its own series (the regex this replaces moved series 2\'s marker into series 1)', () => {
    const one = '<c:ser><c:idx val="0"/><c:dLbls><c:showVal val="1"/></c:dLbls><c:cat/></c:ser>';
    const two = '<c:ser><c:idx val="1"/><c:dLbls><c:showVal val="1"/></c:dLbls><c:marker><c:symbol val="circle"/></c:marker><c:cat/></c:ser>';
    const fixed = on(moveLineMarkerBeforeDataLabels, `<c:lineChart>${one}${two}</c:lineChart>`);
    expect(fixed).toBe(`<c:lineChart>${one}<c:ser><c:idx val="1"/><c:marker><c:symbol val="circle"/></c:marker><c:dLbls><c:showVal val="1"/></c:dLbls><c:cat/></c:ser></c:lineChart>`);
  });

  it('drops category-axis-only elements from a value axis', () => {
    const xml = '<c:valAx><c:crossAx val="1"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:crossBetween val="between"/></c:valAx><c:catAx><c:auto val="1"/></c:catAx>';
    expect(on(dropCategoryOnlyValAxElements, xml)).toBe('<c:valAx><c:crossAx val="1"/><c:crossBetween val="between"/></c:valAx><c:catAx><c:auto val="1"/></c:catAx>');
  });

  it('leaves gaps out of number caches', () => {
    expect(on(dropEmptyNumPoints, '<c:numCache><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v/></c:pt></c:numCache>')).toBe('<c:numCache><c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache>');
  });

  it('writes one-level categories as c:strRef and leaves real multi-level ones alone', () => {
    const one =
      '<c:cat><c:multiLvlStrRef><c:f>Sheet1!$A$2:$A$3</c:f><c:multiLvlStrCache><c:ptCount val="2"/><c:lvl><c:pt idx="0"><c:v>Q1</c:v></c:pt><c:pt idx="1"><c:v>Q2</c:v></c:pt></c:lvl></c:multiLvlStrCache></c:multiLvlStrRef></c:cat>';
    expect(on(singleLevelCategories, one)).toBe(
      '<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>Q1</c:v></c:pt><c:pt idx="1"><c:v>Q2</c:v></c:pt></c:strCache></c:strRef></c:cat>',
    );
    const two = one.replace('</c:lvl></c:multiLvlStrCache>', '</c:lvl><c:lvl><c:pt idx="0"><c:v>2024</c:v></c:pt></c:lvl></c:multiLvlStrCache>');
    expect(on(singleLevelCategories, two)).toBe(two);
  });

  it('numbers random GUIDs in order and keeps extension URIs', () => {
    const xml = '<c:ext uri="{C3380CC4-5D6E-409C-BE32-E72D297353CC}"><c16:uniqueId val="{00000001-8A1B-4C2D-9E3F-0123456789AB}"/></c:ext><a:fld id="{DEADBEEF-0000-4000-8000-ABCDEFABCDEF}"/>';
    const fixed = on(stabilizeGuids, xml);
    expect(fixed).toBe('<c:ext uri="{C3380CC4-5D6E-409C-BE32-E72D297353CC}"><c16:uniqueId val="{00000000-0000-4000-8000-000000000001}"/></c:ext><a:fld id="{00000000-0000-4000-8000-000000000002}"/>');
    expect(on(stabilizeGuids, fixed)).toBe(fixed);
  });

  it('names the East Asian face after every a:latin, once, escaped by the serializer', () => {
    const xml = '<a:defRPr sz="1400"><a:latin typeface="Calibri"/><a:cs typeface="Calibri"/></a:defRPr>';
    const fixed = on((x) => addEastAsianFont(x, 'Microsoft YaHei'), xml);
    expect(fixed).toBe('<a:defRPr sz="1400"><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/><a:cs typeface="Calibri"/></a:defRPr>');
    expect(on((x) => addEastAsianFont(x, 'Microsoft YaHei'), fixed)).toBe(fixed);
    expect(on((x) => addEastAsianFont(x, 'A&B "C"'), xml)).toContain('<a:ea typeface="A&amp;B &quot;C&quot;"/>');
    for (const { xml: chart } of charts) expect(chart).toContain(`<a:ea typeface="${result.deck!.theme.eastAsianFont}"/>`);
  });

  it('renumbers charts and workbooks by slide order, references included', () => {
    const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
    const rel = (target: string) => `<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="t" Target="${target}"/></Relationships>`;
    const types = (...names: string[]) => `<Types xmlns="${CT}">${names.map((n) => `<Override PartName="${n}"/>`).join('')}</Types>`;
    const parts = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', types('/ppt/charts/chart9.xml', '/ppt/charts/chart10.xml')],
      ['ppt/slides/_rels/slide2.xml.rels', rel('/ppt/charts/chart10.xml')],
      ['ppt/slides/_rels/slide10.xml.rels', rel('/ppt/charts/chart9.xml')],
      ['ppt/charts/chart9.xml', 'second'],
      ['ppt/charts/chart10.xml', 'first'],
      ['ppt/charts/_rels/chart9.xml.rels', rel('../embeddings/Microsoft_Excel_Worksheet9.xlsx')],
      ['ppt/charts/_rels/chart10.xml.rels', rel('../embeddings/Microsoft_Excel_Worksheet10.xlsx')],
      ['ppt/embeddings/Microsoft_Excel_Worksheet9.xlsx', new Uint8Array([9])],
      ['ppt/embeddings/Microsoft_Excel_Worksheet10.xlsx', new Uint8Array([10])],
    ]);
    renumberCharts(parts);
    const bare = (x: unknown) => String(x).replace(/^<\?xml[^>]*\?>\s*/, '');
    expect(parts.get('ppt/charts/chart1.xml')).toBe('first');
    expect(parts.get('ppt/charts/chart2.xml')).toBe('second');
    expect(bare(parts.get('ppt/slides/_rels/slide2.xml.rels'))).toBe(rel('/ppt/charts/chart1.xml'));
    expect(bare(parts.get('ppt/charts/_rels/chart1.xml.rels'))).toBe(rel('../embeddings/Microsoft_Excel_Worksheet1.xlsx'));
    expect(parts.get('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx')).toEqual(new Uint8Array([10]));
    expect(bare(parts.get('[Content_Types].xml'))).toBe(types('/ppt/charts/chart2.xml', '/ppt/charts/chart1.xml'));
    expect([...parts.keys()].filter((n) => /(?:chart|Worksheet)(?:9|10)\./.test(n))).toEqual([]);
  });

  it('is idempotent as a whole', () => {
    for (const { xml } of charts) expect(fixChartXml(xml)).toBe(xml);
  });

  it('removes the stray apostrophe from a table range and refills zero cells', () => {
    const SHEET = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    expect(fixTableRef(`<table xmlns="${SHEET}" id="1" ref="A1:C5'" totalsRowShown="0"/>`)).toContain(' ref="A1:C5" ');
    const chart = wrap('<c:val><c:numRef><c:f>Sheet1!$C$2:$C$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>0</c:v></c:pt></c:numCache></c:numRef></c:val>');
    const sheet = `<sheetData xmlns="${SHEET}"><c r="C2"><v></v></c><c r="C3"><v></v></c></sheetData>`;
    expect(restoreZeroCells(sheet, chart)).toContain('<c r="C2"><v>0</v></c><c r="C3"/>');
  });
});

describe('chart edits (what pptxgenjs cannot write)', () => {
  const series = (more: string) =>
    wrap(
      `<c:chart><c:plotArea><c:barChart><c:ser><c:idx val="0"/><c:spPr/><c:invertIfNegative val="0"/><c:dLbls><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:showVal val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="0"/></c:dLbls><c:cat/><c:val/></c:ser>${more}</c:barChart></c:plotArea></c:chart>`,
    );
  const edited = (xml: string, edits: Parameters<typeof applyEdits>[1]) => {
    const doc = parseXml(xml, 'chart');
    applyEdits(doc, edits);
    return inside(serializeXml(doc));
  };

  it('gives a point its own label format, before the series settings', () => {
    const out = edited(series(''), { series: [{ pointFormats: [{ index: 2, format: '#,##0.0' }] }] });
    expect(out).toContain('<c:dLbls><c:dLbl><c:idx val="2"/><c:numFmt formatCode="#,##0.0" sourceLinked="0"/><c:showVal val="1"/><c:showBubbleSize val="0"/></c:dLbl><c:numFmt formatCode="#,##0"');
  });

  it('mutes single bars with c:dPt between c:invertIfNegative and c:dLbls', () => {
    const out = edited(series(''), { series: [{ pointFills: [{ index: 0, color: 'ABCDEF' }] }] });
    expect(out).toContain('<c:invertIfNegative val="0"/><c:dPt><c:idx val="0"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="ABCDEF"/></a:solidFill></c:spPr></c:dPt><c:dLbls>');
  });

  it('writes the units under the title\'s heading, as a lighter second line', () => {
    const title = wrap(
      '<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="l"/><a:r><a:rPr sz="2000" b="1"><a:solidFill><a:srgbClr val="1F2933"/></a:solidFill></a:rPr><a:t>H1 2024</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title></c:chart>',
    );
    const out = edited(title, { unitsLine: '万亿元 · trillion yuan', titleTopLeft: true });
    expect(out).toContain('<a:t>H1 2024</a:t></a:r></a:p><a:p><a:pPr algn="l"/><a:r><a:rPr sz="1400" b="0"><a:solidFill><a:srgbClr val="1F2933"/></a:solidFill></a:rPr><a:t>万亿元 · trillion yuan</a:t></a:r></a:p>');
    expect(out).toContain('<c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="0.01"/><c:y val="0.01"/></c:manualLayout></c:layout><c:overlay val="0"/>');
  });

  it('edits the series it names, and only that one', () => {
    const second = '<c:ser><c:idx val="1"/><c:spPr/><c:dLbls><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:showVal val="1"/></c:dLbls><c:cat/><c:val/></c:ser>';
    const out = edited(series(second), { series: [{}, { seriesFormat: '#,##0.00' }] });
    expect(out.match(/formatCode="#,##0\.00"/g)?.length).toBe(1);
    expect(out).toContain('<c:idx val="1"/><c:spPr/><c:dLbls><c:numFmt formatCode="#,##0.00"');
  });
});

describe('native chart number formats', () => {
  it('formats with thousands separators, fixed decimals and a quoted suffix', () => {
    expect(numberFormat(0)).toBe('#,##0');
    expect(numberFormat(2)).toBe('#,##0.00');
    expect(numberFormat(1, '%')).toBe('#,##0.0"%"');
    expect(numberFormat(0, '', false)).toBe('0');
  });

  it('writes a value exactly as the model\'s text reads', () => {
    expect(formatFor(1110, '1,110')).toBe('#,##0');
    expect(formatFor(15.2, '15.20')).toBe('#,##0.00');
    expect(formatFor(2024, '2024')).toBe('0');
    expect(formatFor(0.0000001, '0.0000001')).toBe('#,##0.0000000');
  });
});

// One number formatter: in every example deck, a fact reads the same wherever it is shown — in slide
// text, on a stat card, in a table, in a chart picture's labels (its chart.js config), in a native chart
// (the number format PowerPoint applies to the value) and in the chart's alt text.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { build, type BuildResult } from '../../src/build.js';
import type { PlacedChart } from '../../src/layout/placed.js';
import { factNumber, formatFact, formatNumber } from '../../src/model/format.js';
import type { Deck, Fact, RichText, Slide } from '../../src/model/types.js';
import { chartConfig } from '../../src/render/chart-config.js';
import { deckFiles } from '../helpers.js';

interface OutlineChart {
  series: { values?: (number | string)[] }[];
  render?: string;
}
interface OutlineSlide {
  type: string;
  chart?: OutlineChart;
  stats?: { fact?: string }[];
  [key: string]: unknown;
}

const plain = (t: RichText) => t.map((r) => r.text).join('');

/** Every string of a slide's text as the model holds it. */
function slideTexts(s: Slide): string[] {
  const out = [s.title, s.notes ?? ''];
  switch (s.kind) {
    case 'bullets':
    case 'text-chart':
      out.push(...s.bullets.map((b) => plain(b.text)));
      break;
    case 'table':
      out.push(...s.header.map(plain), ...s.rows.flat().map((c) => plain(c.text)), s.caption ?? '');
      break;
    case 'stats':
      out.push(...s.stats.flatMap((c) => [c.label, c.note ?? '']), s.intro ? plain(s.intro) : '');
      break;
    case 'timeline':
      out.push(...s.events.flatMap((e) => [e.date, plain(e.title), e.text ? plain(e.text) : '']));
      break;
    case 'agenda':
      out.push(...s.items.map(plain));
      break;
    case 'quote':
      out.push(plain(s.quote), s.attribution ?? '');
      break;
    default:
      break;
  }
  return out;
}

/** The fact references `{id}` and `{id.value}` anywhere in an outline slide. */
function references(node: unknown, out: { id: string; bare: boolean }[] = []): typeof out {
  if (typeof node === 'string') for (const m of node.matchAll(/(?<!\\)\{([A-Za-z][\w-]*)(\.value)?\}/g)) out.push({ id: m[1]!, bare: Boolean(m[2]) });
  else if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'chart') references(v, out);
  return out;
}

/** What an Excel number format of the kind native-chart.ts writes ("#,##0.0", "0", with a quoted suffix) makes of `v`. */
function excel(format: string, v: number, total: number): string {
  // A percentage format shows the point's share of the series' total, as PowerPoint computes it.
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${formatNumber((v / total) * 100, percent[1]?.length ?? 0)}%`;
  const m = /^(#,##0|0)(?:\.(0+))?(?:"([^"]*)")?$/.exec(format);
  if (!m) throw new Error(`unexpected number format ${format}`);
  return formatNumber(v, m[2]?.length ?? 0, m[1] === '#,##0') + (m[3] ?? '');
}

/** Per series of a native chart part, the label text of each point: the point's own format, else the series'. */
function nativeLabels(xml: string): string[][] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const labels = /<c:dLbls>([\s\S]*?)<\/c:dLbls>/.exec(ser!)?.[1] ?? '';
    const own = new Map([...labels.matchAll(/<c:dLbl><c:idx val="(\d+)"\/>(?:(?!<\/c:dLbl>)[\s\S])*?<c:numFmt formatCode="([^"]*)"/g)].map((p) => [Number(p[1]), p[2]!]));
    const end = labels.lastIndexOf('</c:dLbl>');
    const tail = end < 0 ? labels : labels.slice(end);
    const seriesFormat = (/<c:numFmt formatCode="([^"]*)"/.exec(tail)?.[1] ?? 'General').replace(/&quot;/g, '"');
    const values = /<c:val>[\s\S]*?<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(ser!)?.[1] ?? '';
    const out: string[] = [];
    const points = [...values.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)].map((p) => [Number(p[1]), Number(p[2])] as const);
    const total = points.reduce((sum, [, v]) => sum + v, 0);
    for (const [i, v] of points) out[i] = excel((own.get(i) ?? seriesFormat).replace(/&quot;/g, '"'), v, total);
    return out;
  });
}

/** Where each series of a spec is in its native chart part: combo charts write bars (left axis, then right) before lines. */
function nativeOrder(el: PlacedChart): number[] {
  const series = el.spec.series.map((s, i) => ({ s, i }));
  if (el.spec.kind !== 'combo') return series.map(({ i }) => i);
  const order = [
    ...series.filter(({ s }) => s.type !== 'line' && s.axis === 'left'),
    ...series.filter(({ s }) => s.type !== 'line' && s.axis === 'right'),
    ...series.filter(({ s }) => s.type === 'line'),
  ].map(({ i }) => i);
  return series.map(({ i }) => order.indexOf(i));
}

interface Built {
  file: string;
  outline: { slides: OutlineSlide[] };
  image: BuildResult;
  native: BuildResult;
}

const decks: Built[] = [];

beforeAll(async () => {
  for (const file of deckFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const outline = parse(text) as { slides: OutlineSlide[] };
    // The same deck with every chart native, to read PowerPoint's labels.
    const nativeOutline = structuredClone(outline);
    for (const s of nativeOutline.slides) if (s.chart) s.chart.render = 'native';
    const [image, native] = await Promise.all([build(text, { baseDir: path.dirname(file) }), build(stringify(nativeOutline), { baseDir: path.dirname(file) })]);
    decks.push({ file, outline, image, native });
  }
});

/** Model slides of each outline slide (continuations share their outline slide's index). */
function modelSlides(deck: Deck, index: number): Slide[] {
  return deck.slides.filter((s) => s.index === index);
}

describe('every fact reads the same everywhere (one formatter)', () => {
  it('builds every example deck', () => {
    expect(decks.length).toBeGreaterThan(0);
    for (const d of decks) {
      expect(d.image.pptx, d.file).toBeDefined();
      expect(d.native.pptx, d.file).toBeDefined();
    }
  });

  it('in slide text, stat cards and tables', () => {
    let checked = 0;
    for (const { file, outline, image } of decks) {
      const deck = image.deck!;
      outline.slides.forEach((raw, index) => {
        const texts = modelSlides(deck, index).flatMap(slideTexts).join('\n');
        for (const ref of references(raw)) {
          const fact = deck.facts.get(ref.id)!;
          expect(texts, `${path.basename(file)} slide ${index + 1}: {${ref.id}${ref.bare ? '.value' : ''}}`).toContain(ref.bare ? factNumber(fact) : formatFact(fact));
          checked++;
        }
        for (const card of raw.stats ?? []) {
          if (!card.fact) continue;
          const fact = deck.facts.get(card.fact)!;
          const shown = modelSlides(deck, index).flatMap((s) => (s.kind === 'stats' ? s.stats.map((c) => c.value) : []));
          expect(shown.some((v) => v.startsWith(factNumber(fact))), `${path.basename(file)} slide ${index + 1}: card ${card.fact}`).toBe(true);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('in chart pictures (their labels), native charts and alt text', () => {
    let checked = 0;
    for (const { file, outline, image, native } of decks) {
      const deck = image.deck!;
      const placed = image.placed!.slides.flatMap((s) => s.elements.filter((e): e is PlacedChart => e.type === 'chart'));
      const parts = unzipSync(native.pptx!);
      const charts = outline.slides.flatMap((raw, index) => (raw.chart ? [{ raw, index }] : []));
      charts.forEach(({ raw, index }, k) => {
        const el = placed[k]!;
        const where = `${path.basename(file)} slide ${index + 1}`;
        const config = chartConfig(el.spec, deck.theme, { widthIn: el.box.w, heightIn: el.box.h }) as unknown as { options: { plugins: { bdDataLabels: { texts: string[][]; arcs?: { shares: string[] } } } } };
        const labels = nativeLabels(new TextDecoder().decode(parts[`ppt/charts/chart${k + 1}.xml`]!));
        raw.chart!.series.forEach((s, si) => {
          (s.values ?? []).forEach((v, i) => {
            if (typeof v !== 'string') return;
            const fact: Fact = deck.facts.get(v)!;
            const reads = factNumber(fact);
            expect(el.spec.series[si]!.texts[i], `${where}: model text of ${v}`).toBe(reads);
            expect(config.options.plugins.bdDataLabels.texts[si]![i], `${where}: picture label of ${v}`).toBe(reads);
            expect(el.alt, `${where}: alt text`).toContain(`${el.spec.labels[i]} ${reads}`);
            // Native pie and doughnut labels show shares (PowerPoint's percentages), like the pictures; the other kinds the value.
            const circular = el.spec.kind === 'pie' || el.spec.kind === 'doughnut';
            const native = labels[nativeOrder(el)[si]!]![i];
            if (circular) {
              expect(native, `${where}: native share of ${v}`).toBe(el.spec.shares[i]);
              expect(config.options.plugins.bdDataLabels.arcs?.shares[i], `${where}: picture share of ${v}`).toBe(el.spec.shares[i]);
            } else expect(native, `${where}: native label of ${v}`).toBe(reads);
            checked++;
          });
        });
      });
    }
    expect(checked).toBeGreaterThan(5);
  });
});

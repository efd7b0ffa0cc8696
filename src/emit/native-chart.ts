// A chart written as an editable PowerPoint chart (`render: native`) with pptxgenjs `slide.addChart`,
// following the rules of the picture charts (src/render) where the format allows: the same palette,
// fonts and sizes (render/style.ts), the same nice axis scales (model/chart-scale.ts), no value axis when
// every value is labelled, labels that read exactly like the model's texts (number formats derived from
// them), shares on pie and doughnut slices, the highlight, and units written horizontally.
//
// What pptxgenjs cannot say is recorded as ChartEdits for its chart part and applied on the XML tree
// later (chart-parts.ts, via finalize.ts), together with the repairs of its schema faults.
import type { PlacedChart } from '../layout/placed.js';
import { axisScales, labelledComboRanges, type AxisScale } from '../model/chart-scale.js';
import { DOUGHNUT_HOLE, headlineSlice, isCircular, isPercentUnit, pieRotation, type ChartKind, type CircularKind } from '../model/chart-spec.js';
import type { ChartSeries, ChartSpec, Theme } from '../model/types.js';
import { chartStyle, contrastRatio, estimateTextPx, mix, paletteColor, readableOn, type ChartStyle } from '../render/style.js';
import type { ChartEdits } from './chart-parts.js';
import type { Pptx, PptxSlide } from './pptxgen.js';

type ChartOpts = NonNullable<Parameters<PptxSlide['addChart']>[2]>;
type ChartName = Pptx['ChartType']['bar' | 'line' | 'area' | 'pie' | 'doughnut'];
interface ChartData {
  name: string;
  labels: string[];
  values: (number | null)[];
}
interface MultiChart {
  type: ChartName;
  data: ChartData[];
  options: ChartOpts;
}

/** Points are marked with dots up to this many categories, as in the picture charts. */
const MAX_DOTS = 24;
/** Share of a category slot the bars take in the picture charts (chart.js categoryPercentage). */
const BAR_SHARE = 0.72;
const EMU_PER_PT = 12700;


const hex = (color: string): string => color.replace(/^#/, '').toUpperCase();
/** CSS px (chart style) → points, to the half point. */
const pt = (px: number): number => Math.round(px * 1.5) / 2;

/** Sizes (pt) and colours of a native chart at its placed size, taken from the picture charts' style. */
interface NativeStyle {
  style: ChartStyle;
  font: string;
  text: string;
  grid: string;
  tickPt: number;
  legendPt: number;
  axisTitlePt: number;
  dataLabelPt: number;
  titlePt: number;
}

function nativeStyle(theme: Theme, el: PlacedChart): NativeStyle {
  const style = chartStyle(theme, { widthIn: el.box.w, heightIn: el.box.h });
  return {
    style,
    font: theme.bodyFont,
    text: hex(style.text),
    grid: hex(style.grid),
    tickPt: pt(style.tickPx),
    legendPt: pt(style.legendPx),
    axisTitlePt: pt(style.axisTitlePx),
    dataLabelPt: pt(style.dataLabelPx),
    titlePt: pt(style.titlePx),
  };
}

/** What a kind's writer gets: its own kind's spec, the slide, and the edits to record for its chart part. */
interface NativeContext<K extends ChartKind> {
  slide: PptxSlide;
  pptx: Pptx;
  el: PlacedChart;
  spec: ChartSpec & { kind: K };
  ns: NativeStyle;
  base: ChartOpts;
  edits: ChartEdits;
}

type NativeWriter<K extends ChartKind> = (c: NativeContext<K>) => void;

/** One writer per chart kind, typed by the kind: a kind added to CHART_KINDS without one does not compile. */
const WRITERS: { readonly [K in ChartKind]: NativeWriter<K> } = {
  bar: (c) => addCartesian(c, c.pptx.ChartType.bar),
  hbar: (c) => addCartesian(c, c.pptx.ChartType.bar),
  'stacked-bar': (c) => addCartesian(c, c.pptx.ChartType.bar),
  line: (c) => addCartesian(c, c.pptx.ChartType.line),
  area: (c) => addCartesian(c, c.pptx.ChartType.area),
  pie: (c) => addCircular(c),
  doughnut: (c) => addCircular(c),
  combo: (c) => addCombo(c),
};

/** Per presentation, the edits of each chart part it holds, by pptxgenjs's part name (chartN.xml). */
const EDITS = new WeakMap<Pptx, Map<string, ChartEdits>>();

/** The chart edits recorded for `pptx`, for finalize.ts to hand to chart-parts.ts. */
export function nativeChartEdits(pptx: Pptx): ReadonlyMap<string, ChartEdits> {
  return EDITS.get(pptx) ?? new Map();
}

/** Adds `el` to `slide` as an editable chart. */
export function addNativeChart(slide: PptxSlide, pptx: Pptx, el: PlacedChart, theme: Theme, lang: string): void {
  const ns = nativeStyle(theme, el);
  const { spec } = el;
  const base: ChartOpts = {
    x: el.box.x,
    y: el.box.y,
    w: el.box.w,
    h: el.box.h,
    altText: el.alt,
    lang,
    ...titleOptions(spec, ns),
    ...legendOptions(spec, el, ns),
    // No fill on chart or plot area (pptxgenjs writes <a:noFill/>): the slide shows through, like the pictures' background.
    chartArea: { roundedCorners: false },
    displayBlanksAs: 'gap',
  };
  const edits: ChartEdits = { series: [], titleTopLeft: base.showTitle === true };
  const writer = WRITERS[spec.kind] as NativeWriter<ChartKind> | undefined;
  if (!writer) throw new Error(`internal: no native chart writer for kind "${spec.kind}"`);
  writer({ slide, pptx, el, spec, ns, base, edits });
  const rels = (slide as unknown as { _relsChart?: { fileName?: string }[] })._relsChart;
  const part = rels?.[rels.length - 1]?.fileName;
  if (!part) throw new Error('internal: pptxgenjs did not record the chart part');
  let map = EDITS.get(pptx);
  if (!map) EDITS.set(pptx, (map = new Map()));
  map.set(part, edits);
}

/** The series of a chart as pptxgenjs data: one value per label, gaps as null. */
function chartData(spec: ChartSpec, s: ChartSeries | undefined): ChartData {
  const values: (number | null)[] = [];
  for (let i = 0; i < spec.labels.length; i++) {
    const v = s?.values[i];
    values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
  }
  return { name: s?.name ?? '', labels: [...spec.labels], values };
}

// ---------------------------------------------------------------------------------------------------
// Options shared by the kinds

/**
 * The chart title carries the spec's title and, under it, the units, written horizontally at the top
 * left as in the pictures ("trillion yuan"; a combo chart's two units side by side, each coloured like
 * its axis, see chart-parts.ts). Pie and doughnut show shares and need no unit.
 */
function titleOptions(spec: ChartSpec, ns: NativeStyle): ChartOpts {
  const title = spec.title?.trim();
  const units = unitLine(spec);
  if (!title && units.length === 0) return { showTitle: false };
  return {
    showTitle: true,
    title: title ?? units.map((u) => u.text).join(' · '),
    titleFontFace: ns.font,
    titleFontSize: title ? ns.titlePt : ns.axisTitlePt,
    titleColor: ns.text,
    titleBold: Boolean(title),
    titleAlign: 'left',
  };
}

/**
 * The units written above the plot. A combo chart's two units name their series when the unit does not
 * ("thousand TEU (Containers) · ship calls"): chart titles are one colour in LibreOffice, so the colours
 * the pictures use to tie a unit to its axis cannot be relied on.
 */
function unitLine(spec: ChartSpec): { text: string }[] {
  if (isCircular(spec.kind)) return [];
  const unit = spec.unit?.trim();
  const hasRight = spec.kind === 'combo' && spec.series.some((s) => s.axis === 'right');
  const unit2 = hasRight ? spec.unit2?.trim() : undefined;
  if (!hasRight) return unit ? [{ text: unit }] : [];
  const named = (u: string | undefined, axis: 'left' | 'right'): { text: string }[] => {
    if (!u) return [];
    const names = spec.series.filter((s) => s.axis === axis).map((s) => s.name);
    const same = names.length === 1 && names[0]!.trim().toLowerCase() === u.toLowerCase();
    return [{ text: same ? u : `${u} (${names.join(', ')})` }];
  };
  return [...named(unit, 'left'), ...named(unit2, 'right')];
}

/** Legend like the pictures: pie and doughnut only without data labels; others with 2+ series, on top. */
function legendOptions(spec: ChartSpec, el: PlacedChart, ns: NativeStyle): ChartOpts {
  const circular = isCircular(spec.kind);
  const show = circular ? !spec.dataLabels || spec.kind === 'doughnut' : spec.series.length > 1;
  if (!show) return { showLegend: false };
  const wide = el.box.w / el.box.h >= 1.15;
  return {
    showLegend: true,
    legendPos: circular ? (wide ? 'r' : 'b') : 't',
    legendFontFace: ns.font,
    legendFontSize: ns.legendPt,
    legendColor: ns.text,
  };
}

/** Excel number format with exactly `decimals` digits after the point, grouped in thousands unless told not to. */
export function numberFormat(decimals: number, suffix = '', grouping = true): string {
  const d = Math.max(0, Math.min(20, Math.round(decimals)));
  return `${grouping ? '#,##0' : '0'}${d > 0 ? `.${'0'.repeat(d)}` : ''}${suffix ? `"${suffix.replace(/"/g, '')}"` : ''}`;
}

/** The number format that writes `value` as the model's `text` ("1,110", "15.20", "2024"). */
export function formatFor(value: number, text: string): string {
  const digits = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
  const grouping = text.includes(',') || Math.abs(value) < 1000;
  return numberFormat(digits, '', grouping);
}

/** Of light and dark, the one that reads best on every fill in `fills` (labels on bars, slices, rings). */
function labelColorOn(fills: string[], light: string, dark: string): string {
  const worst = (c: string) => Math.min(...fills.map((f) => contrastRatio(f, c)));
  return worst(light) >= worst(dark) ? light : dark;
}

/** Colours of the given series indices, from the theme palette (never left to pptxgenjs's defaults). */
function colorsOf(ns: NativeStyle, indices: number[]): string[] {
  return indices.map((i) => hex(paletteColor(ns.style, i)));
}

/** A series colour pushed towards the background, as the pictures mute what is not highlighted. */
function muted(ns: NativeStyle, color: string): string {
  return hex(mix(`#${color}`, ns.style.background, 0.62));
}

/** A value axis on the nice scale; hidden (no labels, line or gridlines) when every value is labelled. */
function valueAxisOptions(ns: NativeStyle, spec: ChartSpec, scale: AxisScale, grid: boolean, color = ns.text, hiddenRange?: [number, number]): ChartOpts {
  const shown = !spec.dataLabels;
  const o: ChartOpts = {
    valAxisLabelFontFace: ns.font,
    valAxisLabelFontSize: ns.tickPt,
    valAxisLabelColor: color,
    valAxisLabelFormatCode: numberFormat(scale.decimals),
    valAxisLineShow: false,
    valAxisMajorTickMark: 'none',
    valAxisMinorTickMark: 'none',
    valGridLine: shown && grid ? { color: ns.grid, size: 0.75, style: 'solid' } : { style: 'none' },
    valAxisMinVal: scale.min,
  };
  if (shown) Object.assign(o, { valAxisMaxVal: scale.max, valAxisMajorUnit: scale.step });
  else {
    o.valAxisLabelPos = 'none';
    if (hiddenRange) Object.assign(o, { valAxisMinVal: hiddenRange[0], valAxisMaxVal: hiddenRange[1] });
  }
  return o;
}

function categoryAxisOptions(ns: NativeStyle): ChartOpts {
  return {
    catAxisLabelFontFace: ns.font,
    catAxisLabelFontSize: ns.tickPt,
    catAxisLabelColor: ns.text,
    catAxisLineShow: true,
    catAxisLineColor: ns.grid,
    catAxisLineSize: 0.75,
    catAxisMajorTickMark: 'none',
    catAxisMinorTickMark: 'none',
    catGridLine: { style: 'none' },
  };
}

/**
 * Data labels of one series: shown when the outline asks (or only at the highlighted labels), each point
 * in the number format that writes the model's text. Formats that differ within a series are recorded
 * as per-point edits.
 */
function seriesLabels(c: NativeContext<ChartKind>, s: ChartSeries, seriesIndex: number, color: string): ChartOpts {
  const formats = s.values.map((v, i) => formatFor(v, s.texts[i] ?? ''));
  const common = mostCommon(formats);
  const edit = seriesEdit(c.edits, seriesIndex);
  formats.forEach((f, i) => {
    if (f !== common) (edit.pointFormats ??= []).push({ index: i, format: f });
  });
  const onlyHighlight = !c.spec.dataLabels && c.spec.highlight.length > 0;
  if (onlyHighlight) edit.labelOnly = [...c.spec.highlight];
  return {
    // With only the highlight labelled, the series shows none and its highlighted points their own (edits).
    showValue: c.spec.dataLabels,
    dataLabelFontFace: c.ns.font,
    dataLabelFontSize: c.ns.dataLabelPt,
    dataLabelFontBold: true,
    dataLabelColor: color,
    dataLabelFormatCode: common,
  };
}

function seriesEdit(edits: ChartEdits, i: number): NonNullable<ChartEdits['series']>[number] {
  const list = (edits.series ??= []);
  while (list.length <= i) list.push({});
  return list[i]!;
}

function mostCommon(list: string[]): string {
  const counts = new Map<string, number>();
  for (const x of list) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = list[0] ?? 'General';
  for (const [x, n] of counts) if (n > (counts.get(best) ?? 0)) best = x;
  return best;
}

/** Highlight: the other labels' points of series `i` in the muted colour (bars) or smaller markers (lines). */
function recordHighlight(c: NativeContext<ChartKind>, seriesIndex: number, color: string, kind: 'fill' | 'marker'): void {
  const { spec } = c;
  if (spec.highlight.length === 0) return;
  const edit = seriesEdit(c.edits, seriesIndex);
  if (kind === 'fill') {
    edit.pointFills = spec.labels.flatMap((_, i) => (spec.highlight.includes(i) ? [] : [{ index: i, color: muted(c.ns, color) }]));
  } else {
    edit.pointMarkers = spec.highlight.map((i) => ({ index: i, size: 11, color }));
  }
}

/** Gap between bar groups (% of one bar) that gives the pictures' bar width: 72% of the slot, at most 1/8 of the chart. */
function barGap(el: PlacedChart, ns: NativeStyle, categories: number, barsPerSlot: number): number {
  const horizontal = el.spec.kind === 'hbar';
  const along = (horizontal ? el.box.h : el.box.w) * 0.8;
  const slot = along / Math.max(1, categories);
  const maxBar = ns.style.widthPx / 8 / 96;
  const bar = Math.min((slot * BAR_SHARE) / barsPerSlot, maxBar);
  return Math.round(Math.max(10, Math.min(500, ((slot - bar * barsPerSlot) / bar) * 100)));
}

function lineOptions(spec: ChartSpec): ChartOpts {
  return {
    lineSize: 2.25,
    lineDataSymbol: spec.labels.length <= MAX_DOTS ? 'circle' : 'none',
    lineDataSymbolSize: 6,
    lineDataSymbolLineSize: 0.75,
  };
}

/** The units line under a heading, for chart-parts to add to the title (pptxgenjs writes one paragraph). */
function recordUnits(c: NativeContext<ChartKind>): void {
  const units = unitLine(c.spec);
  if (units.length === 0 || !c.spec.title?.trim()) return;
  c.edits.unitsLine = units.map((u) => u.text).join(' · ');
}

// ---------------------------------------------------------------------------------------------------
// Kinds

function addCartesian(c: NativeContext<'bar' | 'hbar' | 'stacked-bar' | 'line' | 'area'>, type: ChartName): void {
  const { spec, ns, el } = c;
  const bars = spec.kind === 'bar' || spec.kind === 'hbar' || spec.kind === 'stacked-bar';
  const horizontal = spec.kind === 'hbar';
  const stacked = spec.kind === 'stacked-bar' || spec.kind === 'area';
  const colors = colorsOf(ns, spec.series.map((_, i) => i));
  const scale = axisScales(spec).left;
  const o: ChartOpts = {
    chartColors: colors,
    ...categoryAxisOptions(ns),
    ...valueAxisOptions(ns, spec, scale, true),
  };
  recordUnits(c);
  // Stacked labels sit on the segments (a colour that reads on all of them); others just past the bar's end.
  const onFill = hex(labelColorOn(colors.map((x) => `#${x}`), ns.style.light, ns.style.dark));
  const labelColor = stacked ? onFill : ns.text;
  // pptxgenjs writes one label format for a whole chart group: the first series' (the others are per-point edits).
  spec.series.forEach((s, i) => {
    const opts = seriesLabels(c, s, i, labelColor);
    if (i === 0) Object.assign(o, opts);
    const edit = seriesEdit(c.edits, i);
    if (i > 0 && opts.dataLabelFormatCode !== o.dataLabelFormatCode) edit.seriesFormat = opts.dataLabelFormatCode as string;
    recordHighlight(c, i, colors[i]!, bars ? 'fill' : 'marker');
  });
  if (bars) {
    Object.assign(o, {
      barDir: horizontal ? 'bar' : 'col',
      barGrouping: stacked ? 'stacked' : 'clustered',
      barGapWidthPct: barGap(el, ns, spec.labels.length, stacked ? 1 : spec.series.length),
    });
    // Bars of one category stand a little apart (the pictures' 92% bar share); stacked segments are parted by a background line.
    if (!stacked && spec.series.length > 1) o.barOverlapPct = -9;
    if (stacked) o.dataBorder = { pt: 0.75, color: hex(ns.style.background) };
    o.dataLabelPosition = stacked ? 'ctr' : 'outEnd';
    if (horizontal) {
      // First category on top, as in the pictures; the value axis then stays at the bottom.
      Object.assign(o, { catAxisOrientation: 'maxMin', catAxisCrossesAt: 'max', valAxisLabelPos: o.valAxisLabelPos ?? 'nextTo' });
    }
  } else if (spec.kind === 'line') {
    Object.assign(o, lineOptions(spec), { dataLabelPosition: 't' });
  } else {
    // Area: stacked bands with opaque fills (the legend's colours), parted by a background line.
    Object.assign(o, { barGrouping: 'stacked', dataBorder: { pt: 1, color: hex(ns.style.background) } });
  }
  c.slide.addChart(type, spec.series.map((s) => chartData(spec, s)), { ...c.base, ...o });
}

function addCircular(c: NativeContext<CircularKind>): void {
  const { spec, ns, el } = c;
  // One colour per slice, cycling through the palette (pptxgenjs picks a random one past the list's end);
  // with a highlight, the other slices muted.
  const colors = colorsOf(ns, spec.labels.map((_, i) => i)).map((x, i) => (spec.highlight.length > 0 && !spec.highlight.includes(i) ? muted(ns, x) : x));
  const percentUnit = isPercentUnit(spec.unit);
  const shareDigits = /\.(\d+)%/.exec(spec.shares.find((t) => /\d/.test(t)) ?? '')?.[1]?.length ?? 0;
  const o: ChartOpts = {
    chartColors: colors,
    // Slices parted by a line in the background colour, as in the pictures.
    dataBorder: { pt: 1.5, color: hex(ns.style.background) },
    dataNoEffects: true,
    showLeaderLines: true,
    dataLabelFontFace: ns.font,
    dataLabelFontSize: ns.dataLabelPt,
    dataLabelFontBold: true,
    // The share, as the pictures show it: PowerPoint computes it from the values (value ÷ total) and writes
    // it with the deck's share decimals; values that already are percentages are shown as they are.
    showPercent: spec.dataLabels && !percentUnit,
    showValue: spec.dataLabels && percentUnit,
    // Turned like the picture: neighbouring small slices point to the side, where their labels have room.
    firstSliceAng: pieRotation(spec.series[0]?.values ?? []),
    dataLabelFormatCode: percentUnit ? formatFor(spec.series[0]?.values[0] ?? 0, spec.series[0]?.texts[0] ?? '') + '"%"' : `0${shareDigits > 0 ? `.${'0'.repeat(shareDigits)}` : ''}%`,
  };
  if (spec.kind === 'pie') {
    // Name and share beside each slice, in the text colour, joined by leader lines: no legend needed.
    // One line each ("Electronics 43.2%"): LibreOffice sets a label's lines closer than their glyphs' height.
    Object.assign(o, { showLabel: spec.dataLabels, dataLabelColor: ns.text, dataLabelPosition: 'outEnd' });
    c.edits.labelSeparator = ' ';
  } else {
    // Doughnut labels can only sit on the ring (the format has no other place): the share, in a colour
    // that reads on every slice; the legend names the slices; the hole holds the headline (a text box).
    o.holeSize = Math.round(DOUGHNUT_HOLE * 100);
    Object.assign(o, { showLabel: false, dataLabelColor: hex(labelColorOn(colors.map((x) => `#${x}`), ns.style.light, ns.style.dark)) });
    // A square plot area in the middle of the chart: the hole's place is then known, for the headline.
    const side = Math.min(el.box.w * 0.62, el.box.h * 0.9);
    // Left of the middle, making room for the legend on the right.
    const plot = { w: side / el.box.w, h: side / el.box.h, x: Math.max(0.02, (1 - side / el.box.w) / 2 - 0.12), y: (1 - side / el.box.h) / 2 };
    o.layout = plot;
    addHole(c, { x: el.box.x + plot.x * el.box.w + side / 2, y: el.box.y + plot.y * el.box.h + side / 2 }, (side / 2) * DOUGHNUT_HOLE);
  }
  // PowerPoint and LibreOffice put each label by its slice and do not move it out of another's way: a
  // slice whose arc is shorter than a label and a half goes unlabelled once several of them would
  // crowd, rather than overlap (the alt text gives every share; the pictures stack labels instead).
  if (spec.dataLabels) {
    const values = spec.series[0]?.values ?? [];
    const total = values.reduce((sum, v) => sum + (v > 0 ? v : 0), 0);
    const circumference = Math.PI * Math.min(el.box.w, el.box.h) * 0.8 * 72;
    const minShare = (ns.dataLabelPt * 1.3 * 1.5) / circumference;
    const thin = values.map((v, i) => ({ v, i })).filter(({ v }) => total > 0 && v / total < minShare);
    // A few thin slices that the pie turns to one side (pieRotation) have room there, stacked down it.
    const room = pieRotation(values) !== 0 ? 4 : 1;
    const drop = thin.length > room ? thin.map(({ i }) => i) : [];
    if (drop.length) {
      const edit = seriesEdit(c.edits, 0);
      edit.noLabel = [...new Set([...(edit.noLabel ?? []), ...drop])].sort((a, b) => a - b);
    }
  }
  c.slide.addChart(c.pptx.ChartType[spec.kind], [chartData(spec, spec.series[0])], { ...c.base, ...o });
}

/** The doughnut's headline in its hole: the headline slice's share, large, and its name (a text box over the chart). */
function addHole(c: NativeContext<CircularKind>, centre: { x: number; y: number }, radius: number): void {
  const { spec, ns } = c;
  if (!spec.dataLabels) return;
  const i = headlineSlice(spec);
  if (i === undefined) return;
  seriesEdit(c.edits, 0).noLabel = [i];
  const figure = spec.shares[i] ?? '';
  const name = spec.labels[i] ?? '';
  const color = readableOn(paletteColor(ns.style, i), ns.style.background, ns.style.text);
  const w = radius * 2 * 0.86;
  const figurePt = Math.min(ns.dataLabelPt * 2.4, ((w * 72) / Math.max(1, estimateTextPx(figure, 1) / 96)) * 0.9);
  c.slide.addText(
    [
      { text: figure, options: { fontSize: Math.round(figurePt), bold: true, color: hex(color), breakLine: true } },
      // Space above the name, so that the large figure's descenders do not meet it.
      { text: name, options: { fontSize: ns.legendPt, color: ns.text, paraSpaceBefore: 6 } },
    ],
    { x: centre.x - w / 2, y: centre.y - radius * 0.7, w, h: radius * 1.4, align: 'center', valign: 'middle', fontFace: ns.font, margin: 0, fit: 'none' },
  );
}

function addCombo(c: NativeContext<'combo'>): void {
  const { spec, el, ns, base } = c;
  const hasRight = spec.series.some((s) => s.axis === 'right');
  const scales = axisScales(spec);
  const indexed = spec.series.map((s, i) => ({ s, i }));
  const barSeries = indexed.filter(({ s }) => s.type !== 'line');
  const groups: MultiChart[] = [];
  const axisColor = (axis: 'left' | 'right'): string => {
    const members = indexed.filter(({ s }) => s.axis === axis);
    return members.length === 1 ? hex(readableOn(paletteColor(ns.style, members[0]!.i), ns.style.background, ns.style.text)) : ns.text;
  };
  // Series are written bars first, then lines: the chart's series order, for the edits.
  let order = 0;

  // Bars first (drawn under the lines), one group per axis.
  for (const axis of ['left', 'right'] as const) {
    const members = barSeries.filter(({ s }) => s.axis === axis);
    if (members.length === 0) continue;
    const colors = colorsOf(ns, members.map(({ i }) => i));
    const labelColor = hex(labelColorOn(colors.map((x) => `#${x}`), ns.style.light, ns.style.dark));
    const labelOpts = members.map(({ s }, k) => {
      const opts = seriesLabels(c, s, order + k, labelColor);
      recordHighlight(c, order + k, colors[k]!, 'fill');
      return opts;
    });
    members.forEach((_, k) => {
      if (k > 0 && labelOpts[k]!.dataLabelFormatCode !== labelOpts[0]!.dataLabelFormatCode) seriesEdit(c.edits, order + k).seriesFormat = labelOpts[k]!.dataLabelFormatCode as string;
    });
    order += members.length;
    groups.push({
      type: c.pptx.ChartType.bar,
      data: members.map(({ s }) => chartData(spec, s)),
      options: {
        barDir: 'col',
        barGrouping: 'clustered',
        barGapWidthPct: barGap(el, ns, spec.labels.length, Math.max(1, barSeries.length)),
        chartColors: colors,
        // Inside the bar's end, like the pictures do when a line runs past the bar's top.
        ...labelOpts[0],
        dataLabelPosition: 'inEnd' as const,
        ...(axis === 'right' && hasRight ? { secondaryValAxis: true, secondaryCatAxis: true } : {}),
      },
    });
  }
  // One group per line: pptxgenjs colours a line's markers by the series' index over the whole chart but
  // its line by its index in the group; with one line per group both can be given the same colour.
  const before = groups.reduce((n, g) => n + g.data.length, 0);
  indexed
    .filter(({ s }) => s.type === 'line')
    .forEach(({ s, i }, k) => {
      const color = colorsOf(ns, [i])[0]!;
      const labels = seriesLabels(c, s, order, ns.text);
      recordHighlight(c, order, color, 'marker');
      order += 1;
      groups.push({
        type: c.pptx.ChartType.line,
        data: [chartData(spec, s)],
        options: {
          ...lineOptions(spec),
          lineDataSymbolSize: 7,
          lineDataSymbolLineColor: hex(ns.style.background),
          // pptxgenjs converts this size to EMU for the chart's own options only, not for a group's: give EMU.
          lineDataSymbolLineSize: Math.round(1.5 * EMU_PER_PT),
          chartColors: Array.from({ length: before + k + 1 }, () => color),
          ...labels,
          dataLabelPosition: 't' as const,
          ...(s.axis === 'right' && hasRight ? { secondaryValAxis: true, secondaryCatAxis: true } : {}),
        },
      });
    });

  const leftColor = axisColor('left');
  // Every value labelled: no axes; bars low and lines above them, as in the pictures.
  const hidden = labelledComboRanges(spec);
  const leftAxis = valueAxisOptions(ns, spec, scales.left, true, leftColor, hidden.left);
  const options: ChartOpts = { ...base, ...categoryAxisOptions(ns), ...leftAxis };
  if (hasRight && scales.right) {
    options.valAxes = [leftAxis, valueAxisOptions(ns, spec, scales.right, false, axisColor('right'), hidden.right)];
    options.catAxes = [categoryAxisOptions(ns), { catAxisHidden: true }];
  }
  recordUnits(c);
  c.slide.addChart(groups as unknown as Parameters<PptxSlide['addChart']>[0], options as unknown as unknown[], undefined);
}



// A chart written as an editable PowerPoint chart (`render: native`) with pptxgenjs `slide.addChart`, made to
// look like the picture charts of src/render: the same palette, text colour, gridlines, fonts and sizes
// (src/render/style.ts), legend rules, axis titles from unit/unit2, value axes from zero for bars and
// areas, and numbers formatted with the same decimals (src/render/format.ts). The schema faults and the
// random ids pptxgenjs writes into chart parts are repaired later, in chart-parts.ts (via finalize.ts).
import type { PlacedChart } from '../layout/placed.js';
import type { ChartSeries, ChartSpec, Theme } from '../model/types.js';
import { isPercentUnit } from '../render/kinds/circular.js';
import { chartDecimals, decimalsOfNumber } from '../render/format.js';
import { chartStyle, contrastRatio, paletteColor, type ChartStyle } from '../render/style.js';
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

  switch (spec.kind) {
    case 'pie':
    case 'doughnut':
      slide.addChart(pptx.ChartType[spec.kind], [chartData(spec, spec.series[0])], { ...base, ...circularOptions(spec, ns) });
      return;
    case 'combo':
      addCombo(slide, pptx, spec, el, ns, base);
      return;
    default:
      slide.addChart(cartesianType(pptx, spec), spec.series.map((s) => chartData(spec, s)), { ...base, ...cartesianOptions(spec, el, ns) });
  }
}

function cartesianType(pptx: Pptx, spec: ChartSpec): ChartName {
  return spec.kind === 'line' ? pptx.ChartType.line : spec.kind === 'area' ? pptx.ChartType.area : pptx.ChartType.bar;
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

function titleOptions(spec: ChartSpec, ns: NativeStyle): ChartOpts {
  let title = spec.title?.trim();
  // Pie and doughnut name a non-percentage unit under the title in the pictures; here it joins the title.
  const circular = spec.kind === 'pie' || spec.kind === 'doughnut';
  const unit = spec.unit?.trim();
  if (circular && unit && !isPercentUnit(unit)) title = title ? `${title} (${unit})` : unit;
  if (!title) return { showTitle: false };
  return {
    showTitle: true,
    title,
    titleFontFace: ns.font,
    titleFontSize: ns.titlePt,
    titleColor: ns.text,
    titleBold: Boolean(spec.title?.trim()),
    titleAlign: 'left',
  };
}

/** Legend like the pictures: pie and doughnut always (right when wide, else below); others with 2+ series, on top. */
function legendOptions(spec: ChartSpec, el: PlacedChart, ns: NativeStyle): ChartOpts {
  const circular = spec.kind === 'pie' || spec.kind === 'doughnut';
  const show = circular || spec.series.length > 1;
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

/** Excel number format with thousands separators and exactly `decimals` digits after the point. */
export function numberFormat(decimals: number, suffix = ''): string {
  const d = Math.max(0, Math.min(20, Math.round(decimals)));
  return `#,##0${d > 0 ? `.${'0'.repeat(d)}` : ''}${suffix ? `"${suffix.replace(/"/g, '')}"` : ''}`;
}

/**
 * Decimals for axis ticks: no more than the data's, and no more than a "nice" step over the data needs
 * (the pictures drop zeros the ticks do not need: 0, 0.5, 1 rather than 0.00, 0.50, 1.00).
 */
export function axisDecimals(values: number[], decimals: number, fromZero: boolean): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return 0;
  const hi = Math.max(...finite, fromZero ? 0 : -Infinity);
  const lo = Math.min(...finite, fromZero ? 0 : Infinity);
  const range = hi - lo || Math.abs(hi) || 1;
  const raw = range / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
  return Math.min(decimals, decimalsOfNumber(step, 6));
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

function valueAxisOptions(ns: NativeStyle, values: number[], decimals: number, fromZero: boolean, unit: string | undefined, grid: boolean): ChartOpts {
  const o: ChartOpts = {
    valAxisLabelFontFace: ns.font,
    valAxisLabelFontSize: ns.tickPt,
    valAxisLabelColor: ns.text,
    valAxisLabelFormatCode: numberFormat(axisDecimals(values, decimals, fromZero)),
    valAxisLineShow: false,
    valAxisMajorTickMark: 'none',
    valAxisMinorTickMark: 'none',
    valGridLine: grid ? { color: ns.grid, size: 0.75, style: 'solid' } : { style: 'none' },
  };
  if (fromZero && values.every((v) => !Number.isFinite(v) || v >= 0)) o.valAxisMinVal = 0;
  const u = unit?.trim();
  if (u) {
    Object.assign(o, {
      showValAxisTitle: true,
      valAxisTitle: u,
      valAxisTitleFontFace: ns.font,
      valAxisTitleFontSize: ns.axisTitlePt,
      valAxisTitleColor: ns.text,
    });
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

/** Data labels: shown when the outline asks; formatted either way, so that turning them on in PowerPoint looks right. */
function dataLabelOptions(spec: ChartSpec, ns: NativeStyle, decimals: number, color: string, suffix = ''): ChartOpts {
  return {
    showValue: spec.dataLabels,
    dataLabelFontFace: ns.font,
    dataLabelFontSize: ns.dataLabelPt,
    dataLabelFontBold: true,
    dataLabelColor: color,
    dataLabelFormatCode: numberFormat(decimals, suffix),
  };
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

// ---------------------------------------------------------------------------------------------------
// Kinds

function cartesianOptions(spec: ChartSpec, el: PlacedChart, ns: NativeStyle): ChartOpts {
  const bars = spec.kind === 'bar' || spec.kind === 'hbar' || spec.kind === 'stacked-bar';
  const horizontal = spec.kind === 'hbar';
  const stacked = spec.kind === 'stacked-bar';
  const decimals = chartDecimals(spec);
  const values = stacked ? stackTotals(spec) : spec.series.flatMap((s) => s.values);
  const colors = colorsOf(ns, spec.series.map((_, i) => i));
  const fromZero = bars || spec.kind === 'area';
  const o: ChartOpts = {
    chartColors: colors,
    ...categoryAxisOptions(ns),
    ...valueAxisOptions(ns, values, decimals, fromZero, spec.unit, true),
  };
  if (bars) {
    Object.assign(o, {
      barDir: horizontal ? 'bar' : 'col',
      barGrouping: stacked ? 'stacked' : 'clustered',
      barGapWidthPct: barGap(el, ns, spec.labels.length, stacked ? 1 : spec.series.length),
    });
    // Bars of one category stand a little apart (the pictures' 92% bar share); stacked segments are parted by a background line.
    if (!stacked && spec.series.length > 1) o.barOverlapPct = -9;
    if (stacked) o.dataBorder = { pt: 0.75, color: hex(ns.style.background) };
    // Stacked labels sit on the segments (a colour that reads on all of them); others just past the bar's end.
    const labelColor = stacked ? hex(labelColorOn(colors.map((c) => `#${c}`), ns.style.light, ns.style.dark)) : ns.text;
    Object.assign(o, dataLabelOptions(spec, ns, decimals, labelColor), spec.dataLabels ? { dataLabelPosition: stacked ? 'ctr' : 'outEnd' } : {});
    if (horizontal) {
      // First category on top, as in the pictures; the value axis then stays at the bottom.
      Object.assign(o, { catAxisOrientation: 'maxMin', catAxisCrossesAt: 'max', valAxisLabelPos: 'nextTo' });
    }
    return o;
  }
  if (spec.kind === 'line') {
    Object.assign(o, lineOptions(spec), dataLabelOptions(spec, ns, decimals, ns.text), spec.dataLabels ? { dataLabelPosition: 't' } : {});
    return o;
  }
  // Area: translucent fills over the gridlines (lighter when several series overlap), outlined when alone.
  Object.assign(o, dataLabelOptions(spec, ns, decimals, ns.text), { chartColorsOpacity: spec.series.length > 1 ? 40 : 30 });
  if (spec.series.length === 1 && colors[0]) o.dataBorder = { pt: 2.25, color: colors[0] };
  return o;
}

function lineOptions(spec: ChartSpec): ChartOpts {
  return {
    lineSize: 2.25,
    lineDataSymbol: spec.labels.length <= MAX_DOTS ? 'circle' : 'none',
    lineDataSymbolSize: 6,
    lineDataSymbolLineSize: 0.75,
  };
}

/** Per category, the sum of positive and of negative stacked values: what a stacked value axis must reach. */
function stackTotals(spec: ChartSpec): number[] {
  const out: number[] = [];
  spec.labels.forEach((_, i) => {
    let pos = 0;
    let neg = 0;
    for (const s of spec.series) {
      const v = s.values[i];
      if (v === undefined || !Number.isFinite(v)) continue;
      if (v >= 0) pos += v;
      else neg += v;
    }
    out.push(pos, neg);
  });
  return out;
}

function circularOptions(spec: ChartSpec, ns: NativeStyle): ChartOpts {
  // One colour per slice, cycling through the palette (pptxgenjs picks a random one past the list's end).
  const colors = colorsOf(ns, spec.labels.map((_, i) => i));
  const decimals = chartDecimals(spec);
  const percentUnit = isPercentUnit(spec.unit);
  const o: ChartOpts = {
    chartColors: colors,
    // Slices parted by a line in the background colour, as in the pictures.
    dataBorder: { pt: 1.5, color: hex(ns.style.background) },
    dataNoEffects: true,
    showLabel: false,
    showPercent: false,
    showValue: false,
    showLeaderLines: false,
  };
  if (spec.kind === 'doughnut') o.holeSize = 45;
  // The value only: the pictures add the share on a second line, but a label has one number format, which
  // would then apply to the share too (LibreOffice shows 43% as "0").
  if (spec.kind === 'pie') {
    // Outside the rim, in the text colour: readable whatever the slice colour.
    Object.assign(o, dataLabelOptions(spec, ns, decimals, ns.text, percentUnit ? '%' : ''), { dataLabelPosition: 'outEnd' });
  } else {
    // Doughnut labels sit on the ring (the format allows no other place): a colour that reads on every slice.
    const color = hex(labelColorOn(colors.map((c) => `#${c}`), ns.style.light, ns.style.dark));
    Object.assign(o, dataLabelOptions(spec, ns, decimals, color, percentUnit ? '%' : ''));
  }
  return o;
}

function addCombo(slide: PptxSlide, pptx: Pptx, spec: ChartSpec, el: PlacedChart, ns: NativeStyle, base: ChartOpts): void {
  const hasRight = spec.series.some((s) => s.axis === 'right');
  const leftDecimals = chartDecimals(spec, 'left');
  const rightDecimals = chartDecimals(spec, 'right');
  const indexed = spec.series.map((s, i) => ({ s, i }));
  const barSeries = indexed.filter(({ s }) => s.type !== 'line');
  const groups: MultiChart[] = [];

  // Bars first (drawn under the lines), one group per axis.
  for (const axis of ['left', 'right'] as const) {
    const members = barSeries.filter(({ s }) => s.axis === axis);
    if (members.length === 0) continue;
    const decimals = axis === 'left' ? leftDecimals : rightDecimals;
    groups.push({
      type: pptx.ChartType.bar,
      data: members.map(({ s }) => chartData(spec, s)),
      options: {
        barDir: 'col',
        barGrouping: 'clustered',
        barGapWidthPct: barGap(el, ns, spec.labels.length, Math.max(1, barSeries.length)),
        chartColors: colorsOf(ns, members.map(({ i }) => i)),
        // Inside the bar's end, like the pictures do when a line runs past the bar's top.
        ...dataLabelOptions(spec, ns, decimals, hex(labelColorOn(colorsOf(ns, members.map(({ i }) => i)).map((c) => `#${c}`), ns.style.light, ns.style.dark))),
        ...(spec.dataLabels ? { dataLabelPosition: 'inEnd' as const } : {}),
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
      const decimals = s.axis === 'right' ? rightDecimals : leftDecimals;
      const color = colorsOf(ns, [i])[0]!;
      groups.push({
        type: pptx.ChartType.line,
        data: [chartData(spec, s)],
        options: {
          ...lineOptions(spec),
          lineDataSymbolSize: 7,
          lineDataSymbolLineColor: hex(ns.style.background),
          // pptxgenjs converts this size to EMU for the chart's own options only, not for a group's: give EMU.
          lineDataSymbolLineSize: Math.round(1.5 * EMU_PER_PT),
          chartColors: Array.from({ length: before + k + 1 }, () => color),
          ...dataLabelOptions(spec, ns, decimals, ns.text),
          ...(spec.dataLabels ? { dataLabelPosition: 't' as const } : {}),
          ...(s.axis === 'right' && hasRight ? { secondaryValAxis: true, secondaryCatAxis: true } : {}),
        },
      });
    });

  const left = spec.series.filter((s) => s.axis === 'left').flatMap((s) => s.values);
  const right = spec.series.filter((s) => s.axis === 'right').flatMap((s) => s.values);
  const leftAxis = valueAxisOptions(ns, left, leftDecimals, true, spec.unit, true);
  const options: ChartOpts = { ...base, ...categoryAxisOptions(ns), ...leftAxis };
  if (hasRight) {
    options.valAxes = [leftAxis, valueAxisOptions(ns, right, rightDecimals, true, spec.unit2, false)];
    options.catAxes = [categoryAxisOptions(ns), { catAxisHidden: true }];
  }
  slide.addChart(groups as unknown as Parameters<PptxSlide['addChart']>[0], options as unknown as unknown[], undefined);
}

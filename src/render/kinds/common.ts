// Pieces shared by the chart kinds: base options, axes, legend, title, data-label settings.
// Everything here is plain data (plus a tick-formatting callback), derived from spec, theme and size.
import type { Chart, ChartConfiguration, ChartOptions, ChartType, LegendItem, Plugin, ScaleOptions } from 'chart.js';
import type { AxisScale } from '../../model/chart-scale.js';
import { formatNumber } from '../../model/format.js';
import { isCircular } from '../../model/chart-spec.js';
import type { ChartKind, ChartSeries, ChartSpec, Theme } from '../../model/types.js';
import { backgroundPlugin, dataLabelsPlugin, type DataLabelsPluginOptions } from '../plugins.js';
import { unitsPlugin, type UnitLabel, type UnitsPluginOptions } from '../units.js';
import {
  DEVICE_PIXEL_RATIO,
  mix,
  estimateTextPx,
  MIN_TEXT_PT,
  paletteColor,
  ptToPx,
  wrapLabel,
  type ChartStyle,
  type PlacedSize,
} from '../style.js';

/** Everything a kind builder needs; `spec.kind` is the builder's own kind. */
export interface BuildContext<K extends ChartKind = ChartKind> {
  spec: ChartSpec & { kind: K };
  theme: Theme;
  size: PlacedSize;
  style: ChartStyle;
}

/** Builds the chart.js configuration of one chart kind. */
export type KindBuilder<K extends ChartKind = ChartKind> = (b: BuildContext<K>) => ChartConfiguration;

/** Padding around the plot, CSS px. */
export const PADDING = { top: 8, right: 16, bottom: 8, left: 8 };

/** Data values for chart.js: anything not finite becomes a gap. */
export function dataOf(series: ChartSeries, count: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < count; i++) {
    const v = series.values[i];
    out.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
  }
  return out;
}

export function fontOf(style: ChartStyle, size: number, bold = false): { family: string; size: number; weight: 'bold' | 'normal'; lineHeight: number } {
  return { family: style.family, size, weight: bold ? 'bold' : 'normal', lineHeight: 1.2 };
}

/** Formats axis ticks with the decimals of the axis step, through the one number formatter. */
export function tickFormatter(decimals: number): (value: number | string) => string {
  return (value) => formatNumber(typeof value === 'number' ? value : Number(value), decimals);
}

/**
 * Label settings for the data-label plugin: the texts come from the model (one formatter for every
 * rendering). With data labels off, a highlighted bar or point still gets its label.
 */
export function dataLabelOptions(b: BuildContext, extra: Partial<DataLabelsPluginOptions> = {}): DataLabelsPluginOptions {
  const { style, spec } = b;
  return {
    display: spec.dataLabels || spec.highlight.length > 0,
    only: spec.dataLabels ? [] : [...spec.highlight],
    family: style.family,
    size: style.dataLabelPx,
    minSize: ptToPx(MIN_TEXT_PT),
    smallSize: style.subtitlePx,
    weight: 'bold',
    color: style.text,
    light: style.light,
    dark: style.dark,
    halo: style.background,
    leader: style.grid,
    texts: spec.series.map((s) => [...s.texts]),
    stacked: false,
    ...extra,
  };
}

/** Whether the value axes are drawn: not when every value is written on the chart. */
export function showValueAxis(spec: ChartSpec): boolean {
  return !spec.dataLabels;
}

/** Colours of one series per label: full for highlighted labels (or all when none is), muted otherwise. */
export function pointColors(b: BuildContext, color: string): string | string[] {
  const { spec, style } = b;
  if (spec.highlight.length === 0) return color;
  const muted = mutedColor(style, color);
  return spec.labels.map((_, i) => (spec.highlight.includes(i) ? color : muted));
}

/** A series colour pushed most of the way to the background: there, but not competing with the highlight. */
export function mutedColor(style: ChartStyle, color: string): string {
  return mix(color, style.background, 0.62);
}

/** The unit labels above the plot, left and right (combo), each coloured like its axis. */
export function unitsOptions(b: BuildContext, left: UnitLabel | undefined, right?: UnitLabel): UnitsPluginOptions {
  const { style } = b;
  const gapBelow = showValueAxis(b.spec) && b.spec.kind !== 'hbar' ? style.tickPx * 0.6 + 8 : 8;
  return { family: style.family, size: style.axisTitlePx, left, right, alignToPlot: b.spec.kind === 'hbar', gapBelow };
}

export interface BaseOptionsInput {
  legend: boolean;
  legendPosition?: 'top' | 'bottom' | 'right';
  usePointStyle?: boolean;
  /** Legend in series order even when drawing order differs (combo: lines drawn over bars). */
  legendInSeriesOrder?: boolean;
  subtitle?: string;
  padding?: { top: number; right: number; bottom: number; left: number };
  dataLabels: DataLabelsPluginOptions;
  units?: UnitsPluginOptions;
}

/** Options every kind shares: static rendering, fonts and colours, title, legend, plugins. */
export function baseOptions<T extends ChartType>(b: BuildContext, input: BaseOptionsInput): ChartOptions<T> {
  const { style, spec } = b;
  const title = spec.title?.trim();
  const options = {
    animation: false,
    responsive: false,
    maintainAspectRatio: false,
    devicePixelRatio: DEVICE_PIXEL_RATIO,
    events: [],
    color: style.text,
    font: fontOf(style, style.tickPx),
    layout: { padding: input.padding ?? PADDING },
    plugins: {
      title: {
        display: Boolean(title),
        text: title ? wrapLabel(title, style.widthPx - 40, style.titlePx, 2) : '',
        align: 'start',
        color: style.text,
        font: fontOf(style, style.titlePx, true),
        padding: { top: 4, bottom: input.subtitle ? 2 : 6 },
      },
      subtitle: {
        display: Boolean(input.subtitle),
        text: input.subtitle ?? '',
        align: 'start',
        color: style.text,
        font: fontOf(style, style.subtitlePx),
        padding: { top: 0, bottom: 10 },
      },
      legend: {
        display: input.legend,
        position: input.legendPosition ?? 'top',
        align: 'center',
        labels: {
          color: style.text,
          font: fontOf(style, style.legendPx),
          boxWidth: Math.round(style.legendPx * 1.1),
          // Point-style keys (dots) are drawn √2 larger than boxes: keep them about the size of a letter.
          boxHeight: Math.round(style.legendPx * (input.usePointStyle ? 0.62 : 0.8)),
          padding: Math.round(style.legendPx * 0.6),
          usePointStyle: input.usePointStyle ?? false,
          ...(input.legendInSeriesOrder
            ? { sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) }
            : {}),
          // A highlight mutes some bars: the legend keys keep each series' own colour.
          ...(spec.highlight.length > 0 && !isCircular(spec.kind) ? { generateLabels: seriesColoredLabels } : {}),
        },
      },
      tooltip: { enabled: false },
      colors: { enabled: false },
      bdBackground: { color: style.background },
      bdDataLabels: input.dataLabels,
      bdUnits: input.units ?? { family: style.family, size: style.axisTitlePx, alignToPlot: false },
    },
  };
  return options as unknown as ChartOptions<T>;
}

/** Legend items as chart.js makes them, each keyed in its series' colour (`bdColor` on the dataset). */
function seriesColoredLabels(chart: Chart): LegendItem[] {
  const defaults = (chart.constructor as unknown as { defaults: { plugins: { legend: { labels: { generateLabels(c: Chart): LegendItem[] } } } } }).defaults;
  return defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
    const color = (chart.data.datasets[item.datasetIndex ?? -1] as { bdColor?: string } | undefined)?.bdColor;
    return color ? { ...item, fillStyle: color, strokeStyle: color } : item;
  });
}

/** The inline plugins: background and units always, data labels when labels are on or a label is highlighted. */
export function pluginsFor<T extends ChartType>(spec: ChartSpec): Plugin<T>[] {
  const list: Plugin<ChartType, never>[] = [backgroundPlugin as Plugin<ChartType, never>, unitsPlugin as Plugin<ChartType, never>];
  if (spec.dataLabels || spec.highlight.length > 0) list.push(dataLabelsPlugin as Plugin<ChartType, never>);
  return list as unknown as Plugin<T>[];
}

export interface ValueAxisInput {
  position: 'left' | 'right' | 'bottom';
  /** The nice scale both renderings use (model/chart-scale.ts). */
  scale: AxisScale;
  /** Drawn (ticks and gridlines), or hidden because every value is written on the chart. */
  display: boolean;
  stacked?: boolean;
  /** Draw grid lines across the plot (false for a second axis: its ticks sit on the first axis's lines). */
  grid: boolean;
  /** Hidden axes: room to leave past the largest value for labels, as a fraction of the plot. */
  headroom: number;
  /** Emphasise the zero grid line (data has negative values). */
  zeroLine?: boolean;
  /** Tick label colour (combo: the colour of the axis's series). */
  color?: string;
  /** Hidden, but with the scale's min and max as given (combo charts place bars and lines apart). */
  pinned?: boolean;
  /** The data's lowest and highest value: a hidden axis spans just these, plus room for the labels. */
  range?: [number, number];
}

/**
 * A hidden axis: from the nice scale's start when the data start there (bars from zero), else from the
 * data, to just past the data by the labels' headroom; no rounding to ticks nobody sees.
 */
function hiddenRange(range: [number, number], scale: AxisScale, headroom: number): { min: number; max: number } {
  const h = Math.min(Math.max(headroom, 0), 0.5);
  const lo = scale.min <= range[0] ? scale.min : range[0];
  const hi = Math.max(range[1], lo);
  const span = hi - lo || Math.abs(hi) || 1;
  const pad = (span * h) / (1 - h);
  return { min: lo < 0 ? lo - pad : lo, max: hi + pad };
}

export function valueAxis(b: BuildContext, a: ValueAxisInput): ScaleOptions<'linear'> {
  const { style } = b;
  const fixed = a.display || a.pinned || !a.range ? { min: a.scale.min, max: a.scale.max } : hiddenRange(a.range, a.scale, a.headroom);
  return {
    type: 'linear',
    position: a.position,
    display: a.display,
    stacked: a.stacked ?? false,
    ...fixed,
    grid: {
      display: a.grid,
      drawOnChartArea: a.grid,
      // With negative values the zero line is the reference: draw it in the text colour.
      color: a.zeroLine ? (ctx: { tick?: { value: number } }) => (ctx.tick?.value === 0 ? style.zeroLine : style.grid) : style.grid,
      lineWidth: 1,
      drawTicks: false,
    },
    border: { display: false },
    ticks: {
      color: a.color ?? style.text,
      font: fontOf(style, style.tickPx),
      padding: 8,
      stepSize: a.scale.step,
      precision: a.scale.decimals,
      autoSkip: false,
      callback: tickFormatter(a.scale.decimals),
    },
    // The unit is written once, horizontally above the plot (units.ts), never as a rotated axis title.
    title: { display: false },
  } as ScaleOptions<'linear'>;
}

export interface CategoryAxisInput {
  position: 'bottom' | 'left';
  stacked?: boolean;
  /** Let chart.js leave out labels when they crowd (lines over many periods); bars show every label. */
  autoSkip: boolean;
  /** Rotation allowed when wrapping cannot make labels fit. */
  maxRotation: number;
}

export function categoryAxis(b: BuildContext, a: CategoryAxisInput): ScaleOptions<'category'> {
  const { style } = b;
  return {
    type: 'category',
    position: a.position,
    stacked: a.stacked ?? false,
    grid: { display: false, drawTicks: false },
    border: { display: true, color: style.grid, width: 1 },
    ticks: {
      color: style.text,
      font: fontOf(style, style.tickPx),
      padding: 8,
      autoSkip: a.autoSkip,
      autoSkipPadding: 6,
      maxRotation: a.maxRotation,
      minRotation: 0,
    },
  } as ScaleOptions<'category'>;
}

/** Rough width of a value axis: its widest tick label and padding; nothing when the axis is hidden. */
function valueAxisWidth(b: BuildContext, scale: AxisScale | undefined): number {
  const { spec, style } = b;
  if (!scale || !showValueAxis(spec)) return 0;
  const ticks = [scale.min, scale.max].map((v) => formatNumber(v, scale.decimals));
  return Math.max(...ticks.map((t) => estimateTextPx(t, style.tickPx))) + 8;
}

/** Height of the row of unit labels above the plot. */
export function unitsRowPx(b: BuildContext, hasUnit: boolean): number {
  return hasUnit ? b.style.axisTitlePx * 1.2 + (showValueAxis(b.spec) && b.spec.kind !== 'hbar' ? b.style.tickPx * 0.6 + 8 : 8) : 0;
}

/** Approximate plot size (CSS px) once axes, legend, title and units have taken their room. */
export function plotSize(
  b: BuildContext,
  o: { legendRows: number; horizontal: boolean; left?: AxisScale; right?: AxisScale; units: boolean },
): { width: number; height: number } {
  const { style, spec } = b;
  const titleH = spec.title ? style.titlePx * 1.2 + 16 : 0;
  const legendH = o.legendRows * (style.legendPx * 1.2 + style.legendPx * 0.6);
  const axesW = o.horizontal ? 0 : valueAxisWidth(b, o.left) + valueAxisWidth(b, o.right);
  const catTickH = style.tickPx * 1.2 + 10;
  const valueTickH = o.horizontal ? (showValueAxis(spec) ? style.tickPx * 1.2 + 10 : 0) : catTickH;
  const width = style.widthPx - PADDING.left - PADDING.right - axesW;
  const height = style.heightPx - PADDING.top - PADDING.bottom - titleH - legendH - valueTickH - unitsRowPx(b, o.units);
  return { width: Math.max(width, 40), height: Math.max(height, 40) };
}

/**
 * Category labels for an axis: wrapped to the room each category has (vertical bars: its column;
 * horizontal bars: up to a third of the width), never cut.
 */
export function categoryLabels(b: BuildContext, horizontal: boolean, plot: { width: number; height: number }): { labels: (string | string[])[]; maxRotation: number } {
  const { spec, style } = b;
  const n = Math.max(1, spec.labels.length);
  if (horizontal) {
    const maxPx = Math.max(style.widthPx * 0.3, style.tickPx * 6);
    const perRow = plot.height / n;
    const maxLines = Math.max(1, Math.min(3, Math.floor(perRow / (style.tickPx * 1.2))));
    return { labels: spec.labels.map((l) => wrapLabel(l, maxPx, style.tickPx, maxLines)), maxRotation: 0 };
  }
  const slot = plot.width / n - style.tickPx * 0.4;
  const longestWord = Math.max(
    0,
    ...spec.labels.flatMap((l) => l.split(/\s+/)).map((w) => estimateTextPx(w, style.tickPx)),
  );
  if (longestWord > slot) {
    // Too many categories for horizontal text: keep labels whole and let chart.js rotate them.
    return { labels: [...spec.labels], maxRotation: 90 };
  }
  return { labels: spec.labels.map((l) => wrapLabel(l, slot, style.tickPx, 3)), maxRotation: 0 };
}

/** Rows the legend takes at the top (rough). */
export function legendRows(b: BuildContext, names: string[]): number {
  const { style } = b;
  const widths = names.map((n) => estimateTextPx(n, style.legendPx) + style.legendPx * 2.2);
  let rows = 1;
  let x = 0;
  for (const w of widths) {
    if (x + w > style.widthPx - 40 && x > 0) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** Fraction of the plot to keep free beyond the largest value so its label is not cut off. */
export function labelHeadroom(b: BuildContext, horizontal: boolean, plot: { width: number; height: number }): number {
  const { spec, style } = b;
  if (!spec.dataLabels && spec.highlight.length === 0) return 0;
  if (!horizontal) return Math.min(0.4, (style.dataLabelPx * 1.6) / plot.height);
  const widest = Math.max(0, ...spec.series.flatMap((s) => s.texts).map((t) => estimateTextPx(t, style.dataLabelPx)));
  return Math.min(0.5, (widest + 16) / plot.width);
}

export { paletteColor };

/** True when any value of the given series is below zero. */
export function hasNegative(spec: ChartSpec, axis?: 'left' | 'right'): boolean {
  return spec.series.some((s) => (axis === undefined || s.axis === axis) && s.values.some((v) => v < 0));
}


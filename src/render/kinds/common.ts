// Pieces shared by the chart kinds: base options, axes, legend, title, data-label settings.
// Everything here is plain data (plus a tick-formatting callback), derived from spec, theme and size.
import type { ChartConfiguration, ChartOptions, ChartType, Plugin, ScaleOptions, Tick } from 'chart.js';
import type { ChartSeries, ChartSpec, Theme } from '../../model/types.js';
import { chartDecimals, decimalsOf, formatNumber } from '../format.js';
import { backgroundPlugin, dataLabelsPlugin, type DataLabelsPluginOptions } from '../plugins.js';
import {
  DEVICE_PIXEL_RATIO,
  estimateTextPx,
  MIN_TEXT_PT,
  paletteColor,
  ptToPx,
  wrapLabel,
  type ChartStyle,
  type PlacedSize,
} from '../style.js';

/** Everything a kind builder needs. */
export interface BuildContext {
  spec: ChartSpec;
  theme: Theme;
  size: PlacedSize;
  style: ChartStyle;
}

/** Builds the chart.js configuration of one chart kind. */
export type KindBuilder = (b: BuildContext) => ChartConfiguration;

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

/** Formats axis ticks like data labels, with no more decimals than the tick steps need. */
export function tickFormatter(maxDecimals: number): (value: number | string, index: number, ticks: Tick[]) => string {
  return (value, _index, ticks) => {
    const n = typeof value === 'number' ? value : Number(value);
    const d = Math.min(maxDecimals, decimalsOf(ticks.map((t) => t.value), Math.max(maxDecimals, 0)));
    return formatNumber(n, d);
  };
}

/** Label settings for the data-label plugin. */
export function dataLabelOptions(b: BuildContext, decimals: number[], extra: Partial<DataLabelsPluginOptions> = {}): DataLabelsPluginOptions {
  const { style } = b;
  return {
    display: b.spec.dataLabels,
    family: style.family,
    size: style.dataLabelPx,
    minSize: ptToPx(MIN_TEXT_PT),
    smallSize: style.subtitlePx,
    weight: 'bold',
    color: style.text,
    light: style.light,
    dark: style.dark,
    halo: style.background,
    decimals,
    stacked: false,
    percent: false,
    suffix: '',
    ...extra,
  };
}

/** Per-dataset decimals: the outline's, else what the series' axis needs (so a % line keeps its digits). */
export function decimalsPerSeries(spec: ChartSpec, byAxis: boolean): number[] {
  return spec.series.map((s) => chartDecimals(spec, byAxis ? s.axis : undefined));
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
        },
      },
      tooltip: { enabled: false },
      colors: { enabled: false },
      bdBackground: { color: style.background },
      bdDataLabels: input.dataLabels,
    },
  };
  return options as unknown as ChartOptions<T>;
}

/** The inline plugins: background always, data labels iff the outline asks for them. */
export function pluginsFor<T extends ChartType>(spec: ChartSpec): Plugin<T>[] {
  const list: Plugin<ChartType, never>[] = [backgroundPlugin as Plugin<ChartType, never>];
  if (spec.dataLabels) list.push(dataLabelsPlugin as Plugin<ChartType, never>);
  return list as unknown as Plugin<T>[];
}

export interface ValueAxisInput {
  position: 'left' | 'right' | 'bottom';
  unit?: string;
  decimals: number;
  beginAtZero: boolean;
  stacked?: boolean;
  /** Draw grid lines across the plot (false for a second axis). */
  grid: boolean;
  /** Room to leave past the largest value for labels, as a fraction of the plot. */
  headroom: number;
  /** Emphasise the zero grid line (data has negative values). */
  zeroLine?: boolean;
  maxTicks?: number;
}

export function valueAxis(b: BuildContext, a: ValueAxisInput): ScaleOptions<'linear'> {
  const { style } = b;
  const unit = a.unit?.trim();
  return {
    type: 'linear',
    position: a.position,
    beginAtZero: a.beginAtZero,
    stacked: a.stacked ?? false,
    // chart.js adds grace × half the data range at each end (zero stays put when beginAtZero).
    grace: a.headroom > 0 ? `${Math.ceil((200 * a.headroom) / (1 - Math.min(a.headroom, 0.5)))}%` : 0,
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
      color: style.text,
      font: fontOf(style, style.tickPx),
      padding: 8,
      precision: a.decimals,
      maxTicksLimit: a.maxTicks ?? 8,
      callback: tickFormatter(a.decimals),
    },
    title: {
      display: Boolean(unit),
      text: unit ?? '',
      color: style.text,
      font: fontOf(style, style.axisTitlePx),
      padding: { top: 0, bottom: 6 },
    },
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

/** Rough width of a value axis: its widest tick label, padding, and the unit title when there is one. */
function valueAxisWidth(b: BuildContext, axis: 'left' | 'right'): number {
  const { spec, style } = b;
  const values = spec.series.filter((s) => (spec.kind === 'combo' ? s.axis === axis : true)).flatMap((s) => s.values);
  const finite = values.filter((v) => Number.isFinite(v));
  const extreme = finite.length ? Math.max(...finite.map((v) => Math.abs(v))) * 1.25 : 10;
  const neg = finite.some((v) => v < 0) ? '-' : '';
  const text = neg + formatNumber(extreme, chartDecimals(spec, spec.kind === 'combo' ? axis : undefined));
  const unit = axis === 'left' ? spec.unit : spec.unit2;
  return estimateTextPx(text, style.tickPx) + 8 + (unit?.trim() ? style.axisTitlePx * 1.2 + 6 : 0);
}

/** Approximate plot size (CSS px) once axes, legend and title have taken their room. */
export function plotSize(b: BuildContext, o: { legendRows: number; valueAxes: number; horizontal: boolean }): { width: number; height: number } {
  const { style, spec } = b;
  const titleH = spec.title ? style.titlePx * 1.2 + 16 : 0;
  const legendH = o.legendRows * (style.legendPx * 1.2 + style.legendPx * 0.6);
  const axesW = o.horizontal ? 0 : valueAxisWidth(b, 'left') + (o.valueAxes > 1 ? valueAxisWidth(b, 'right') : 0);
  const catTickH = style.tickPx * 1.2 + 10;
  const valueTickH = o.horizontal ? style.tickPx * 1.2 + 10 + (spec.unit?.trim() ? style.axisTitlePx * 1.2 + 6 : 0) : catTickH;
  const width = style.widthPx - PADDING.left - PADDING.right - axesW;
  const height = style.heightPx - PADDING.top - PADDING.bottom - titleH - legendH - valueTickH;
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
export function labelHeadroom(b: BuildContext, horizontal: boolean, plot: { width: number; height: number }, decimals: number): number {
  const { spec, style } = b;
  if (!spec.dataLabels) return 0;
  if (!horizontal) return Math.min(0.4, (style.dataLabelPx * 1.6) / plot.height);
  const widest = Math.max(
    0,
    ...spec.series.flatMap((s) => s.values).map((v) => estimateTextPx(formatNumber(v, decimals), style.dataLabelPx)),
  );
  return Math.min(0.5, (widest + 16) / plot.width);
}

export { paletteColor };

/** True when any value of the given series is below zero. */
export function hasNegative(spec: ChartSpec, axis?: 'left' | 'right'): boolean {
  return spec.series.some((s) => (axis === undefined || s.axis === axis) && s.values.some((v) => v < 0));
}

/** Ticks a horizontal value axis can hold without labels touching. */
export function horizontalTickLimit(b: BuildContext, plotWidth: number, decimals: number): number {
  const { spec, style } = b;
  const finite = spec.series.flatMap((s) => s.values).filter((v) => Number.isFinite(v));
  const widest = Math.max(
    estimateTextPx('0', style.tickPx),
    ...finite.map((v) => estimateTextPx(formatNumber(v * 1.25, decimals), style.tickPx)),
  );
  return Math.max(3, Math.min(8, Math.floor(plotWidth / (widest + style.tickPx * 1.5))));
}

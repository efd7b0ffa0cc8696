// The chart in the deck model: what to draw, with every number already as it reads (one formatter,
// model/format.ts), so that a chart picture, a native chart and the alt text cannot disagree.
import type { Span } from '../diagnostics.js';
import { decimalsIn, formatNumber, formatShare, MAX_DECIMALS } from './format.js';

export const CHART_KINDS = ['bar', 'hbar', 'stacked-bar', 'line', 'area', 'pie', 'doughnut', 'combo'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** The kinds that show one series as slices of a whole. */
export type CircularKind = Extract<ChartKind, 'pie' | 'doughnut'>;

export function isCircular(kind: ChartKind): kind is CircularKind {
  return kind === 'pie' || kind === 'doughnut';
}

/** Kinds whose series add up along the value axis (the axis must reach the stacked totals). */
export function isStacked(kind: ChartKind): boolean {
  return kind === 'stacked-bar' || kind === 'area';
}

/** Data labels are on by default where the numbers are the point (the share of each slice). */
export function dataLabelsByDefault(kind: ChartKind): boolean {
  return isCircular(kind);
}

export interface ChartSeries {
  name: string;
  values: number[];
  /** Each value as it reads on a label, in the alt text and in a native chart's labels: "15.2", "1,110". */
  texts: string[];
  /** Combo charts: which axis this series is measured on. */
  axis: 'left' | 'right';
  /** Combo charts: how this series is drawn. */
  type: 'bar' | 'line';
  /** True when any value came from a derived fact. */
  derived: boolean;
}

export interface ChartSpec {
  kind: ChartKind;
  /** Short heading drawn above the plot, optional. */
  title?: string;
  labels: string[];
  series: ChartSeries[];
  /** Unit of the (left) value axis, e.g. "trillion yuan". */
  unit?: string;
  /** Unit of the right axis (combo). */
  unit2?: string;
  dataLabels: boolean;
  /** Digits after the point of the numbers written in the chart and of axis ticks; from the data when absent. */
  decimals?: number;
  /** Indices of the labels the slide is about, drawn in full colour while the others are muted. */
  highlight: number[];
  /** Pie and doughnut: each slice's share of the whole as it reads ("92.3%"); empty for other kinds. */
  shares: string[];
  /** Line under the chart, e.g. what a number means. */
  caption?: string;
  /** A picture (default, looks the same everywhere) or an editable PowerPoint chart. */
  render: 'image' | 'native';
  span: Span;
}

/** Most digits after the point a chart shows for numbers written in it, unless they are smaller than that. */
export const MAX_AUTO_DECIMALS = 2;

/**
 * Digits after the point for a group of numbers written in a chart: what they need, at most 2, but
 * enough to show the first digit of a number that would otherwise read 0 (0.0000001 → 7).
 */
export function autoDecimals(values: readonly number[]): number {
  let d = 0;
  for (const v of values) d = Math.max(d, Math.min(MAX_AUTO_DECIMALS, decimalsIn(v)));
  for (const v of values) {
    const a = Math.abs(v);
    if (a > 0 && Number.isFinite(a) && a < 0.5 * 10 ** -d) d = Math.max(d, Math.min(MAX_DECIMALS, Math.ceil(-Math.log10(a))));
  }
  return d;
}

/** A unit that already means "share of the whole". */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^\s*(%|per ?cent|pct)\s*$/i.test(unit);
}

/** One value of a series as the outline gives it: a number, or a fact's number as the fact reads. */
export interface WrittenValue {
  value: number;
  /** The fact's number as it reads everywhere else (factNumber), when the value is a fact. */
  factText?: string;
}

/**
 * The texts of every value: a fact reads as the fact does; a number written in the chart has the chart's
 * `decimals`, or what the numbers of its axis need (combo charts: per axis).
 */
export function valueTexts(
  kind: ChartKind,
  series: readonly { values: readonly WrittenValue[]; axis: 'left' | 'right' }[],
  decimals: number | undefined,
): string[][] {
  const autoFor = (axis: 'left' | 'right'): number =>
    autoDecimals(series.filter((s) => kind !== 'combo' || s.axis === axis).flatMap((s) => s.values.filter((v) => v.factText === undefined).map((v) => v.value)));
  const auto = { left: autoFor('left'), right: autoFor('right') };
  return series.map((s) => s.values.map((v) => v.factText ?? formatNumber(v.value, decimals ?? auto[kind === 'combo' ? s.axis : 'left'])));
}

/**
 * Each slice's share as it reads: for values that are percentages (unit `%`), the value itself with `%`;
 * else the value over the total, with `shareDecimals` digits.
 */
export function shareTexts(values: readonly number[], texts: readonly string[], unit: string | undefined, shareDecimals: number): string[] {
  if (isPercentUnit(unit)) return texts.map((t) => `${t}%`);
  const total = values.reduce((s, v) => s + (Number.isFinite(v) && v > 0 ? v : 0), 0);
  return values.map((v) => (total > 0 && Number.isFinite(v) ? formatShare(Math.max(0, v) / total, shareDecimals) : ''));
}

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
 * Digits after the point for a group of numbers written in a chart: what they need, at most 2, but all
 * the digits of a number that would otherwise read 0 (0.0000012 → 7, not "0.00").
 */
export function autoDecimals(values: readonly number[]): number {
  let d = 0;
  for (const v of values) d = Math.max(d, Math.min(MAX_AUTO_DECIMALS, neededDecimals(v)));
  for (const v of values) {
    const a = Math.abs(v);
    if (a > 0 && Number.isFinite(a) && a < 0.5 * 10 ** -d) d = Math.max(d, Math.min(MAX_DECIMALS, Math.max(neededDecimals(a), Math.ceil(-Math.log10(a)))));
  }
  return d;
}

/** Digits after the point needed to show `n`, ignoring floating-point noise (0.1 + 0.2 needs 1). */
function neededDecimals(n: number): number {
  if (!Number.isFinite(n)) return 0;
  if (n === 0) return 0;
  for (let d = 0; d < MAX_DECIMALS; d++) {
    const scaled = n * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.abs(scaled)) return d;
  }
  return decimalsIn(n);
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

/** Share of a doughnut's radius that is hole (room for the headline figure), in the picture and the native chart alike. */
export const DOUGHNUT_HOLE = 0.58;

/** The slice a doughnut's hole is about: the first highlighted label, else the first slice. */
export function headlineSlice(spec: { highlight: number[]; series: { values: number[] }[] }): number | undefined {
  const values = spec.series[0]?.values ?? [];
  const first = spec.highlight[0] ?? 0;
  return (values[first] ?? 0) > 0 ? first : undefined;
}

/** A slice thinner than this share is "small": its label needs room beside the pie. */
const SMALL_SLICE = 0.1;

/**
 * Where a pie starts, in degrees clockwise from 12 o'clock (both renderings turn it the same way). 0,
 * the convention, unless two or more small slices sit side by side (together less than a third of the
 * pie): then the pie turns so that they
 * point to 9 or 3 o'clock, whichever is the smaller turn, where their labels stack down the side
 * instead of crowding the top.
 */
export function pieRotation(values: readonly number[]): number {
  const positive = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = positive.reduce((s, v) => s + v, 0);
  if (total <= 0) return 0;
  const small = positive.map((v) => v > 0 && v / total < SMALL_SLICE);
  const n = positive.length;
  if (small.every(Boolean)) return 0;
  // The longest run of neighbouring small slices, going round (the last slice neighbours the first).
  let best: { start: number; length: number } | undefined;
  for (let start = 0; start < n; start++) {
    if (!small[start] || small[(start - 1 + n) % n]) continue;
    let length = 0;
    while (length < n && small[(start + length) % n]) length++;
    if (!best || length > best.length) best = { start, length };
  }
  if (!best || best.length < 2) return 0;
  let before = 0;
  for (let i = 0; i < best.start; i++) before += positive[i]!;
  let run = 0;
  for (let k = 0; k < best.length; k++) run += positive[(best.start + k) % n]!;
  // A run over a third of the pie or more has no side to point to.
  if (run / total >= 1 / 3) return 0;
  const centre = ((before + run / 2) / total) * 360;
  const turns = [270 - centre, 90 - centre].map((t) => ((t % 360) + 540) % 360 - 180);
  const turn = Math.abs(turns[0]!) <= Math.abs(turns[1]!) ? turns[0]! : turns[1]!;
  return Math.round((turn + 360) % 360);
}

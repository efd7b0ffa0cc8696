// Value axes as both renderings draw them: a "nice" step (1, 2, 2.5, 4 or 5 times a power of ten) and a
// maximum just above the data (16 for 15.2, not 20), and for a combo chart the same number of steps on
// both axes, so that the right axis's ticks sit on the left axis's gridlines.
import { isStacked, type ChartSpec } from './chart-spec.js';
import { decimalsIn } from './format.js';

export interface AxisScale {
  min: number;
  max: number;
  step: number;
  /** Digits after the point that the tick labels need (those of the step). */
  decimals: number;
}

/** Nice step mantissas, each with a small penalty so that 1, 2 and 5 win ties. */
const MANTISSAS: readonly [number, number][] = [
  [1, 0],
  [2, 0.1],
  [2.5, 0.4],
  [4, 0.3],
  [5, 0],
];
const MIN_INTERVALS = 3;
const MAX_INTERVALS = 8;
/** How much an unused stretch of axis costs against a step count away from five. */
const OVERSHOOT_WEIGHT = 10;
const COUNT_WEIGHT = 0.3;

/** Steps near `raw`: every nice mantissa for the powers of ten around it. */
function candidateSteps(raw: number): [number, number][] {
  const k = Math.floor(Math.log10(raw));
  const out: [number, number][] = [];
  for (let e = k - 1; e <= k + 1; e++) {
    for (const [m, penalty] of MANTISSAS) out.push([Number((m * 10 ** e).toPrecision(12)), penalty]);
  }
  return out;
}

/** The data range the axis must show: zero included when bars or areas start there; never empty. */
function span(lo: number, hi: number, fromZero: boolean): [number, number] {
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [0, 1];
  if (fromZero) {
    a = Math.min(a, 0);
    b = Math.max(b, 0);
  }
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
    return fromZero && a >= 0 ? [0, b + (b === 0 ? 1 : 0)] : [a - pad, b + pad];
  }
  return [a, b];
}

interface Candidate {
  scale: AxisScale;
  intervals: number;
  cost: number;
}

function fit(a: number, b: number, step: number, penalty: number): Candidate {
  const min = Math.floor(a / step + 1e-9) * step;
  const max = Math.ceil(b / step - 1e-9) * step;
  const intervals = Math.round((max - min) / step);
  const overshoot = (b - a > 0 ? (a - min + (max - b)) / (max - min) : 0) || 0;
  return {
    scale: { min: clean(min), max: clean(max), step, decimals: decimalsIn(step) },
    intervals,
    cost: overshoot * OVERSHOOT_WEIGHT + Math.abs(intervals - 5) * COUNT_WEIGHT + penalty,
  };
}

/** Rounds away floating-point noise (0.30000000000000004 → 0.3). */
function clean(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(12));
}

/** The nice scale for data from `lo` to `hi`. */
export function niceScale(lo: number, hi: number, fromZero: boolean): AxisScale {
  const [a, b] = span(lo, hi, fromZero);
  let best: Candidate | undefined;
  for (const [step, penalty] of candidateSteps((b - a) / 5)) {
    const c = fit(a, b, step, penalty);
    if (c.intervals < MIN_INTERVALS || c.intervals > MAX_INTERVALS) continue;
    if (!best || c.cost < best.cost - 1e-12) best = c;
  }
  return best?.scale ?? fit(a, b, (b - a) / 5, 0).scale;
}

/** The smallest nice step that covers [a, b] in exactly `n` intervals from a multiple of the step. */
function stepFor(a: number, b: number, n: number): Candidate | undefined {
  const steps = candidateSteps((b - a) / n).sort((x, y) => x[0] - y[0]);
  for (const [step, penalty] of steps) {
    const min = clean(Math.floor(a / step + 1e-9) * step);
    const max = clean(min + n * step);
    if (max < b - 1e-9 * Math.abs(b)) continue;
    const overshoot = (a - min + (max - b)) / (max - min);
    return { scale: { min, max, step, decimals: decimalsIn(step) }, intervals: n, cost: overshoot * OVERSHOOT_WEIGHT + penalty };
  }
  return undefined;
}

/** Two scales with the same number of steps (combo charts), each as tight as that allows. */
export function sharedScales(left: [number, number], right: [number, number], fromZero: boolean): [AxisScale, AxisScale] {
  const [la, lb] = span(left[0], left[1], fromZero);
  const [ra, rb] = span(right[0], right[1], fromZero);
  let best: { cost: number; pair: [AxisScale, AxisScale] } | undefined;
  for (let n = MIN_INTERVALS + 1; n <= MAX_INTERVALS - 1; n++) {
    const l = stepFor(la, lb, n);
    const r = stepFor(ra, rb, n);
    if (!l || !r) continue;
    const cost = l.cost + r.cost + Math.abs(n - 5) * COUNT_WEIGHT;
    if (!best || cost < best.cost - 1e-12) best = { cost, pair: [l.scale, r.scale] };
  }
  return best?.pair ?? [niceScale(la, lb, fromZero), niceScale(ra, rb, fromZero)];
}

/** Lowest and highest value an axis must reach: stacked kinds add their series up per label. */
export function valueRange(spec: Pick<ChartSpec, 'kind' | 'series' | 'labels'>, axis?: 'left' | 'right'): [number, number] {
  const series = spec.series.filter((s) => axis === undefined || s.axis === axis);
  const values: number[] = [];
  if (isStacked(spec.kind)) {
    spec.labels.forEach((_, i) => {
      let pos = 0;
      let neg = 0;
      for (const s of series) {
        const v = s.values[i];
        if (v === undefined || !Number.isFinite(v)) continue;
        if (v >= 0) pos += v;
        else neg += v;
      }
      values.push(pos, neg);
    });
  } else {
    for (const s of series) for (const v of s.values) if (Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return [0, 1];
  return [Math.min(...values), Math.max(...values)];
}

/** Whether a kind's value axis starts at zero: bars and areas do (their length is the value); lines need not. */
export function fromZero(spec: Pick<ChartSpec, 'kind' | 'series'>): boolean {
  return spec.kind !== 'line' && !(spec.kind === 'combo' && spec.series.every((s) => s.type === 'line'));
}

/** The value axes of a chart: `left` (or the only one), and `right` for a combo chart with right-axis series. */
export function axisScales(spec: Pick<ChartSpec, 'kind' | 'series' | 'labels'>): { left: AxisScale; right?: AxisScale } {
  const zero = fromZero(spec);
  if (spec.kind === 'combo' && spec.series.some((s) => s.axis === 'right')) {
    const [left, right] = sharedScales(valueRange(spec, 'left'), valueRange(spec, 'right'), zero);
    return { left, right };
  }
  const [lo, hi] = valueRange(spec);
  return { left: niceScale(lo, hi, zero) };
}

/** Combo charts with every value labelled (no axes): how high the tallest bar and the highest line point reach. */
const BAR_TOP = 0.6;
const LINE_TOP = 0.85;

/**
 * The ranges of a labelled combo chart's hidden axes: bars in the lower part of the plot and lines above
 * them, so that a line's labels do not sit on the bars' (the axes, and their ticks, are not drawn).
 */
export function labelledComboRanges(spec: Pick<ChartSpec, 'kind' | 'series' | 'labels'>): { left: [number, number]; right?: [number, number] } {
  const rangeOf = (axis: 'left' | 'right'): [number, number] | undefined => {
    const members = spec.series.filter((s) => s.axis === axis);
    if (members.length === 0) return undefined;
    const [lo, hi] = valueRange({ ...spec, series: members }, axis);
    const top = members.some((s) => s.type === 'bar') ? BAR_TOP : LINE_TOP;
    const min = Math.min(0, lo);
    return [min, min + (Math.max(hi, 0) - min) / top || 1];
  };
  const left = rangeOf('left') ?? [0, 1];
  const right = rangeOf('right');
  return right ? { left, right } : { left };
}

// Number formatting shared by chart labels, axis ticks and alt text, so that a value reads the same
// everywhere: en-US digits with thousands separators and a fixed number of decimals.
import type { ChartSpec } from '../model/types.js';

/** Most digits after the point that briefdeck shows when the outline does not say. */
export const MAX_AUTO_DECIMALS = 2;

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(decimals, f);
  }
  return f;
}

/** `1234.5, 1` → "1,234.5"; never "-0" and never floating-point noise such as "1.2000000001". */
export function formatNumber(n: number, decimals: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  const d = Math.max(0, Math.min(20, Math.round(decimals)));
  const text = formatter(d).format(n);
  // -0.001 at 2 decimals prints "-0.00": show it as zero.
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

/** Digits after the point needed to show `n` exactly, up to `cap` (0.1 + 0.2 counts as 1). */
export function decimalsOfNumber(n: number, cap = MAX_AUTO_DECIMALS): number {
  if (!Number.isFinite(n)) return 0;
  for (let d = 0; d < cap; d++) {
    const scaled = n * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return cap;
}

/** The largest number of decimals found in `values`, capped at `cap` (default 2). */
export function decimalsOf(values: Iterable<number>, cap = MAX_AUTO_DECIMALS): number {
  let max = 0;
  for (const v of values) {
    max = Math.max(max, decimalsOfNumber(v, cap));
    if (max >= cap) return cap;
  }
  return max;
}

/** Decimals used for a chart's labels: the outline's `decimals`, else what the data needs. */
export function chartDecimals(spec: Pick<ChartSpec, 'decimals' | 'series'>, axis?: 'left' | 'right'): number {
  if (spec.decimals !== undefined) return spec.decimals;
  const series = axis ? spec.series.filter((s) => s.axis === axis) : spec.series;
  return decimalsOf(series.flatMap((s) => s.values));
}

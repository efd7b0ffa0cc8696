// The shared builder of pie and doughnut: one colour per label, legend always shown (it names the slices).
import type { ChartConfiguration } from 'chart.js';
import type { ChartSpec } from '../../model/types.js';
import { formatNumber } from '../format.js';
import { estimateTextPx } from '../style.js';
import { baseOptions, dataLabelOptions, dataOf, decimalsPerSeries, paletteColor, PADDING, type BuildContext } from './common.js';

/** A unit that already means "share of the whole". */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^\s*(%|per ?cent|pct)\s*$/i.test(unit);
}

/** Percentages are worth adding unless the values already are shares summing to 100. */
export function showPercent(spec: ChartSpec): boolean {
  if (isPercentUnit(spec.unit)) return false;
  const first = spec.series[0];
  if (!first) return false;
  const total = first.values.reduce((s, v) => s + (Number.isFinite(v) && v > 0 ? v : 0), 0);
  return Math.abs(total - 100) > 0.5;
}

export function circularConfig(b: BuildContext, type: 'pie' | 'doughnut'): ChartConfiguration {
  const { spec, style } = b;
  const n = spec.labels.length;
  const colors = spec.labels.map((_, i) => paletteColor(style, i));
  const datasets = spec.series.map((s) => ({
    label: s.name,
    data: dataOf(s, n),
    backgroundColor: colors,
    borderColor: style.background,
    borderWidth: 2,
    ...(type === 'doughnut' ? { cutout: '45%' } : {}),
  }));
  const decimals = decimalsPerSeries(spec, false);
  const percent = showPercent(spec);

  // A percentage unit goes on the values ("58.5%"); any other unit is named under the title.
  const percentUnit = isPercentUnit(spec.unit);
  const subtitle = percentUnit ? undefined : spec.unit?.trim() || undefined;
  const wide = style.widthPx / style.heightPx >= 1.15;

  // Room the pie gets once title, subtitle and legend have theirs (rough, CSS px).
  const titleH = spec.title ? style.titlePx * 1.2 + 4 + (subtitle ? 2 : 12) : 0;
  const subtitleH = subtitle ? style.subtitlePx * 1.2 + 10 : 0;
  const legendW = Math.max(0, ...spec.labels.map((l) => estimateTextPx(l, style.legendPx))) + style.legendPx * 3.1;
  const legendH = style.legendPx * 2.4 * Math.ceil(spec.labels.length / 3);
  const w = style.widthPx - PADDING.left - PADDING.right - (wide ? legendW : 0);
  const h = style.heightPx - PADDING.top - PADDING.bottom - titleH - subtitleH - (wide ? 0 : legendH);
  const r0 = Math.max(20, Math.min(w, h) / 2);

  // Small slices get their label outside the rim: shrink the pie to leave room for those labels and,
  // when it gains real size, turn the pie so that the small slices point to the side with room.
  let r = r0;
  let marginH = 0;
  let rotation = 0;
  if (spec.dataLabels) {
    const first = spec.series[0]?.values ?? [];
    const widest = Math.max(
      0,
      ...first.map((v) => estimateTextPx(formatNumber(v, decimals[0] ?? 0) + (percentUnit ? '%' : ''), style.dataLabelPx)),
    );
    const box = { w: widest + style.dataLabelPx * 0.6, h: style.dataLabelPx * 1.15 * (percent ? 2 : 1) };
    const fit = outsideLabelFit(first, { w, h, r0, pad: style.dataLabelPx * 0.6, box });
    r = fit.r;
    rotation = fit.rotation;
    marginH = fit.r < r0 ? box.w + style.dataLabelPx : 0;
  }
  // A wide chart: pull pie and legend together towards the middle instead of leaving a gap between them.
  const used = Math.max(h, 2 * (r + marginH));
  const gap = style.legendPx * 2;
  const side = wide ? Math.max(0, Math.floor((w - used - 2 * gap) / 2)) : 0;
  const padding = { ...PADDING, left: PADDING.left + side, right: PADDING.right + side };

  const options = baseOptions<'pie'>(b, {
    legend: true,
    legendPosition: wide ? 'right' : 'bottom',
    usePointStyle: false,
    subtitle,
    padding,
    dataLabels: dataLabelOptions(b, decimals, { percent, suffix: percentUnit ? '%' : '' }),
  });
  Object.assign(options, { radius: `${Math.floor((r / r0) * 100)}%`, rotation });
  return { type, data: { labels: [...spec.labels], datasets }, options } as unknown as ChartConfiguration;
}

/** Share of the total below which a slice's label is expected to sit outside the pie. */
const SMALL_SLICE = 0.12;

interface FitInput {
  /** Room around the pie's centre, CSS px. */
  w: number;
  h: number;
  /** Radius with no outside labels. */
  r0: number;
  pad: number;
  /** Size of one label block. */
  box: { w: number; h: number };
}

/**
 * The largest radius (up to r0) that leaves room for the labels of small slices outside the rim, and the
 * rotation in degrees (chart.js `rotation`) that gives it: 0 (first slice at 12 o'clock) unless turning
 * the small slices to 9 or 3 o'clock makes the pie clearly bigger.
 */
export function outsideLabelFit(values: number[], f: FitInput): { r: number; rotation: number } {
  const positive = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = positive.reduce((s, v) => s + v, 0);
  if (total <= 0) return { r: f.r0, rotation: 0 };
  const mids: number[] = [];
  let acc = 0;
  for (const v of positive) {
    if (v > 0 && v / total < SMALL_SLICE) mids.push(-Math.PI / 2 + ((acc + v / 2) / total) * 2 * Math.PI);
    acc += v;
  }
  if (mids.length === 0) return { r: f.r0, rotation: 0 };

  const radiusFor = (turn: number): number => {
    let r = f.r0;
    for (const m of mids) {
      const a = m + turn;
      const cos = Math.abs(Math.cos(a));
      const sin = Math.abs(Math.sin(a));
      const ext = (cos * f.box.w) / 2 + (sin * f.box.h) / 2;
      const byY = sin > 1e-6 ? (f.h / 2 - f.box.h / 2) / sin - f.pad - ext : Infinity;
      const byX = cos > 1e-6 ? (f.w / 2 - f.box.w / 2) / cos - f.pad - ext : Infinity;
      r = Math.min(r, byX, byY);
    }
    return Math.max(f.r0 * 0.5, r);
  };

  const centre = Math.atan2(
    mids.reduce((s, m) => s + Math.sin(m), 0),
    mids.reduce((s, m) => s + Math.cos(m), 0),
  );
  let best = { r: radiusFor(0), rotation: 0 };
  for (const target of [Math.PI, 0]) {
    const turn = target - centre;
    const r = radiusFor(turn);
    if (r > best.r * 1.08) {
      const deg = Math.round(((((turn * 180) / Math.PI) % 360) + 360) % 360);
      best = { r: radiusFor((deg * Math.PI) / 180), rotation: deg };
    }
  }
  return best;
}

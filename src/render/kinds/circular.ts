// The shared builder of pie and doughnut: one colour per label, legend always shown (it names the slices).
import type { ChartConfiguration } from 'chart.js';
import type { ChartSpec } from '../../model/types.js';
import { formatNumber } from '../format.js';
import { estimateTextPx } from '../style.js';
import { baseOptions, dataLabelOptions, dataOf, decimalsPerSeries, paletteColor, PADDING, type BuildContext } from './common.js';

/** A unit that already means "share of the whole". */
function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^\s*(%|per ?cent|percent|pct|percentage( points?)?)\s*$/i.test(unit);
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
    ...(type === 'doughnut' ? { cutout: '52%' } : {}),
  }));
  const decimals = decimalsPerSeries(spec, false);
  const percent = showPercent(spec);

  const subtitle = spec.unit?.trim() || undefined;
  const wide = style.widthPx / style.heightPx >= 1.15;

  // Room the pie gets once title, subtitle and legend have theirs (rough, CSS px).
  const titleH = spec.title ? style.titlePx * 1.2 + 4 + (subtitle ? 2 : 12) : 0;
  const subtitleH = subtitle ? style.subtitlePx * 1.2 + 10 : 0;
  const legendW = Math.max(0, ...spec.labels.map((l) => estimateTextPx(l, style.legendPx))) + style.legendPx * 3.1;
  const legendH = style.legendPx * 2.4 * Math.ceil(spec.labels.length / 3);
  const w = style.widthPx - PADDING.left - PADDING.right - (wide ? legendW : 0);
  const h = style.heightPx - PADDING.top - PADDING.bottom - titleH - subtitleH - (wide ? 0 : legendH);
  const r0 = Math.max(20, Math.min(w, h) / 2);

  // Small slices get their label outside the rim: shrink the pie to leave room for it.
  let r = r0;
  let marginH = 0;
  if (spec.dataLabels) {
    const first = spec.series[0]?.values ?? [];
    const total = first.reduce((sum, v) => sum + (Number.isFinite(v) && v > 0 ? v : 0), 0);
    const small = first.some((v) => total > 0 && v > 0 && v / total < 0.12);
    if (small) {
      const widest = Math.max(0, ...first.map((v) => estimateTextPx(formatNumber(v, decimals[0] ?? 0), style.dataLabelPx)));
      const marginV = style.dataLabelPx * 1.2 * (percent ? 2 : 1) + style.dataLabelPx;
      marginH = widest + style.dataLabelPx;
      r = Math.max(r0 * 0.55, Math.min(r0, h / 2 - marginV, w / 2 - marginH));
    }
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
    dataLabels: dataLabelOptions(b, decimals, { percent }),
  });
  Object.assign(options, { radius: `${Math.floor((r / r0) * 100)}%` });
  return { type, data: { labels: [...spec.labels], datasets }, options } as unknown as ChartConfiguration;
}

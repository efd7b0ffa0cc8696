// The shared builder of pie and doughnut: one colour per label. With data labels (the default) each
// slice is named beside it with its share, so there is no legend to look across to; a doughnut shows the
// headline slice's share in its hole. With data labels off, a legend names the slices.
import type { ChartConfiguration } from 'chart.js';
import { DOUGHNUT_HOLE, headlineSlice, pieRotation, type CircularKind } from '../../model/chart-spec.js';
import { estimateTextPx, wrapLabel } from '../style.js';
import { baseOptions, dataLabelOptions, dataOf, mutedColor, paletteColor, PADDING, type BuildContext } from './common.js';
import type { ArcLabelOptions } from '../plugins.js';

export function circularConfig(b: BuildContext<CircularKind>, type: CircularKind): ChartConfiguration {
  const { spec, style } = b;
  const n = spec.labels.length;
  const colors = spec.labels.map((_, i) => {
    const c = paletteColor(style, i);
    return spec.highlight.length > 0 && !spec.highlight.includes(i) ? mutedColor(style, c) : c;
  });
  const datasets = spec.series.map((s) => ({
    label: s.name,
    data: dataOf(s, n),
    backgroundColor: colors,
    borderColor: style.background,
    borderWidth: 2,
    ...(type === 'doughnut' ? { cutout: `${Math.round(DOUGHNUT_HOLE * 100)}%` } : {}),
  }));
  const labelsBeside = spec.dataLabels;
  const wide = style.widthPx / style.heightPx >= 1.15;

  // Room the pie gets once the title has its share (rough, CSS px).
  const titleH = spec.title ? style.titlePx * 1.2 + 16 : 0;
  const h = style.heightPx - PADDING.top - PADDING.bottom - titleH;
  let padding = { ...PADDING };
  let arcs: ArcLabelOptions | undefined;
  if (labelsBeside) {
    // Names wrap to at most a quarter of the width each side; the pie takes what is left, centred.
    const nameMax = Math.max(style.widthPx * 0.24, style.subtitlePx * 7);
    const names = spec.labels.map((l) => {
      const w = wrapLabel(l, nameMax, style.subtitlePx, 3);
      return Array.isArray(w) ? w : [w];
    });
    const widest = Math.max(
      0,
      ...names.flat().map((t) => estimateTextPx(t, style.subtitlePx)),
      ...spec.shares.map((t) => estimateTextPx(t, style.dataLabelPx)),
    );
    const leader = style.dataLabelPx * 1.2;
    const sideRoom = Math.min(widest + leader + 8, style.widthPx * 0.3);
    // Labels stand in columns beside the pie, so the pie may take the full height.
    const diameter = Math.max(40, Math.min(h, style.widthPx - PADDING.left - PADDING.right - 2 * sideRoom));
    const side = Math.max(sideRoom, (style.widthPx - PADDING.left - PADDING.right - diameter) / 2);
    padding = { ...PADDING, left: PADDING.left + side, right: PADDING.right + side };
    const headline = type === 'doughnut' ? headlineSlice(spec) : undefined;
    arcs = { names, shares: [...spec.shares] };
    if (headline !== undefined) {
      const caption = wrapLabel(spec.labels[headline] ?? '', diameter * DOUGHNUT_HOLE * 0.78, style.subtitlePx, 2);
      arcs.hole = {
        index: headline,
        figure: spec.shares[headline] ?? '',
        caption: Array.isArray(caption) ? caption : [caption],
        color: paletteColor(style, headline),
        figureSize: Math.round(style.dataLabelPx * 2.4),
      };
    }
  } else if (wide) {
    // A legend on the right: pull pie and legend towards the middle instead of leaving a gap between them.
    const legendW = Math.max(0, ...spec.labels.map((l) => estimateTextPx(l, style.legendPx))) + style.legendPx * 3.1;
    const used = Math.max(h, 0);
    const gap = style.legendPx * 2;
    const sidePad = Math.max(0, Math.floor((style.widthPx - PADDING.left - PADDING.right - legendW - used - 2 * gap) / 2));
    padding = { ...PADDING, left: PADDING.left + sidePad, right: PADDING.right + sidePad };
  }

  const options = baseOptions<'pie'>(b, {
    legend: !labelsBeside,
    legendPosition: wide ? 'right' : 'bottom',
    usePointStyle: false,
    padding,
    dataLabels: dataLabelOptions(b, { ...(arcs ? { arcs } : {}), display: labelsBeside, only: [] }),
  });
  Object.assign(options, { rotation: pieRotation(spec.series[0]?.values ?? []) });
  return { type, data: { labels: [...spec.labels], datasets }, options } as unknown as ChartConfiguration;
}

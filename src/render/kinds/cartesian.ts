// The shared builder of the single-axis cartesian kinds: bar, hbar, stacked-bar, line, area.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { axisScales, valueRange } from '../../model/chart-scale.js';
import type { ChartKind } from '../../model/chart-spec.js';
import {
  baseOptions,
  categoryAxis,
  categoryLabels,
  dataLabelOptions,
  dataOf,
  hasNegative,
  labelHeadroom,
  legendRows,
  paletteColor,
  plotSize,
  pointColors,
  showValueAxis,
  unitsOptions,
  valueAxis,
  type BuildContext,
} from './common.js';

export interface CartesianShape {
  /** Drawn with bars (else a line through points). */
  bars: boolean;
  /** Bars run left to right, categories down the side. */
  horizontal: boolean;
  /** Bars or areas stacked on one another. */
  stacked: boolean;
  /** Lines: fill the area under each line (opaque, stacked, so colours match the legend). */
  fill: boolean;
}

/** Points are drawn as dots up to this many categories; beyond it the line alone reads better. */
export const MAX_DOTS = 24;
/** Radius of a highlighted point, CSS px: it stands out from the others (4) without hiding the line. */
const HIGHLIGHT_DOT = 7;

export function cartesianConfig(b: BuildContext<Exclude<ChartKind, 'pie' | 'doughnut' | 'combo'>>, shape: CartesianShape): ChartConfiguration {
  const { spec, style } = b;
  const n = spec.labels.length;
  const legend = spec.series.length > 1;
  const scales = axisScales(spec);
  const unit = spec.unit?.trim();
  const plot = plotSize(b, {
    legendRows: legend ? legendRows(b, spec.series.map((s) => s.name)) : 0,
    horizontal: shape.horizontal,
    left: scales.left,
    units: Boolean(unit),
  });
  const { labels, maxRotation } = categoryLabels(b, shape.horizontal, plot);
  const lineWidth = 3;
  const highlighted = (i: number) => spec.highlight.includes(i);

  const datasets = spec.series.map((s, i) => {
    const color = paletteColor(style, i);
    if (shape.bars) {
      return {
        type: 'bar',
        label: s.name,
        data: dataOf(s, n),
        backgroundColor: pointColors(b, color),
        bdColor: color,
        borderColor: style.background,
        borderWidth: shape.stacked ? { top: 1, bottom: 0, left: 0, right: 0 } : 0,
        categoryPercentage: 0.72,
        barPercentage: spec.series.length > 1 && !shape.stacked ? 0.92 : 1,
        maxBarThickness: Math.round(style.widthPx / 8),
      };
    }
    const dots = shape.fill ? 0 : n <= MAX_DOTS ? 4 : 0;
    const radius = spec.highlight.length > 0 ? spec.labels.map((_, j) => (highlighted(j) ? HIGHLIGHT_DOT : dots)) : dots;
    return {
      type: 'line',
      label: s.name,
      data: dataOf(s, n),
      borderColor: color,
      backgroundColor: color,
      borderWidth: shape.fill ? 2 : lineWidth,
      // Areas stack: the first fills down to zero, each next one down to the one below it.
      fill: shape.fill ? (i === 0 ? 'origin' : '-1') : false,
      tension: 0,
      pointRadius: radius,
      pointBackgroundColor: color,
      pointBorderColor: shape.fill ? style.background : color,
      pointBorderWidth: shape.fill ? 2 : 0,
      spanGaps: false,
    };
  }) as unknown as ChartDataset<'bar' | 'line'>[];

  const display = showValueAxis(spec);
  const value = valueAxis(b, {
    position: shape.horizontal ? 'bottom' : 'left',
    scale: scales.left,
    display,
    stacked: shape.stacked,
    grid: true,
    headroom: labelHeadroom(b, shape.horizontal, plot),
    zeroLine: hasNegative(spec),
    range: valueRange(spec),
  });
  const category = categoryAxis(b, {
    position: shape.horizontal ? 'left' : 'bottom',
    stacked: shape.stacked,
    autoSkip: !shape.bars,
    maxRotation,
  });

  const options = baseOptions<'bar'>(b, {
    legend,
    legendPosition: 'top',
    // Line series are keyed by a dot like their points; bars and areas by a filled box.
    usePointStyle: !shape.bars && !shape.fill,
    dataLabels: dataLabelOptions(b, { stacked: shape.stacked }),
    units: unitsOptions(b, unit ? { text: unit, color: style.text } : undefined),
  });
  // Lines: points sit in the middle of their category, like bars, so end labels do not hit the axis.
  if (!shape.bars) Object.assign(category, { offset: true });
  Object.assign(options, {
    indexAxis: shape.horizontal ? 'y' : 'x',
    scales: shape.horizontal ? { x: value, y: category } : { x: category, y: value },
  });

  return {
    type: shape.bars ? 'bar' : 'line',
    data: { labels, datasets },
    options,
  } as unknown as ChartConfiguration;
}

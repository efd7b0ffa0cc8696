// The shared builder of the single-axis cartesian kinds: bar, hbar, stacked-bar, line, area.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { chartDecimals } from '../format.js';
import { withAlpha } from '../style.js';
import {
  baseOptions,
  categoryAxis,
  categoryLabels,
  dataLabelOptions,
  dataOf,
  decimalsPerSeries,
  hasNegative,
  horizontalTickLimit,
  labelHeadroom,
  legendRows,
  paletteColor,
  plotSize,
  valueAxis,
  type BuildContext,
} from './common.js';

export interface CartesianShape {
  /** Drawn with bars (else a line through points). */
  bars: boolean;
  /** Bars run left to right, categories down the side. */
  horizontal: boolean;
  stacked: boolean;
  /** Lines: fill the area under each line. */
  fill: boolean;
}

/** Points are drawn as dots up to this many categories; beyond it the line alone reads better. */
const MAX_DOTS = 24;

export function cartesianConfig(b: BuildContext, shape: CartesianShape): ChartConfiguration {
  const { spec, style } = b;
  const n = spec.labels.length;
  const legend = spec.series.length > 1;
  const plot = plotSize(b, {
    legendRows: legend ? legendRows(b, spec.series.map((s) => s.name)) : 0,
    valueAxes: 1,
    horizontal: shape.horizontal,
  });
  const decimals = chartDecimals(spec);
  const { labels, maxRotation } = categoryLabels(b, shape.horizontal, plot);
  const lineWidth = 3;

  const datasets = spec.series.map((s, i) => {
    const color = paletteColor(style, i);
    if (shape.bars) {
      return {
        type: 'bar',
        label: s.name,
        data: dataOf(s, n),
        backgroundColor: color,
        borderColor: style.background,
        borderWidth: shape.stacked ? { top: 1, bottom: 0, left: 0, right: 0 } : 0,
        categoryPercentage: 0.72,
        barPercentage: spec.series.length > 1 && !shape.stacked ? 0.92 : 1,
        maxBarThickness: Math.round(style.widthPx / 8),
      };
    }
    return {
      type: 'line',
      label: s.name,
      data: dataOf(s, n),
      borderColor: color,
      backgroundColor: shape.fill ? withAlpha(color, spec.series.length > 1 ? 0.18 : 0.28) : color,
      borderWidth: lineWidth,
      fill: shape.fill ? 'origin' : false,
      tension: 0,
      pointRadius: n <= MAX_DOTS ? 4 : 0,
      pointBackgroundColor: color,
      pointBorderColor: color,
      pointBorderWidth: 0,
      spanGaps: false,
    };
  }) as unknown as ChartDataset<'bar' | 'line'>[];

  const headroom = labelHeadroom(b, shape.horizontal, plot, decimals);
  const value = valueAxis(b, {
    position: shape.horizontal ? 'bottom' : 'left',
    unit: spec.unit,
    decimals,
    beginAtZero: shape.bars || shape.fill,
    stacked: shape.stacked,
    grid: true,
    headroom,
    zeroLine: hasNegative(spec),
    ...(shape.horizontal ? { maxTicks: horizontalTickLimit(b, plot.width - style.widthPx * 0.3, decimals) } : {}),
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
    dataLabels: dataLabelOptions(b, decimalsPerSeries(spec, false), { stacked: shape.stacked }),
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

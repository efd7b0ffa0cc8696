// Chart kind `combo`: bars and lines on one category axis. Series with `type: 'line'` are lines (drawn
// over the bars); series with `axis: 'right'` are measured on a second value axis `y2` on the right.
import type { ChartConfiguration } from 'chart.js';
import { chartDecimals } from '../format.js';
import {
  baseOptions,
  categoryAxis,
  categoryLabels,
  dataLabelOptions,
  dataOf,
  decimalsPerSeries,
  hasNegative,
  labelHeadroom,
  legendRows,
  paletteColor,
  plotSize,
  valueAxis,
  type BuildContext,
  type KindBuilder,
} from './common.js';

export const id = 'combo';

export const build: KindBuilder = (b: BuildContext): ChartConfiguration => {
  const { spec, style } = b;
  const n = spec.labels.length;
  const hasRight = spec.series.some((s) => s.axis === 'right');
  const plot = plotSize(b, {
    legendRows: legendRows(b, spec.series.map((s) => s.name)),
    valueAxes: hasRight ? 2 : 1,
    horizontal: false,
  });
  const { labels, maxRotation } = categoryLabels(b, false, plot);
  const datasets = spec.series.map((s, i) => {
    const color = paletteColor(style, i);
    const yAxisID = s.axis === 'right' ? 'y2' : 'y';
    if (s.type === 'line') {
      return {
        type: 'line',
        label: s.name,
        data: dataOf(s, n),
        yAxisID,
        order: 0,
        borderColor: color,
        backgroundColor: color,
        borderWidth: 3,
        tension: 0,
        fill: false,
        pointRadius: n <= 24 ? 5 : 0,
        pointBackgroundColor: color,
        pointBorderColor: style.background,
        pointBorderWidth: 1.5,
        // Legend key: a dot for a line, a square for bars (the legend uses point styles here).
        pointStyle: 'circle',
      };
    }
    return {
      type: 'bar',
      label: s.name,
      data: dataOf(s, n),
      yAxisID,
      order: 1,
      backgroundColor: color,
      borderWidth: 0,
      categoryPercentage: 0.72,
      barPercentage: 0.92,
      maxBarThickness: Math.round(style.widthPx / 8),
      pointStyle: 'rect',
    };
  });

  const leftDecimals = chartDecimals(spec, 'left');
  const rightDecimals = chartDecimals(spec, 'right');
  const scales: Record<string, unknown> = {
    x: categoryAxis(b, { position: 'bottom', autoSkip: false, maxRotation }),
    y: valueAxis(b, {
      position: 'left',
      unit: spec.unit,
      decimals: leftDecimals,
      beginAtZero: true,
      grid: true,
      headroom: labelHeadroom(b, false, plot, leftDecimals),
      zeroLine: hasNegative(spec, 'left'),
    }),
  };
  if (hasRight) {
    scales.y2 = valueAxis(b, {
      position: 'right',
      unit: spec.unit2,
      decimals: rightDecimals,
      beginAtZero: true,
      grid: false,
      headroom: labelHeadroom(b, false, plot, rightDecimals),
    });
  }

  const options = baseOptions<'bar'>(b, {
    legend: spec.series.length > 1,
    legendPosition: 'top',
    legendInSeriesOrder: true,
    usePointStyle: true,
    dataLabels: dataLabelOptions(b, decimalsPerSeries(spec, true)),
  });
  Object.assign(options, { scales });
  return { type: 'bar', data: { labels, datasets }, options } as unknown as ChartConfiguration;
};

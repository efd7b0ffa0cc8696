// Chart kind `combo`: bars and lines on one category axis. Series with `type: 'line'` are lines (drawn
// over the bars); series with `axis: 'right'` are measured on a second value axis `y2` on the right.
// Both axes have the same number of steps (model/chart-scale.ts), so the right axis's ticks sit on the
// left axis's gridlines, and an axis that measures one series is coloured like it (ticks and unit).
import type { ChartConfiguration } from 'chart.js';
import { axisScales, labelledComboRanges, type AxisScale } from '../../model/chart-scale.js';
import {
  baseOptions,
  categoryAxis,
  categoryLabels,
  dataLabelOptions,
  dataOf,
  hasNegative,
  legendRows,
  paletteColor,
  plotSize,
  pointColors,
  showValueAxis,
  unitsOptions,
  valueAxis,
  type BuildContext,
  type KindBuilder,
} from './common.js';
import { MAX_DOTS } from './cartesian.js';
import { readableOn } from '../style.js';


/** The colour of an axis's text: its series' colour (made readable) when it measures exactly one, else the text colour. */
export function axisColor(b: BuildContext<'combo'>, axis: 'left' | 'right'): string {
  const members = b.spec.series.map((s, i) => ({ s, i })).filter(({ s }) => s.axis === axis);
  return members.length === 1 ? readableOn(paletteColor(b.style, members[0]!.i), b.style.background, b.style.text) : b.style.text;
}

export const build: KindBuilder<'combo'> = (b) => {
  const { spec, style } = b;
  const n = spec.labels.length;
  const hasRight = spec.series.some((s) => s.axis === 'right');
  const scales = axisScales(spec);
  const unit = spec.unit?.trim();
  const unit2 = hasRight ? spec.unit2?.trim() : undefined;
  const plot = plotSize(b, {
    legendRows: legendRows(b, spec.series.map((s) => s.name)),
    horizontal: false,
    left: scales.left,
    ...(scales.right ? { right: scales.right } : {}),
    units: Boolean(unit || unit2),
  });
  const { labels, maxRotation } = categoryLabels(b, false, plot);
  const datasets = spec.series.map((s, i) => {
    const color = paletteColor(style, i);
    const yAxisID = s.axis === 'right' ? 'y2' : 'y';
    if (s.type === 'line') {
      const dot = n <= MAX_DOTS ? 5 : 0;
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
        pointRadius: spec.highlight.length > 0 ? spec.labels.map((_, j) => (spec.highlight.includes(j) ? 7 : dot)) : dot,
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
      backgroundColor: pointColors(b, color),
      bdColor: color,
      borderWidth: 0,
      categoryPercentage: 0.72,
      barPercentage: 0.92,
      maxBarThickness: Math.round(style.widthPx / 8),
      pointStyle: 'rect',
    };
  });

  const display = showValueAxis(spec);
  // Every value labelled: no axes; bars low and lines above them (model/chart-scale.ts), the same in native charts.
  const hidden = labelledComboRanges(spec);
  const pin = (scale: AxisScale, range: [number, number] | undefined): AxisScale => (display || !range ? scale : { ...scale, min: range[0], max: range[1] });
  scales.left = pin(scales.left, hidden.left);
  if (scales.right) scales.right = pin(scales.right, hidden.right);
  const headroom = 0;
  const leftColor = axisColor(b, 'left');
  const rightColor = axisColor(b, 'right');
  const axes: Record<string, unknown> = {
    x: categoryAxis(b, { position: 'bottom', autoSkip: false, maxRotation }),
    y: valueAxis(b, { position: 'left', scale: scales.left, display, pinned: true, grid: true, headroom, zeroLine: hasNegative(spec, 'left'), color: leftColor }),
  };
  if (scales.right) {
    axes.y2 = valueAxis(b, { position: 'right', scale: scales.right, display, pinned: true, grid: false, headroom, color: rightColor });
  }

  const options = baseOptions<'bar'>(b, {
    legend: spec.series.length > 1,
    legendPosition: 'top',
    legendInSeriesOrder: true,
    usePointStyle: true,
    dataLabels: dataLabelOptions(b),
    units: unitsOptions(b, unit ? { text: unit, color: leftColor } : undefined, unit2 ? { text: unit2, color: rightColor } : undefined),
  });
  Object.assign(options, { scales: axes });
  return { type: 'bar', data: { labels, datasets }, options } as unknown as ChartConfiguration;
};

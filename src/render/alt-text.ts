// A chart in words, for the picture's alt text (screen readers, and anyone reading the deck as text).
// Numbers read exactly as on the chart's labels: the model wrote them once (ChartSeries.texts, shares).
import { isCircular, isPercentUnit } from '../model/chart-spec.js';
import type { ChartKind, ChartSeries, ChartSpec } from '../model/types.js';

const KIND_WORDS: Record<ChartKind, string> = {
  bar: 'Bar chart',
  hbar: 'Horizontal bar chart',
  'stacked-bar': 'Stacked bar chart',
  line: 'Line chart',
  area: 'Area chart',
  pie: 'Pie chart',
  doughnut: 'Doughnut chart',
  combo: 'Bar and line chart',
};

function kindWords(spec: ChartSpec): string {
  if (spec.kind === 'combo') {
    const lines = spec.series.some((s) => s.type === 'line');
    const bars = spec.series.some((s) => s.type !== 'line');
    if (!lines) return 'Bar chart';
    if (!bars) return 'Line chart';
  }
  return KIND_WORDS[spec.kind] ?? `${spec.kind} chart`;
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Drops a final full stop so that joining parts does not produce "..". */
function noStop(text: string): string {
  return text.replace(/[.]+$/, '');
}

function valueText(s: ChartSeries, i: number): string {
  const v = s.values[i];
  return v === undefined || !Number.isFinite(v) ? 'no data' : (s.texts[i] ?? 'no data');
}

function pairs(spec: ChartSpec, s: ChartSeries, sep: string): string {
  return spec.labels.map((label, i) => `${clean(label)} ${valueText(s, i)}`).join(sep);
}

/** Slices: the value and its share ("Tax revenue 1.2 (92.3%)"), or the share alone when the values are shares. */
function slices(spec: ChartSpec, s: ChartSeries): string {
  const percent = isPercentUnit(spec.unit);
  return spec.labels
    .map((label, i) => {
      const share = spec.shares[i];
      if (percent) return `${clean(label)} ${share || valueText(s, i)}`;
      return `${clean(label)} ${valueText(s, i)}${share ? ` (${share})` : ''}`;
    })
    .join('; ');
}

/**
 * e.g. "Bar chart, H1 2024, trillion yuan: industrial output 15.2; import and export 4.7." or
 * "Line chart (trillion yuan). Exports: 2020 1.2, 2021 1.5; Imports: 2020 0.9, 2021 1.1."
 */
export function chartAltText(spec: ChartSpec): string {
  const kind = kindWords(spec);
  const title = noStop(clean(spec.title));
  const unit = clean(spec.unit);
  const unit2 = clean(spec.unit2);
  const isCombo = spec.kind === 'combo';
  const hasRight = isCombo && spec.series.some((s) => s.axis === 'right');

  if (spec.series.length === 0 || spec.labels.length === 0) {
    return `${[kind, title].filter(Boolean).join(', ')}, no data.`;
  }

  if (spec.series.length === 1 && !hasRight) {
    const s = spec.series[0]!;
    const circular = isCircular(spec.kind);
    const head = [kind, title, circular && isPercentUnit(unit) ? '' : unit].filter(Boolean).join(', ');
    return `${head}: ${circular ? slices(spec, s) : pairs(spec, s, '; ')}.`;
  }

  const units: string[] = [];
  if (unit) units.push(unit);
  if (hasRight) units.push(`right axis: ${unit2 || 'second scale'}`);
  const head = `${[kind, title].filter(Boolean).join(', ')}${units.length ? ` (${units.join('; ')})` : ''}`;
  const body = spec.series
    .map((s) => {
      const notes: string[] = [];
      if (isCombo && spec.series.some((t) => t.type !== s.type)) notes.push(s.type === 'line' ? 'line' : 'bars');
      if (hasRight && s.axis === 'right') notes.push('right axis');
      const name = clean(s.name) || 'Series';
      return `${name}${notes.length ? ` (${notes.join(', ')})` : ''}: ${pairs(spec, s, ', ')}`;
    })
    .join('; ');
  return `${head}. ${body}.`;
}

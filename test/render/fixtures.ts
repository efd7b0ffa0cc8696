// Sample theme and chart specs shared by the render tests. Specs are finished as the model finishes
// them: every value's text and every slice's share written by the one formatter.
import { isCircular, shareTexts, valueTexts } from '../../src/model/chart-spec.js';
import type { ChartKind, ChartSeries, ChartSpec, Theme } from '../../src/model/types.js';

export const theme: Theme = {
  name: 'test',
  colors: {
    background: '#FFFFFF',
    text: '#1F2937',
    muted: '#6B7280',
    accent: '#1F4E79',
    accent2: '#C0504D',
    titleText: '#1F2937',
    sectionBackground: '#1F4E79',
    sectionText: '#FFFFFF',
    card: '#F3F4F6',
    cardText: '#1F2937',
    grid: '#E5E7EB',
  },
  palette: ['#1F4E79', '#C0504D', '#2E8B57', '#E1A23B', '#6A5ACD', '#4BA3C3'],
  headingFont: 'Calibri',
  bodyFont: 'Calibri',
  sizes: { title: [28, 40], body: [14, 24], stat: [28, 60], caption: [11, 14] },
};

export const FULL = { widthIn: 11.9, heightIn: 4.9 };
export const HALF = { widthIn: 6.2, heightIn: 4.9 };

export function series(name: string, values: number[], extra: Partial<ChartSeries> = {}): ChartSeries {
  return { name, values, texts: [], axis: 'left', type: 'bar', derived: false, ...extra };
}

/** The texts and shares of a hand-made spec, as resolveChart writes them (plain numbers, 1-decimal shares). */
export function finish(s: ChartSpec): ChartSpec {
  const texts = valueTexts(s.kind, s.series.map((x) => ({ values: x.values.map((value) => ({ value })), axis: x.axis })), s.decimals);
  const out = { ...s, series: s.series.map((x, i) => ({ ...x, texts: texts[i] ?? [] })) };
  const first = out.series[0];
  return { ...out, shares: isCircular(s.kind) && first ? shareTexts(first.values, first.texts, s.unit, 1) : [] };
}

export function spec(kind: ChartKind, extra: Partial<ChartSpec> = {}): ChartSpec {
  return finish({
    kind,
    labels: ['2020', '2021', '2022'],
    series: [series('Exports', [1.2, 1.5, 1.75])],
    dataLabels: false,
    highlight: [],
    shares: [],
    render: 'image',
    span: { line: 1, col: 1 },
    ...extra,
  });
}

export const twoSeries = [series('Exports', [1.2, 1.5, 1.75]), series('Imports', [0.9, 1.1, 1.3])];

export const combo: ChartSpec = spec('combo', {
  title: 'GDP and growth',
  labels: ['2021', '2022', '2023'],
  series: [series('GDP', [2150.8, 2290.1, 2480.6]), series('Growth', [8.4, 3, 5.2], { type: 'line', axis: 'right' })],
  unit: 'billion yuan',
  unit2: '%',
  dataLabels: true,
});

export const pie: ChartSpec = spec('pie', {
  title: 'Share of output',
  labels: ['Electronics', 'Automotive', 'Biomedicine', 'New materials', 'Other'],
  series: [series('Output', [3420, 2810, 1260, 280, 150])],
  unit: 'billion yuan',
  dataLabels: true,
});

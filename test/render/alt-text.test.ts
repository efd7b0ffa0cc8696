import { describe, expect, it } from 'vitest';
import { chartAltText } from '../../src/render/alt-text.js';
import { combo, pie, series, spec } from './fixtures.js';

describe('chartAltText', () => {
  it('single series: kind, title, unit, then label-value pairs', () => {
    const s = spec('bar', {
      title: 'H1 2024',
      unit: 'trillion yuan',
      labels: ['industrial output', 'import and export', 'fiscal revenue'],
      series: [series('2024', [15.2, 4.7, 1.3])],
    });
    expect(chartAltText(s)).toBe('Bar chart, H1 2024, trillion yuan: industrial output 15.2; import and export 4.7; fiscal revenue 1.3.');
  });

  it('multi-series: unit in brackets, one clause per series', () => {
    const s = spec('line', {
      unit: 'trillion yuan',
      labels: ['2020', '2021'],
      series: [series('Exports', [1.2, 1.5]), series('Imports', [0.9, 1.1])],
    });
    expect(chartAltText(s)).toBe('Line chart (trillion yuan). Exports: 2020 1.2, 2021 1.5; Imports: 2020 0.9, 2021 1.1.');
  });

  it('names each kind in words', () => {
    const words: [Parameters<typeof spec>[0], string][] = [
      ['bar', 'Bar chart'],
      ['hbar', 'Horizontal bar chart'],
      ['stacked-bar', 'Stacked bar chart'],
      ['line', 'Line chart'],
      ['area', 'Area chart'],
      ['pie', 'Pie chart'],
      ['doughnut', 'Doughnut chart'],
    ];
    for (const [kind, text] of words) expect(chartAltText(spec(kind))).toMatch(new RegExp(`^${text}: `));
  });

  it('combo: names the right axis and its unit, and which series are lines', () => {
    expect(chartAltText({ ...combo, title: undefined, unit: undefined })).toBe(
      'Bar and line chart (right axis: %). GDP (bars): 2021 2,150.8, 2022 2,290.1, 2023 2,480.6; Growth (line, right axis): 2021 8.4, 2022 3.0, 2023 5.2.',
    );
    expect(chartAltText(combo)).toMatch(/^Bar and line chart, GDP and growth \(billion yuan; right axis: %\)\. /);
  });

  it('formats numbers like the labels: separators, spec decimals, same digits per series, shares of slices', () => {
    expect(chartAltText(pie)).toBe(
      'Pie chart, Share of output, billion yuan: Electronics 3,420 (43.2%); Automotive 2,810 (35.5%); Biomedicine 1,260 (15.9%); New materials 280 (3.5%); Other 150 (1.9%).',
    );
    expect(chartAltText(spec('bar', { decimals: 0, series: [series('x', [1.2, 1.5, 1.75])] }))).toBe('Bar chart: 2020 1; 2021 2; 2022 2.');
    expect(chartAltText(spec('bar', { series: [series('x', [0.1 + 0.2, 1, 2])] }))).toBe('Bar chart: 2020 0.3; 2021 1.0; 2022 2.0.');
    // Values that are shares already are read once, as percentages.
    expect(chartAltText(spec('doughnut', { unit: '%', labels: ['A', 'B'], series: [series('s', [58, 42])] }))).toBe('Doughnut chart: A 58%; B 42%.');
  });

  it('copes with missing values and empty charts', () => {
    expect(chartAltText(spec('bar', { series: [series('x', [1, Number.NaN])] }))).toBe('Bar chart: 2020 1; 2021 no data; 2022 no data.');
    expect(chartAltText(spec('bar', { series: [] }))).toBe('Bar chart, no data.');
  });

  it('does not double the full stop of a title ending in one', () => {
    expect(chartAltText(spec('line', { title: 'Trade, 2020–2022.', series: [series('x', [1, 2, 3])] }))).toBe(
      'Line chart, Trade, 2020–2022: 2020 1; 2021 2; 2022 3.',
    );
  });
});

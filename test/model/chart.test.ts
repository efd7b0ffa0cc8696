// Chart blocks → chart specs: located errors for charts that cannot be drawn, the highlight, defaults,
// and every number written once, as its fact reads.
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { pieRotation } from '../../src/model/chart-spec.js';
import type { ChartSpec } from '../../src/model/types.js';

const deck = (chart: string, facts = '') => `deck:
  title: Charts
  date: 2024-10-21
${facts}slides:
  - type: chart
    title: A chart
    chart:
${chart
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;

async function resolve(chart: string, facts = '') {
  const r = await build(deck(chart, facts), { layoutOnly: true });
  const slide = r.deck?.slides.find((s) => s.kind === 'chart');
  return { diagnostics: r.diagnostics, spec: slide && slide.kind === 'chart' ? (slide.chart as ChartSpec) : undefined };
}

describe('charts that cannot be drawn are located errors', () => {
  it('a pie or doughnut whose values are all zero', async () => {
    for (const kind of ['pie', 'doughnut']) {
      const { diagnostics } = await resolve(`kind: ${kind}\nlabels: [A, B]\nseries:\n  - name: S\n    values: [0, 0]`);
      const d = diagnostics.find((x) => x.code === 'pie-zero-total');
      expect(d, kind).toBeDefined();
      expect(d!.severity).toBe('error');
      expect(d!.span.line).toBe(12);
      expect(d!.hint).toMatch(/bar chart|values/);
    }
  });

  it('values too large to draw (beyond 10^15), from a number or a fact', async () => {
    const big = await resolve('kind: bar\nlabels: [A, B]\nseries:\n  - name: S\n    values: [1, 1.7e308]');
    const d = big.diagnostics.find((x) => x.code === 'value-too-large');
    expect(d).toMatchObject({ severity: 'error', path: 'slides[0].chart.series[0].values' });
    expect(d!.span).toMatchObject({ line: 12, col: 23 });
    const fact = await resolve('kind: bar\nlabels: [A]\nseries:\n  - name: S\n    values: [huge]', 'facts:\n  huge:\n    value: 2e15\n    label: Huge\n');
    expect(fact.diagnostics.find((x) => x.code === 'value-too-large')?.hint).toMatch(/scale/);
    const ok = await resolve('kind: bar\nlabels: [A]\nseries:\n  - name: S\n    values: [1e15]');
    expect(ok.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('an area chart of several series (stacked) with a value below zero', async () => {
    const { diagnostics } = await resolve('kind: area\nlabels: [A, B]\nseries:\n  - name: S\n    values: [1, 2]\n  - name: T\n    values: [3, -1]');
    expect(diagnostics.find((x) => x.code === 'area-negative')).toMatchObject({ severity: 'error', path: 'slides[0].chart.series[1].values' });
    const one = await resolve('kind: area\nlabels: [A, B]\nseries:\n  - name: S\n    values: [1, -2]');
    expect(one.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('two series with one name', async () => {
    const { diagnostics } = await resolve('kind: bar\nlabels: [A]\nseries:\n  - name: S\n    values: [1]\n  - name: S\n    values: [2]');
    expect(diagnostics.find((x) => x.code === 'duplicate-series')).toMatchObject({ severity: 'error', path: 'slides[0].chart.series[1].name' });
  });

  it('a highlight that is not one of the labels, with a suggestion', async () => {
    const { diagnostics } = await resolve('kind: bar\nlabels: [Exports, Imports]\nseries:\n  - name: S\n    values: [1, 2]\nhighlight: Imprts');
    const d = diagnostics.find((x) => x.code === 'unknown-highlight');
    expect(d).toMatchObject({ severity: 'error', path: 'slides[0].chart.highlight' });
    expect(d!.hint).toContain('Imports');
  });
});

describe('chart specs', () => {
  it('highlight: the indices of the labels named, numbers allowed for year labels', async () => {
    const { spec } = await resolve('kind: bar\nlabels: [2022, 2023, 2024]\nseries:\n  - name: S\n    values: [1, 2, 3]\nhighlight: [2024, 2022]');
    expect(spec!.highlight).toEqual([0, 2]);
  });

  it('data labels: on by default for pie and doughnut, off for the others, as the outline says when it does', async () => {
    const pie = await resolve('kind: pie\nlabels: [A, B]\nseries:\n  - name: S\n    values: [1, 3]');
    expect(pie.spec!.dataLabels).toBe(true);
    expect(pie.spec!.shares).toEqual(['25.0%', '75.0%']);
    const bar = await resolve('kind: bar\nlabels: [A, B]\nseries:\n  - name: S\n    values: [1, 3]');
    expect(bar.spec!.dataLabels).toBe(false);
    const off = await resolve('kind: doughnut\nlabels: [A, B]\nseries:\n  - name: S\n    values: [1, 3]\ndata_labels: false');
    expect(off.spec!.dataLabels).toBe(false);
  });

  it('a fact reads with its own decimals; numbers written in the chart with the chart\'s', async () => {
    const facts = 'facts:\n  a:\n    value: 15.2\n    decimals: 2\n    label: A\n  b:\n    value: 1110\n    unit: ship calls\n    label: B\n';
    const { spec } = await resolve('kind: bar\nlabels: [A, B, C]\nseries:\n  - name: S\n    values: [a, b, 3]\ndecimals: 1', facts);
    expect(spec!.series[0]!.texts).toEqual(['15.20', '1,110', '3.0']);
  });

  it('shares take the decimals of the deck\'s percentages', async () => {
    const facts = 'facts:\n  growth:\n    value: 5\n    unit: "%"\n    label: Growth\n';
    const { spec } = await resolve('kind: pie\nlabels: [A, B, C]\nseries:\n  - name: S\n    values: [1, 1, 1]', facts);
    expect(spec!.shares).toEqual(['33%', '33%', '33%']);
  });
});

describe('pieRotation', () => {
  it('keeps the first slice at 12 o\'clock unless small slices crowd together', () => {
    expect(pieRotation([40, 35, 25])).toBe(0);
    expect(pieRotation([92.3, 7.7])).toBe(0);
    expect(pieRotation([0, 0])).toBe(0);
  });

  it('turns neighbouring small slices to 9 or 3 o\'clock, whichever is nearer', () => {
    // Two small slices at the end sit just left of 12 o'clock: a short turn takes them to 9 o'clock.
    const turn = pieRotation([3420, 2810, 1260, 280, 150]);
    expect(turn).toBeGreaterThan(270);
    const total = 3420 + 2810 + 1260 + 280 + 150;
    const centre = (((3420 + 2810 + 1260 + 215) / total) * 360 + turn) % 360;
    expect(centre).toBeCloseTo(270, 0);
  });

  it('does not turn for a run of small slices over a third of the pie', () => {
    expect(pieRotation([40, ...Array.from({ length: 30 }, () => 2)])).toBe(0);
  });
});

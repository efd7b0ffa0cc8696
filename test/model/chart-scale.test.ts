// Value axes both renderings draw: a nice step, a maximum just above the data, and on a combo chart
// the same number of steps on both axes.
import { describe, expect, it } from 'vitest';
import { axisScales, labelledComboRanges, niceScale, sharedScales } from '../../src/model/chart-scale.js';
import { series, spec } from '../render/fixtures.js';

const steps = (s: { min: number; max: number; step: number }) => Math.round((s.max - s.min) / s.step);

describe('niceScale', () => {
  it('ends at a nice number just above the data, not the next power of ten', () => {
    expect(niceScale(0, 15.2, true)).toEqual({ min: 0, max: 16, step: 4, decimals: 0 });
    expect(niceScale(0, 452, true)).toMatchObject({ max: 500, step: 100 });
    expect(niceScale(0, 1110, true)).toMatchObject({ max: 1200, step: 200 });
    expect(niceScale(0, 1.3, true)).toMatchObject({ max: 1.4, step: 0.2, decimals: 1 });
  });

  it('need not start at zero for lines, and copes with flat, negative and tiny data', () => {
    expect(niceScale(34.1, 38.5, false)).toMatchObject({ min: 34, max: 39, step: 1 });
    expect(niceScale(-3, 10, true)).toMatchObject({ min: -4, max: 10, step: 2 });
    expect(niceScale(0, 0, true)).toMatchObject({ min: 0, max: 1 });
    expect(niceScale(5, 5, false).max).toBeGreaterThan(5);
    expect(niceScale(0, 3e-7, true).decimals).toBe(8);
  });

  it('has 3 to 8 steps, a step of 1, 2, 2.5, 4 or 5 times a power of ten, and covers the data', () => {
    for (const hi of [0.07, 1, 2.05, 7.3, 15.2, 99, 101, 301, 999, 12345, 3.4e9]) {
      const s = niceScale(0, hi, true);
      expect(steps(s), String(hi)).toBeGreaterThanOrEqual(3);
      expect(steps(s), String(hi)).toBeLessThanOrEqual(8);
      expect(s.max, String(hi)).toBeGreaterThanOrEqual(hi);
      expect([1, 2, 2.5, 4, 5]).toContain(Number((s.step / 10 ** Math.floor(Math.log10(s.step))).toPrecision(6)));
    }
  });
});

describe('combo scales', () => {
  it('give both axes the same number of steps, each still covering its data', () => {
    const [l, r] = sharedScales([0, 452], [0, 1110], true);
    expect(steps(l)).toBe(steps(r));
    expect(l.max).toBeGreaterThanOrEqual(452);
    expect(r.max).toBeGreaterThanOrEqual(1110);
    const s = axisScales(spec('combo', { series: [series('A', [2150.8, 2480.6, 2290.1]), series('B', [8.4, 3, 5.2], { type: 'line', axis: 'right' })] }));
    expect(steps(s.left)).toBe(steps(s.right!));
  });

  it('stacked kinds reach the stacked total', () => {
    const s = axisScales(spec('stacked-bar', { series: [series('A', [10, 20, 30]), series('B', [5, 5, 15])] }));
    expect(s.left.max).toBeGreaterThanOrEqual(45);
  });

  it('labelled combo charts keep bars low and lines above them', () => {
    const r = labelledComboRanges(spec('combo', { series: [series('A', [410, 452]), series('B', [1020, 1110], { type: 'line', axis: 'right' })] }));
    expect(452 / r.left[1]).toBeCloseTo(0.6, 5);
    expect(1110 / r.right![1]).toBeCloseTo(0.85, 5);
  });
});

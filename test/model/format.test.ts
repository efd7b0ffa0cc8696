// The one number formatter (src/model/format.ts): the rules the README states under "How a fact reads".
import { describe, expect, it } from 'vitest';
import { decimalsIn, factNumber, fixedDigits, formatCell, formatFact, formatNumber, formatShare, formatWritten, intlDigits } from '../../src/model/format.js';
import type { Fact } from '../../src/model/types.js';

const span = { line: 1, col: 1 };
const fact = (value: number, extra: Partial<Fact> = {}): Fact => ({ id: 'f', value, span, ...extra });

describe('formatNumber', () => {
  it('groups thousands from 1,000, en-US', () => {
    expect(formatNumber(999, 0)).toBe('999');
    expect(formatNumber(1000, 0)).toBe('1,000');
    expect(formatNumber(1110, 0)).toBe('1,110');
    expect(formatNumber(-1234567.891, 2)).toBe('-1,234,567.89');
  });

  it('never writes -0, at any number of decimals', () => {
    expect(formatNumber(-0, 0)).toBe('0');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(-0.4, 0)).toBe('0');
  });

  it('writes exactly the decimals asked for', () => {
    expect(formatNumber(3, 1)).toBe('3.0');
    expect(formatNumber(0.1 + 0.2, 1)).toBe('0.3');
    expect(formatNumber(Number.NaN, 1)).toBe('n/a');
  });
});

describe('digits as written', () => {
  it('counts the digits of the value, exponents included', () => {
    expect(decimalsIn(15.2)).toBe(1);
    expect(decimalsIn(0.0000001)).toBe(7);
    expect(decimalsIn(2.5e-8)).toBe(9);
    expect(decimalsIn(1e21)).toBe(0);
    expect(decimalsIn(-0)).toBe(0);
  });

  it('keeps a small number\'s digits, and writes one beyond 20 decimals with a power of ten', () => {
    expect(formatWritten(0.0000001)).toBe('0.0000001');
    expect(formatWritten(1e-320)).toBe('1 × 10⁻³²⁰');
    expect(formatWritten(-0)).toBe('0');
  });
});

describe('facts', () => {
  it('use their decimals, else the digits written; a small number is not rounded to 0 unless decimals says so', () => {
    expect(factNumber(fact(0.0000001))).toBe('0.0000001');
    expect(factNumber(fact(0.0000001, { decimals: 2 }))).toBe('0.00');
    expect(factNumber(fact(7, { decimals: 1 }))).toBe('7.0');
    expect(factNumber(fact(-0))).toBe('0');
  });

  it('years: a bare whole number from 1000 to 2999 is not grouped; anything with a unit is', () => {
    expect(factNumber(fact(2024))).toBe('2024');
    expect(factNumber(fact(1984, { decimals: 0 }))).toBe('1984');
    expect(factNumber(fact(3000))).toBe('3,000');
    expect(factNumber(fact(2024.5))).toBe('2,024.5');
    expect(formatFact(fact(1110, { unit: 'ship calls' }))).toBe('1,110\u00A0ship\u00A0calls');
    expect(formatFact(fact(1500, { scale: 'million', currency: 'USD' }))).toBe('$1,500\u00A0million');
  });
});

describe('table cells and shares', () => {
  it('table numbers keep their digits; years stay years', () => {
    expect(formatCell(2019)).toBe('2019');
    expect(formatCell(1110.5)).toBe('1,110.5');
    expect(formatCell(12500)).toBe('12,500');
    expect(formatCell(0.1234567)).toBe('0.123457');
    // A year-like number in a column of counts is a count.
    expect(formatCell(1020, false)).toBe('1,020');
    expect(formatCell(2019, true)).toBe('2019');
    expect(formatCell(12500, true)).toBe('12,500');
  });

  it('shares are percentages with the decimals asked for; a thin slice is never 0%', () => {
    expect(formatShare(1.2 / 1.3, 1)).toBe('92.3%');
    expect(formatShare(0.5, 1)).toBe('50.0%');
    expect(formatShare(0.5, 0)).toBe('50%');
    expect(formatShare(0.0001, 1)).toBe('<0.1%');
    expect(formatShare(0, 1)).toBe('0.0%');
  });
});

describe('numbers written without Intl', () => {
  it('read exactly as Intl.NumberFormat writes them', () => {
    const check = (v: number, d: number, g: boolean) => expect(fixedDigits(v, d, g), `${v} at ${d}${g ? '' : ' ungrouped'}`).toBe(intlDigits(v, d, g));
    // Halves of the shortest digits round away from zero (1.005 → 1.01, although the double is below it).
    const edges = [0, -0, 1.005, 0.125, 2.5, -2.5, 0.05, 0.15, 9.995, 99.995, -0.001, 1234.5, 1e-7, 2.5e-8, 5e-21, 1e-20, 999999999999999.9, 1e15 - 1, 8.675, 1.0000000000000002];
    for (const v of edges) for (let d = 0; d <= 20; d++) for (const g of [true, false]) check(v, d, g);
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 40_000; k++) {
      let v = rnd() * 10 * 10 ** (Math.floor(rnd() * 36) - 20);
      if (rnd() < 0.3) v = Number(v.toPrecision(1 + Math.floor(rnd() * 6)));
      if (rnd() < 0.2) v = Math.round(v * 1000) / 1000 + 0.0005;
      if (rnd() < 0.5) v = -v;
      if (Math.abs(v) < 1e15) check(v, Math.floor(rnd() * 21), rnd() < 0.5);
    }
  });
});

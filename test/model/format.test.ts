// The one number formatter (src/model/format.ts): the rules the README states under "How a fact reads".
import { describe, expect, it } from 'vitest';
import { decimalsIn, factNumber, formatCell, formatFact, formatNumber, formatShare, formatWritten } from '../../src/model/format.js';
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
  });

  it('shares are percentages with the decimals asked for; a thin slice is never 0%', () => {
    expect(formatShare(1.2 / 1.3, 1)).toBe('92.3%');
    expect(formatShare(0.5, 1)).toBe('50.0%');
    expect(formatShare(0.5, 0)).toBe('50%');
    expect(formatShare(0.0001, 1)).toBe('<0.1%');
    expect(formatShare(0, 1)).toBe('0.0%');
  });
});

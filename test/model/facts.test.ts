import { describe, expect, it } from 'vitest';
import { formatFact, formatNumber } from '../../src/model/format.js';
import { evaluateFormula, prettyFormula } from '../../src/model/formula.js';

const span = { line: 1, col: 1 };

describe('facts', () => {
  it('reads like running text', () => {
    expect(formatFact({ id: 'a', value: 15.2, scale: 'trillion', currency: 'yuan', span })).toBe('15.2 trillion yuan');
    expect(formatFact({ id: 'b', value: 2.1, scale: 'trillion', currency: 'USD', span })).toBe('$2.1 trillion');
    expect(formatFact({ id: 'c', value: 92.3, unit: '%', span })).toBe('92.3%');
    expect(formatFact({ id: 'd', value: 229, span })).toBe('229');
    expect(formatFact({ id: 'e', value: 7, decimals: 1, span })).toBe('7.0');
  });
  it('groups thousands from 1,000 up; a bare whole number from 1000 to 2999 reads as a year', () => {
    expect(formatNumber(1110, 0)).toBe('1,110');
    expect(formatNumber(12500, 0)).toBe('12,500');
    expect(formatFact({ id: 'y', value: 1984, span })).toBe('1984');
    expect(formatFact({ id: 'n', value: 1110, unit: 'ship calls', span })).toBe('1,110 ship calls');
  });
  it('computes formulas over facts', () => {
    const facts: Record<string, number> = { tax: 1.2, fiscal: 1.3 };
    const r = evaluateFormula('tax / fiscal * 100', (id) => facts[id]);
    expect(r.ok && r.value).toBeCloseTo(92.3077, 3);
    expect(evaluateFormula('(fiscal - tax) * 2', (id) => facts[id])).toMatchObject({ ok: true });
    expect(evaluateFormula('tax / nothing', (id) => facts[id])).toEqual({ ok: false, reason: 'unknown-id', id: 'nothing' });
    expect(evaluateFormula('as stated in the report', (id) => facts[id])).toEqual({ ok: false, reason: 'not-a-formula' });
    expect(evaluateFormula('tax / (fiscal - fiscal)', (id) => facts[id])).toEqual({ ok: false, reason: 'division-by-zero' });
  });
  it('shows formulas with × and ÷', () => {
    expect(prettyFormula('tax / fiscal * 100', (id) => id.toUpperCase())).toBe('TAX ÷ FISCAL × 100');
  });
});

import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { buildModel } from '../../src/model/build-model.js';
import { parseOutline } from '../../src/outline/parse.js';
import { formatFact, formatNumber } from '../../src/model/format.js';
import { evaluateFormula, prettyFormula } from '../../src/model/formula.js';

const span = { line: 1, col: 1 };

describe('facts', () => {
  it('reads like running text', () => {
    expect(formatFact({ id: 'a', value: 15.2, scale: 'trillion', currency: 'yuan', span })).toBe('15.2\u00A0trillion\u00A0yuan');
    expect(formatFact({ id: 'b', value: 2.1, scale: 'trillion', currency: 'USD', span })).toBe('$2.1\u00A0trillion');
    expect(formatFact({ id: 'c', value: 92.3, unit: '%', span })).toBe('92.3%');
    expect(formatFact({ id: 'd', value: 229, span })).toBe('229');
    expect(formatFact({ id: 'e', value: 7, decimals: 1, span })).toBe('7.0');
  });
  it('groups thousands from 1,000 up; a bare whole number from 1000 to 2999 reads as a year', () => {
    expect(formatNumber(1110, 0)).toBe('1,110');
    expect(formatNumber(12500, 0)).toBe('12,500');
    expect(formatFact({ id: 'y', value: 1984, span })).toBe('1984');
    expect(formatFact({ id: 'n', value: 1110, unit: 'ship calls', span })).toBe('1,110\u00A0ship\u00A0calls');
  });
  it('computes formulas over facts', () => {
    const facts: Record<string, number> = { tax: 1.2, fiscal: 1.3 };
    const r = evaluateFormula('tax / fiscal * 100', (id) => facts[id]);
    expect(r.ok && r.value).toBeCloseTo(92.3077, 3);
    expect(evaluateFormula('(fiscal - tax) * 2', (id) => facts[id])).toMatchObject({ ok: true });
    expect(evaluateFormula('tax / nothing', (id) => facts[id])).toEqual({ ok: false, reason: 'unknown-id', id: 'nothing' });
    expect(evaluateFormula('as stated in the report', (id) => facts[id])).toEqual({ ok: false, reason: 'not-a-formula' });
    expect(evaluateFormula('tax / (fiscal - fiscal)', (id) => facts[id])).toEqual({ ok: false, reason: 'division-by-zero', divisor: '(fiscal - fiscal)' });
    expect(evaluateFormula('1 / (tax * 1e308)', () => 1e308)).toEqual({ ok: false, reason: 'not-a-formula' }); // no exponents in formulas
    expect(evaluateFormula('1 / (tax * tax * 10)', () => 1e300)).toEqual({ ok: false, reason: 'non-finite' }); // an overflow on the way is not 0
    expect(evaluateFormula('tax + other', (id) => (id === 'tax' ? 1 : null))).toEqual({ ok: false, reason: 'broken-input', id: 'other' });
  });
  it('shows formulas with × and ÷', () => {
    expect(prettyFormula('tax / fiscal * 100', (id) => id.toUpperCase())).toBe('TAX ÷ FISCAL × 100');
  });
});

/** Builds the model of an outline and returns its facts and diagnostics. */
function model(yaml: string) {
  const diags = new Diagnostics();
  const parsed = parseOutline(yaml, diags);
  if (!parsed.outline) return { diags, deck: undefined };
  const deck = buildModel(parsed.outline, parsed.locate, diags, () => ({ error: 'no assets' }));
  return { diags, deck };
}
const withFacts = (facts: string, slides = '  - type: bullets\n    title: T\n    bullets: ["{x}"]\n') => `deck:\n  title: F\nsources:\n  s: { title: S }\nfacts:\n${facts}slides:\n${slides}`;
const codes = (d: Diagnostics) => d.list.map((x) => `${x.code}@${x.span?.line}`);

describe('derived facts', () => {
  it('are computed at full precision and rounded only when shown', () => {
    const { deck, diags } = model(withFacts('  a: { value: 5.04, source: s }\n  b: { value: 5, source: s }\n  d: { derived: a - b, decimals: 0 }\n  x: { derived: a / d, decimals: 1 }\n'));
    expect(codes(diags)).toEqual([]);
    expect(deck!.facts.get('d')!.value).toBeCloseTo(0.04, 12); // shown as 0, but 0.04 to the formula using it
    expect(deck!.facts.get('x')!.value).toBeCloseTo(126, 9);
  });

  it('a division by zero is one error with a hint: no missing-value, no unknown fact, no did-you-mean', () => {
    const { diags } = model(
      withFacts(
        '  a: { value: 1, source: s }\n  zero: { value: 0, source: s }\n  x: { derived: a / (zero * 2) }\n  y: { derived: x + 1 }\n',
        '  - type: bullets\n    title: "{x}"\n    bullets: ["{y}"]\n  - type: stats\n    title: S\n    stats: [{ fact: x }, { fact: y, label: Y }]\n  - type: chart\n    title: C\n    chart: { kind: pie, labels: [p, q], series: [{ name: n, values: [x, y] }] }\n',
      ),
    );
    expect(codes(diags)).toEqual(['division-by-zero@8']);
    expect(diags.list[0]!.message).toBe('the formula of fact `x` divides by zero: `(zero * 2)` is 0');
    expect(diags.list[0]!.hint).toMatch(/check the values of the facts in `\(zero \* 2\)`/);
  });

  it('a result too large for a number is a located error, also when it overflows on the way', () => {
    const huge = Array(21).fill('big').join(' * '); // 1e315
    const { diags } = model(withFacts(`  big: { value: 1e15, source: s }\n  tiny: { value: 1e-320, source: s }\n  x: { derived: ${huge} }\n  y: { derived: 5 / tiny }\n  z: { derived: 1 / (${huge}) }\n  w: { value: 1e308, source: s }\n`));
    expect(codes(diags)).toEqual(['number-too-large@8', 'number-too-large@9', 'number-too-large@10', 'value-too-large@11']);
  });

  it('a cycle is reported once with its loop; the facts around it add nothing', () => {
    const { diags } = model(withFacts('  x: { derived: c1 + 1 }\n  c1: { derived: c2 + 1 }\n  c2: { derived: c1 * 2 }\n  self: { derived: self + 1 }\n'));
    expect(codes(diags)).toEqual(['fact-cycle@7', 'fact-cycle@9']);
    expect(diags.list[0]!.message).toBe('facts are derived from each other in a loop: `c1` → `c2` → `c1`');
    expect(diags.list[1]!.message).toBe('fact `self` is derived from itself');
  });

  it('resolves a chain of 20,000 derived facts without a recursion limit (it used to exhaust the stack)', () => {
    const n = 20_000;
    const lines = ['  f0: { value: 1, source: s }', ...Array.from({ length: n - 1 }, (_, i) => `  f${i + 1}: { derived: f${i} + 1 }`)];
    const started = performance.now();
    const { deck, diags } = model(withFacts(`${lines.join('\n')}\n`, `  - type: bullets\n    title: T\n    bullets: ["{f${n - 1}}"]\n`));
    expect(codes(diags)).toEqual([]);
    expect(deck!.facts.get(`f${n - 1}`)!.value).toBe(n);
    expect(deck!.slides[0]!.sources).toEqual(['s']); // cites the source at the bottom of the chain
    expect(performance.now() - started).toBeLessThan(60_000); // minutes before, on a loaded machine seconds
  });
});

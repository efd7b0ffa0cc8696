// Resolves the outline's facts: checks their sources, computes derived formulas in dependency order
// (refusing cycles), and checks a stated value against its formula. Values are kept at full precision;
// only display rounds them. Chains of any length are resolved without recursion. A fact that cannot get
// a value is reported once, where it is: facts and slides that use it add no follow-on errors.
import type { Diagnostics } from '../diagnostics.js';
import type { Locator } from '../outline/positions.js';
import type { Outline, OutlineFact } from '../outline/schema.js';
import { suggestion } from '../outline/suggest.js';
import { MAX_CHART_VALUE } from '../limits.js';
import { decimalsIn, formatNumber } from './format.js';
import { evaluateFormula, formulaIds } from './formula.js';
import type { Fact } from './types.js';

export interface FactTable {
  facts: Map<string, Fact>;
  /** Facts the outline defines that have no value, because of an error already reported. */
  broken: ReadonlySet<string>;
  /** The ids of the sources a fact rests on: its own and those of every fact it is derived from. */
  sourcesOf(id: string): readonly string[];
}

/** Decimals a derived fact is shown with when it sets none (and states no value to take them from). */
const DERIVED_DECIMALS = 1;

/** What a broken outline left out (partial.ts): facts and sources that exist but did not validate. */
export interface LeftOut {
  invalidFacts: ReadonlySet<string>;
  invalidSources: ReadonlySet<string>;
}

export function resolveFacts(outline: Outline, locate: Locator, diags: Diagnostics, leftOut?: LeftOut): FactTable {
  const raw = outline.facts;
  const ids = Object.keys(raw);
  const sourceIds = new Set(Object.keys(outline.sources));
  const knownSources = new Set([...sourceIds, ...(leftOut?.invalidSources ?? [])]);
  const facts = new Map<string, Fact>();
  const broken = new Set<string>(leftOut?.invalidFacts);
  const origins = new Map<string, readonly string[]>();
  /** A formula's fact ids, or undefined when `derived` is a description rather than a formula. */
  const inputs = new Map<string, string[] | undefined>(ids.map((id) => [id, raw[id]!.derived === undefined ? undefined : formulaIds(raw[id]!.derived!)]));

  for (const id of dependencyOrder(ids, inputs, raw, locate, diags, broken)) {
    if (broken.has(id)) continue;
    const fact = resolveOne(id, raw[id]!);
    if (fact) facts.set(id, fact);
    else broken.add(id);
  }
  return {
    facts,
    broken,
    sourcesOf: (id) => origins.get(id) ?? [],
  };

  function resolveOne(id: string, f: OutlineFact): Fact | undefined {
    const path = ['facts', id];
    if (f.source !== undefined && !knownSources.has(f.source)) {
      diags.error('unknown-source', `fact \`${id}\` names source \`${f.source}\`, which \`sources:\` does not define`, {
        path: `facts.${id}.source`,
        span: locate.value([...path, 'source']),
        hint: sourceIds.size ? suggestion(f.source, [...sourceIds], 'sources') : 'add the source under `sources:`',
      });
    }
    if (f.source === undefined && f.derived === undefined) {
      diags.warn('fact-without-source', `fact \`${id}\` has neither a source nor a derivation`, {
        path: `facts.${id}`,
        span: locate.key(path),
        hint: 'add `source:` naming where the number comes from, or `derived:` with its formula',
      });
    }
    let value = f.value;
    const uses = inputs.get(id);
    if (f.derived !== undefined && uses !== undefined) {
      const where = { path: `facts.${id}.derived`, span: locate.value([...path, 'derived']) };
      const result = evaluateFormula(f.derived, (other) => (facts.get(other)?.value ?? (other in raw || broken.has(other) ? null : undefined)));
      if (result.ok) {
        const decimals = f.decimals ?? (f.value !== undefined ? decimalsIn(f.value) : DERIVED_DECIMALS);
        if (value === undefined) {
          value = result.value;
        } else if (Math.abs(result.value - value) > 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(value))) {
          diags.error('derived-mismatch', `fact \`${id}\` is ${value}, but its formula gives ${formatNumber(result.value, decimals + 2)}`, {
            path: `facts.${id}.value`,
            span: locate.value([...path, 'value']),
            hint: `write value: ${formatNumber(result.value, decimals).replace(/,/g, '')}, or leave value out and let briefdeck compute it`,
          });
        }
      } else if (result.reason === 'broken-input') {
        // That fact's own error says what to fix; a stated value stays usable, unchecked.
        if (value === undefined) return undefined;
      } else if (result.reason === 'unknown-id') {
        diags.error('unknown-fact', `the formula of fact \`${id}\` uses \`${result.id}\`, which is not a fact`, {
          ...where,
          hint: suggestion(result.id, [...ids, ...(leftOut?.invalidFacts ?? [])], 'facts'),
        });
        if (value === undefined) return undefined;
      } else if (result.reason === 'division-by-zero') {
        diags.error('division-by-zero', `the formula of fact \`${id}\` divides by zero: \`${result.divisor}\` is 0`, {
          ...where,
          hint: `check the value${/[A-Za-z]/.test(result.divisor) ? `s of the facts in \`${result.divisor}\`` : ` \`${result.divisor}\``}: a share or a ratio needs a divisor that is not 0`,
        });
        if (value === undefined) return undefined;
      } else if (result.reason === 'non-finite') {
        diags.error('number-too-large', `the formula of fact \`${id}\` gives a number too large to compute (beyond 1.8e308)`, {
          ...where,
          hint: 'check the values and scales of the facts it uses: write 15.2 with `scale: trillion`, not 15200000000000',
        });
        if (value === undefined) return undefined;
      }
    }
    if (value === undefined) {
      diags.error('missing-value', `fact \`${id}\` has no value`, {
        path: `facts.${id}`,
        span: locate.key(path),
        hint: f.derived !== undefined ? '`derived` is not a formula here (only numbers, fact ids, + - * / and parentheses): add `value:`, or write it as a formula over other facts, e.g. a / b * 100' : 'add `value:`, or write `derived:` as a formula over other facts, e.g. a / b * 100',
      });
      return undefined;
    }
    // Beyond this a number cannot be read off a slide (a 1e300 fact is 301 digits long).
    if (Math.abs(value) > MAX_CHART_VALUE) {
      const written = f.value !== undefined;
      diags.error('value-too-large', `fact \`${id}\` is ${value.toExponential(2)}, too large to show (at most ${MAX_CHART_VALUE.toExponential(0)} either way)`, {
        path: `facts.${id}${written ? '.value' : '.derived'}`,
        span: locate.value([...path, written ? 'value' : 'derived']),
        hint: 'state it in a larger unit with `scale:` (15.2 with `scale: trillion`, not 15200000000000)',
      });
      return undefined;
    }
    const fact: Fact = { id, value, span: locate.key(path) };
    if (f.unit !== undefined) fact.unit = f.unit;
    if (f.scale !== undefined) fact.scale = f.scale;
    if (f.currency !== undefined) fact.currency = f.currency;
    if (f.label !== undefined) fact.label = f.label;
    if (f.source !== undefined) fact.source = f.source;
    if (f.derived !== undefined) fact.derived = f.derived;
    if (f.decimals !== undefined) fact.decimals = f.decimals;
    else if (f.value === undefined && uses !== undefined) fact.decimals = DERIVED_DECIMALS;
    const cited = new Set<string>(f.source !== undefined && sourceIds.has(f.source) ? [f.source] : []);
    for (const other of uses ?? []) for (const s of origins.get(other) ?? []) cited.add(s);
    origins.set(id, [...cited]);
    return fact;
  }
}

/**
 * Facts in an order in which every fact comes after the facts its formula uses (a depth-first search on
 * an explicit stack: a 20,000-fact chain must not exhaust the call stack). A cycle is reported once, at
 * the fact where it was entered, with the whole loop; its members are marked broken.
 */
function dependencyOrder(
  ids: string[],
  inputs: Map<string, string[] | undefined>,
  raw: Outline['facts'],
  locate: Locator,
  diags: Diagnostics,
  broken: Set<string>,
): string[] {
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const deps = inputs.get(top.id) ?? [];
      if (top.next < deps.length) {
        const dep = deps[top.next++]!;
        if (!(dep in raw)) continue; // an unknown id: reported when the formula is evaluated
        const seen = state.get(dep);
        if (seen === undefined) {
          state.set(dep, 'open');
          stack.push({ id: dep, next: 0 });
        } else if (seen === 'open') {
          const loop = stack.slice(stack.findIndex((s) => s.id === dep)).map((s) => s.id);
          if (!loop.every((m) => broken.has(m))) {
            const chain = [...loop, dep].map((m) => `\`${m}\``).join(' → ');
            diags.error('fact-cycle', loop.length === 1 ? `fact \`${dep}\` is derived from itself` : `facts are derived from each other in a loop: ${chain}`, {
              path: `facts.${dep}.derived`,
              span: locate.value(['facts', dep, 'derived']),
              hint: 'a derived fact must be computed from stated facts: give one of them a `value:` from its source',
            });
          }
          for (const m of loop) broken.add(m);
        }
      } else {
        stack.pop();
        state.set(top.id, 'done');
        order.push(top.id);
      }
    }
  }
  return order;
}

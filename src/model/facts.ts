// Resolves the outline's facts: checks their sources, computes derived formulas (in dependency order,
// refusing cycles) and checks a stated value against its formula.
import type { Diagnostics } from '../diagnostics.js';
import type { Locator } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import { suggestion } from '../outline/suggest.js';
import { decimalsIn, formatNumber } from './format.js';
import { evaluateFormula } from './formula.js';
import type { Fact } from './types.js';

export function resolveFacts(outline: Outline, locate: Locator, diags: Diagnostics): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const raw = outline.facts;
  const sourceIds = Object.keys(outline.sources);
  const visiting = new Set<string>();

  function resolve(id: string): Fact | undefined {
    const done = facts.get(id);
    if (done) return done;
    const f = raw[id];
    if (!f) return undefined;
    const path = ['facts', id];
    if (visiting.has(id)) {
      diags.error('fact-cycle', `fact \`${id}\` is derived from itself`, {
        path: `facts.${id}.derived`,
        span: locate.value([...path, 'derived']),
        hint: 'a derived fact must be computed from stated facts',
      });
      return undefined;
    }
    visiting.add(id);
    let value = f.value;
    if (f.source !== undefined && !sourceIds.includes(f.source)) {
      diags.error('unknown-source', `fact \`${id}\` names source \`${f.source}\`, which \`sources:\` does not define`, {
        path: `facts.${id}.source`,
        span: locate.value([...path, 'source']),
        hint: sourceIds.length ? suggestion(f.source, sourceIds, 'sources') : 'add the source under `sources:`',
      });
    }
    if (f.source === undefined && f.derived === undefined) {
      diags.warn('fact-without-source', `fact \`${id}\` has neither a source nor a derivation`, {
        path: `facts.${id}`,
        span: locate.key(path),
        hint: 'add `source:` naming where the number comes from, or `derived:` with its formula',
      });
    }
    if (f.derived !== undefined) {
      const result = evaluateFormula(f.derived, (other) => resolve(other)?.value);
      if (result.ok) {
        const decimals = f.decimals ?? (f.value !== undefined ? decimalsIn(f.value) : 1);
        if (value === undefined) {
          value = Number(result.value.toFixed(decimals));
        } else if (Math.abs(result.value - value) > 0.5 * 10 ** -decimals + 1e-9) {
          diags.error('derived-mismatch', `fact \`${id}\` is ${value}, but its formula gives ${formatNumber(result.value, decimals + 2)}`, {
            path: `facts.${id}.value`,
            span: locate.value([...path, 'value']),
            hint: `write value: ${formatNumber(result.value, decimals).replace(/,/g, '')}, or leave value out and let briefdeck compute it`,
          });
        }
      } else if (result.reason === 'unknown-id') {
        diags.error('unknown-fact', `the formula of fact \`${id}\` uses \`${result.id}\`, which is not a fact`, {
          path: `facts.${id}.derived`,
          span: locate.value([...path, 'derived']),
          hint: suggestion(result.id, Object.keys(raw), 'facts'),
        });
      } else if (result.reason === 'division-by-zero') {
        diags.error('division-by-zero', `the formula of fact \`${id}\` divides by zero`, {
          path: `facts.${id}.derived`,
          span: locate.value([...path, 'derived']),
        });
      }
    }
    visiting.delete(id);
    if (value === undefined) {
      diags.error('missing-value', `fact \`${id}\` has no value`, {
        path: `facts.${id}`,
        span: locate.key(path),
        hint: 'add `value:`, or write `derived:` as a formula over other facts, e.g. a / b * 100',
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
    else if (f.value === undefined && f.derived !== undefined) fact.decimals = 1; // as computed above
    facts.set(id, fact);
    return fact;
  }

  for (const id of Object.keys(raw)) resolve(id);
  return facts;
}

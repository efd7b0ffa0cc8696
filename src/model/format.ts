// How a fact reads in text: "15.2 trillion yuan", "$2.1 trillion", "92.3%".
import type { Fact } from './types.js';

/** Digits after the point as written in the value, e.g. 15.2 → 1. */
export function decimalsIn(value: number): number {
  const s = String(value);
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

const formats = new Map<string, Intl.NumberFormat>();

/** en-US digits; no separator below 10,000 so that years and small counts read naturally (2024, 1984). */
export function formatNumber(value: number, decimals: number): string {
  const grouping = Math.abs(value) >= 10000;
  const key = `${decimals}|${grouping}`;
  let f = formats.get(key); // building an Intl.NumberFormat is slow; reuse one per style
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    formats.set(key, f);
  }
  return f.format(value);
}

const DOLLAR = new Set(['usd', '$', 'us$']);

/** The parts a stat card shows: prefix, the number, and the words after it. */
export interface FactParts {
  prefix: string;
  number: string;
  suffix: string;
}

export function factParts(fact: Fact): FactParts {
  const number = formatNumber(fact.value, fact.decimals ?? decimalsIn(fact.value));
  const dollar = fact.currency !== undefined && DOLLAR.has(fact.currency.toLowerCase());
  const words = [fact.scale, dollar ? undefined : fact.currency].filter(Boolean).join(' ');
  let suffix = words;
  if (fact.unit) suffix = fact.unit === '%' ? `%${words ? ` ${words}` : ''}` : [words, fact.unit].filter(Boolean).join(' ');
  return { prefix: dollar ? '$' : '', number, suffix };
}

/** The fact as a phrase in running text. */
export function formatFact(fact: Fact): string {
  const { prefix, number, suffix } = factParts(fact);
  if (!suffix) return `${prefix}${number}`;
  return suffix.startsWith('%') ? `${prefix}${number}${suffix}` : `${prefix}${number} ${suffix}`;
}

/** The marker placed after a derived number; the slide's footnote explains it. */
export const DERIVED_MARK = '†';

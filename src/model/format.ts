// The one number formatter of briefdeck: slide text, stat cards, table cells, chart labels and ticks
// (picture and native), and alt text all write numbers through this module, so a figure reads the same
// everywhere.
//
// The rules (README, "How a fact reads"):
// - en-US digits; thousands grouped from 1,000 ("1,110"); never "-0", never floating-point noise;
// - a number has the decimals its fact says (`decimals`), else the digits written in its value, so a
//   small number keeps its digits (0.0000001, not 0) unless `decimals` rounds it away;
// - years are not grouped: a whole number from 1000 to 2999 that has no unit, scale or currency is read
//   as a year or another identifier ("2024", "1984"), as a fact and as a number in a table cell. Chart
//   labels are text and are shown as written; chart values are quantities and always grouped;
// - shares of a whole are percentages with the decimals the deck uses for percentages.
import type { Fact } from './types.js';

/** Most digits after the point briefdeck writes; smaller numbers are written with a power of ten. */
export const MAX_DECIMALS = 20;

/** Digits after the point as written in the value, e.g. 15.2 → 1, 1e-7 → 7, 2.5e-8 → 9; at most MAX_DECIMALS. */
export function decimalsIn(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa = '', exponent] = String(Math.abs(value)).split('e');
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, Math.min(MAX_DECIMALS, fraction - Number(exponent ?? 0)));
}

const formats = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${decimals}|${grouping}`;
  let f = formats.get(key); // building an Intl.NumberFormat is slow; reuse one per style
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    formats.set(key, f);
  }
  return f;
}

// Below this, numbers are written by hand exactly as Intl writes them (a test compares many thousands):
// the first Intl.NumberFormat costs a cold build about 20 ms. Intl reads larger doubles differently.
const BY_HAND_BELOW = 1e15;

/** What Intl.NumberFormat('en-US') writes with `d` fixed decimals: the shortest digits of the double, rounded half away from zero. */
export function fixedDigits(value: number, d: number, grouping: boolean): string {
  const negative = value < 0 || Object.is(value, -0);
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  let int = digits.slice(0, point);
  let frac = digits.slice(point);
  if (frac.length > d) {
    const kept = (int + frac.slice(0, d)).split('');
    if (frac.charCodeAt(d) >= 53 /* '5' */) {
      let k = kept.length - 1;
      for (; k >= 0 && kept[k] === '9'; k--) kept[k] = '0';
      if (k >= 0) kept[k] = String(Number(kept[k]) + 1);
      else kept.unshift('1');
    }
    const all = kept.join('');
    int = all.slice(0, all.length - d);
    frac = all.slice(all.length - d);
  } else frac = frac.padEnd(d, '0');
  int = int.replace(/^0+(?=\d)/, '');
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${int}${d > 0 ? `.${frac}` : ''}`;
}

/** Intl's own way, for the test that holds fixedDigits to it. */
export function intlDigits(value: number, d: number, grouping: boolean): string {
  return formatter(d, grouping).format(value);
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 1e-320 → "1 × 10⁻³²⁰": for numbers whose digits lie beyond MAX_DECIMALS. */
function powerOfTen(value: number): string {
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  return `${mantissa} × 10${exponent.replace(/^\+/, '').replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/**
 * `1234.5, 1` → "1,234.5". Thousands are grouped from 1,000 unless `grouping` is false (years); a value
 * that rounds to zero reads "0" (never "-0" or "-0.00"); not-a-number reads "n/a".
 */
export function formatNumber(value: number, decimals: number, grouping = true): string {
  if (!Number.isFinite(value)) return 'n/a';
  const d = Math.max(0, Math.min(MAX_DECIMALS, Math.round(decimals)));
  const text = Math.abs(value) < BY_HAND_BELOW ? fixedDigits(value, d, grouping) : formatter(d, grouping).format(value);
  // -0.001 at 2 decimals prints "-0.00": show it as zero.
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

/** A number with the digits written in it: 15.2 → "15.2", 0.0000001 → "0.0000001", 1110 → "1,110". */
export function formatWritten(value: number, grouping = true): string {
  if (value !== 0 && Number.isFinite(value) && Math.abs(value) < 10 ** -MAX_DECIMALS) return powerOfTen(value);
  return formatNumber(value, decimalsIn(value), grouping);
}

/** A whole number from 1000 to 2999: read as a year (or another identifier) when nothing says it is a quantity. */
export function looksLikeYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1000 && value <= 2999;
}

/** A fact's number without its words: its decimals, or the digits written; years ungrouped. */
export function factNumber(fact: Fact): string {
  const plain = fact.unit === undefined && fact.scale === undefined && fact.currency === undefined;
  const grouping = !(plain && (fact.decimals ?? 0) === 0 && looksLikeYear(fact.value));
  if (fact.decimals !== undefined) return formatNumber(fact.value, fact.decimals, grouping);
  return formatWritten(fact.value, grouping);
}

/**
 * A number written in a table cell: the digits as written (at most 6 decimals), years ungrouped. A year
 * is read from the column, not the one number: `yearColumn` says whether every number in the column looks
 * like one, so 1020 among counts (980, 1,020, 1,110) is grouped as they are.
 */
export function formatCell(value: number, yearColumn = looksLikeYear(value)): string {
  return formatNumber(value, Math.min(6, decimalsIn(value)), !(yearColumn && looksLikeYear(value)));
}

/**
 * A share of a whole as a percentage: `0.923, 1` → "92.3%". A share that is not zero but rounds to zero
 * reads "<0.1%" (at 1 decimal), so a thin slice never claims to be nothing.
 */
export function formatShare(fraction: number, decimals: number): string {
  const percent = fraction * 100;
  const d = Math.max(0, Math.min(6, Math.round(decimals)));
  const smallest = 10 ** -d;
  if (percent > 0 && percent < smallest / 2) return `<${formatNumber(smallest, d)}%`;
  return `${formatNumber(percent, d)}%`;
}

const DOLLAR = new Set(['usd', '$', 'us$']);

/** The parts a stat card shows: prefix, the number, and the words after it. */
export interface FactParts {
  prefix: string;
  number: string;
  suffix: string;
}

/** A no-break space: a number and its unit ("4.7 trillion yuan") never part at the end of a line. */
export const NBSP = '\u00A0';

const CJK_START = /^[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

export function factParts(fact: Fact): FactParts {
  const number = factNumber(fact);
  const dollar = fact.currency !== undefined && DOLLAR.has(fact.currency.toLowerCase());
  const words = [fact.scale, dollar ? undefined : fact.currency].filter(Boolean).join(NBSP);
  let suffix = words;
  if (fact.unit) suffix = fact.unit === '%' ? `%${words ? `${NBSP}${words}` : ''}` : [words, fact.unit].filter(Boolean).join(NBSP);
  return { prefix: dollar ? '$' : '', number, suffix: suffix.replace(/ /g, NBSP) };
}

/** The fact as a phrase in running text; its parts joined by no-break spaces (none before a CJK unit: 15.2万亿元). */
export function formatFact(fact: Fact): string {
  const { prefix, number, suffix } = factParts(fact);
  if (!suffix) return `${prefix}${number}`;
  return suffix.startsWith('%') || CJK_START.test(suffix) ? `${prefix}${number}${suffix}` : `${prefix}${number}${NBSP}${suffix}`;
}

/** The marker placed after a derived number; the slide's footnote explains it. */
export const DERIVED_MARK = '†';

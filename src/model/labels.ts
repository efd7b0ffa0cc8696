// The words briefdeck writes itself — the agenda and sources titles, the source line, the note on a
// derived number, "(cont.)", the closing title — and the way it writes dates, in the deck's language.
// English and Chinese are built in; any of them can be set in the outline (`deck.labels`).
import { remember } from '../bounded-cache.js';

export interface Labels {
  agenda: string;
  /** Title of the sources slide. */
  sources: string;
  /** Before the source names on a slide: "Source" or, for several, "Sources". */
  source: string;
  sourcesPlural: string;
  /** Before the formula of a derived number. */
  derived: string;
  /** After the title of a continued slide. */
  continued: string;
  closing: string;
}

export type LabelKey = keyof Labels;

const EN: Labels = {
  agenda: 'Agenda',
  sources: 'Sources',
  source: 'Source',
  sourcesPlural: 'Sources',
  derived: 'Derived',
  continued: '(cont.)',
  closing: 'Thank you',
};

const ZH: Labels = {
  agenda: '议程',
  sources: '资料来源',
  source: '资料来源',
  sourcesPlural: '资料来源',
  derived: '推算',
  continued: '（续）',
  closing: '谢谢',
};

/** Punctuation between a label and what follows, and between list items, by script. */
export interface Punctuation {
  colon: string;
  listSeparator: string;
  open: string;
  close: string;
  /** Between a title and "(cont.)". */
  space: string;
}

const LATIN: Punctuation = { colon: ': ', listSeparator: '; ', open: ' (', close: ')', space: ' ' };
const CJK: Punctuation = { colon: '：', listSeparator: '；', open: '（', close: '）', space: '' };

const isChinese = (lang: string): boolean => /^zh\b/i.test(lang);
const isCjk = (lang: string): boolean => /^(zh|ja|ko)\b/i.test(lang);

/** The deck's labels: the language's own, with the outline's overrides. */
export function labelsFor(lang: string, overrides: Partial<Labels> = {}): Labels {
  const base = isChinese(lang) ? ZH : EN;
  return { ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

export function punctuationFor(lang: string): Punctuation {
  return isCjk(lang) ? CJK : LATIN;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatted = new Map<string, string>();

// Written out for the languages briefdeck ships, as Intl writes them: building the first
// Intl.DateTimeFormat loads ICU's data (about 25 ms of a cold build). A test compares them with Intl.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BY_HAND: Record<string, (d: Date, day: boolean) => string> = {
  en: (d, day) => `${day ? `${d.getUTCDate()} ` : ''}${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  ...Object.fromEntries(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN'].map((l) => [l, (d: Date, day: boolean) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${day ? `${d.getUTCDate()}日` : ''}`])),
};

/** Languages whose dates formatDate writes without Intl (exported for the test that checks them against it). */
export const DATES_BY_HAND = Object.keys(BY_HAND);

/**
 * A date as the deck's language writes it — `2024-10-21` → "21 October 2024", "2024年10月21日";
 * `2024-10` → "October 2024"; a year alone stays as it is. Always in UTC, so the bytes do not depend on
 * the machine's time zone.
 */
export function formatDate(iso: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m || !m[2]) return iso;
  return remember(formatted, `${lang}|${iso}`, 256, () => {
    const hand = BY_HAND[lang];
    return hand ? hand(utcDate(m), m[3] !== undefined) : intlDate(iso, lang);
  });
}

/** What Intl writes for a `YYYY-MM` or `YYYY-MM-DD` date (formatDate's way for other languages). */
export function intlDate(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`internal: not a date: ${iso}`);
  return intlFormat(lang, m[3] !== undefined).format(utcDate(m));
}

// Date.UTC's own reading (years 0–99 are 1900–1999, month 13 is January): what Intl is given.
const utcDate = (m: RegExpExecArray): Date => new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));

function intlFormat(lang: string, day: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${day ? 'day' : 'month'}`;
  let f = dateFormats.get(key);
  if (!f) {
    const locale = lang === 'en' ? 'en-GB' : lang;
    try {
      f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', ...(day ? { day: 'numeric' } : {}) });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', ...(day ? { day: 'numeric' } : {}) });
    }
    dateFormats.set(key, f);
  }
  return f;
}

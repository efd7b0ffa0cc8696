// The words briefdeck writes itself — the agenda and sources titles, the source line, the note on a
// derived number, "(cont.)", the closing title — and the way it writes dates, in the deck's language.
// English and Chinese are built in; any of them can be set in the outline (`deck.labels`).

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

/**
 * A date as the deck's language writes it — `2024-10-21` → "21 October 2024", "2024年10月21日";
 * `2024-10` → "October 2024"; a year alone stays as it is. Always in UTC, so the bytes do not depend on
 * the machine's time zone.
 */
export function formatDate(iso: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m || !m[2]) return iso;
  const key = `${lang}|${m[3] ? 'day' : 'month'}`;
  let f = dateFormats.get(key);
  if (!f) {
    const locale = lang === 'en' ? 'en-GB' : lang;
    try {
      f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', ...(m[3] ? { day: 'numeric' } : {}) });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', ...(m[3] ? { day: 'numeric' } : {}) });
    }
    dateFormats.set(key, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1))));
}

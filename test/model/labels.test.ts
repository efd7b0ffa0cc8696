// Dates in the languages briefdeck ships are written without Intl (its first formatter costs a cold
// build about 25 ms); they must read exactly as Intl writes them, edge cases of Date.UTC included.
import { describe, expect, it } from 'vitest';
import { DATES_BY_HAND, formatDate, intlDate } from '../../src/model/labels.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dates: string[] = [];
for (const y of [0, 50, 99, 100, 999, 1000, 1970, 1999, 2000, 2024, 2099, 9999]) {
  for (let m = 0; m <= 13; m++) {
    dates.push(`${pad(y, 4)}-${pad(m, 2)}`);
    for (const d of [0, 1, 9, 10, 28, 29, 30, 31, 32, 99]) dates.push(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  }
}

describe('formatDate', () => {
  it('writes the shipped languages’ dates as Intl does', () => {
    expect(DATES_BY_HAND).toEqual(expect.arrayContaining(['en', 'zh-CN']));
    for (const lang of DATES_BY_HAND) for (const iso of dates) expect(formatDate(iso, lang), `${lang} ${iso}`).toBe(intlDate(iso, lang));
  });
  it('reads as before', () => {
    expect(formatDate('2024-10-21', 'en')).toBe('21 October 2024');
    expect(formatDate('2024-10', 'en')).toBe('October 2024');
    expect(formatDate('2024-10-21', 'zh-CN')).toBe('2024年10月21日');
    expect(formatDate('2024', 'en')).toBe('2024');
    expect(formatDate('2024-10-21', 'de')).toBe('21. Oktober 2024');
  });
});

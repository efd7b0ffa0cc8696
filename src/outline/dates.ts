// Dates in an outline (deck.date, sources.*.date): YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date
// within the range a .pptx file can store (its zip entry times run from 1980 to 2099). The pattern keeps
// the range visible in the JSON Schema for editors; the calendar check (no 30 February) is done here.

export const FIRST_YEAR = 1980;
export const LAST_YEAR = 2099;

/** The shape and range: years 1980–2099, months 01–12, days 01–31. */
export const DATE_PATTERN = /^(19[89]\d|20\d\d)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `value` is not an outline date, or undefined when it is one. */
export function dateProblem(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return 'a date is written YYYY-MM-DD';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return `\`${text}\` is not written YYYY-MM-DD (or YYYY-MM, YYYY)`;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return `\`${text}\` has month ${m[2]}: months run from 01 to 12`;
  if (day !== undefined && month !== undefined) {
    const last = daysIn(year, month);
    if (day < 1 || day > last) return `\`${text}\` is not a date: ${MONTHS[month - 1]} ${year} has ${last} days`;
  }
  if (year < FIRST_YEAR || year > LAST_YEAR) return `\`${text}\` is outside the dates a .pptx file can store (${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31)`;
  return undefined;
}

export const DATE_HINT = `write a real date from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31 as YYYY-MM-DD, e.g. 2024-10-21 (or YYYY-MM, or a year)`;

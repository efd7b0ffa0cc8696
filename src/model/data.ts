// CSV data files for charts and tables: read with csv-parse, columns chosen by header name. A problem in
// a data file is located twice: at the YAML line that names the file or column, and at the CSV line.
import { createRequire } from 'node:module';
import type { Diagnostics, Span } from '../diagnostics.js';
import { MAX_CHART_VALUE, MAX_ROWS, MAX_TEXT } from '../limits.js';
import { suggestion } from '../outline/suggest.js';
import { decimalsIn, formatNumber, looksLikeYear } from './format.js';
import { firstIllegalCharacter, ILLEGAL_CHARACTER_HINT, positionOf } from '../text-checks.js';

type CsvParse = typeof import('csv-parse/sync').parse;
let csvParse: CsvParse | undefined;
/** csv-parse, loaded the first time a deck reads a CSV file: most decks read none and skip its start-up cost. */
const csvParser = (): CsvParse => (csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse);

export interface CsvTable {
  /** File name as written in the outline, for messages. */
  name: string;
  header: string[];
  rows: string[][];
  /** 1-based line in the CSV file of each row (rows start after the header). */
  lines: number[];
}

export interface DataReader {
  /** The file's text, or why it cannot be used (`code` and `hint` when the reader knows better than "not found"). */
  (name: string): { text: string; path: string } | { error: string; code?: string; hint?: string };
}

type Problem = { code: string; message: string; hint: string };

/** Each file is read and parsed once per build (per reader), however many slides use it. */
const parsed = new WeakMap<DataReader, Map<string, CsvTable | Problem>>();

/** Reads and parses a CSV file; undefined (with an error located at `where`) when it cannot be used. */
export function loadCsv(name: string, read: DataReader, where: { span: Span; path: string }, diags: Diagnostics): CsvTable | undefined {
  let files = parsed.get(read);
  if (!files) parsed.set(read, (files = new Map()));
  let outcome = files.get(name);
  if (!outcome) files.set(name, (outcome = parseCsvFile(name, read)));
  if ('code' in outcome) {
    diags.error(outcome.code, outcome.message, { ...where, hint: outcome.hint });
    return undefined;
  }
  return outcome;
}

/** The table in a CSV file, or the one problem that makes it unusable (said about the file). */
function parseCsvFile(name: string, read: DataReader): CsvTable | Problem {
  const found = read(name);
  if ('error' in found) {
    return { code: found.code ?? 'data-not-found', message: found.error, hint: found.hint ?? 'give the CSV file’s path relative to the outline, e.g. data/zones.csv' };
  }
  // Cells go onto slides as they are: every character must be one a slide can hold.
  const bad = firstIllegalCharacter(found.text);
  if (bad) {
    const at = positionOf(found.text, bad.index);
    return { code: 'control-character', message: `${name}:${at.line}:${at.col}: this cell contains ${bad.what}`, hint: ILLEGAL_CHARACTER_HINT };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Parsing stops just past the row limit: a 100,000-row file is refused without reading it all.
    records = csvParser()(found.text, { bom: true, trim: true, skip_empty_lines: true, info: true, to: MAX_ROWS + 2 }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number; record?: string[] };
    const ragged = err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH';
    return {
      code: ragged ? 'data-ragged-row' : 'data-bad-csv',
      message: `${name}:${err.lines ?? '?'}: ${ragged ? `this row has ${err.record?.length ?? 'a different number of'} cells, the header has a different number` : err.message}`,
      hint: ragged ? 'give every row one cell per header column (quote cells that contain commas)' : 'check the quoting on that line of the CSV file',
    };
  }
  const [head, ...body] = records;
  if (!head || body.length === 0) {
    return { code: 'data-empty', message: `${name} has ${head ? 'a header but no rows' : 'no header and no rows'}`, hint: 'the first line names the columns; each later line is one row' };
  }
  // A column is chosen by its name: two columns with one name would silently pick the first.
  const firstAt = new Map<string, number>();
  for (const [i, column] of head.record.entries()) {
    const earlier = firstAt.get(column);
    if (earlier !== undefined) {
      return { code: 'data-duplicate-column', message: `${name}:${head.info.lines}: columns ${earlier + 1} and ${i + 1} are both named \`${column}\``, hint: 'give every column its own name in the first line of the CSV file' };
    }
    firstAt.set(column, i);
  }
  // A cell is shown as it is: as long as a text written in the outline may be, no longer.
  for (const [r, row] of records.entries()) {
    const c = row.record.findIndex((cell) => cell.length > MAX_TEXT);
    if (c >= 0) {
      return {
        code: 'too-long',
        message: `${name}:${row.info.lines}: the cell in column ${c + 1} is ${row.record[c]!.length.toLocaleString('en-US')} characters long, more than ${MAX_TEXT.toLocaleString('en-US')}`,
        hint: 'shorten it: a slide shows a few words per cell',
      };
    }
    if (r > MAX_ROWS) break;
  }
  if (body.length > MAX_ROWS) {
    return {
      code: 'too-many',
      message: `${name} has more than ${MAX_ROWS.toLocaleString('en-US')} rows, the most a table or chart shows`,
      hint: 'keep the rows the audience needs in a smaller CSV file (a chart of totals, a table of the top rows)',
    };
  }
  return { name, header: head.record, rows: body.map((r) => r.record), lines: body.map((r) => r.info.lines) };
}

/** Index of a column by its header name, or undefined with a located error naming the columns there are. */
export function columnIndex(table: CsvTable, column: string, where: { span: Span; path: string }, diags: Diagnostics): number | undefined {
  const i = table.header.indexOf(column);
  if (i >= 0) return i;
  diags.error('data-missing-column', `${table.name}:1: there is no column \`${column}\``, { ...where, hint: suggestion(column, table.header, 'columns') });
  return undefined;
}

/**
 * A number as spreadsheets and scripts write it into a CSV file: 1234.5, 1,234.5, -0.5, .5, and with an
 * exponent (1.2E+06, 3e-4, as pandas and Excel export large and small values).
 */
const CSV_NUMBER = /^[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A cell's number as CSV_NUMBER reads it, or NaN. */
const csvNumber = (cell: string): number => (CSV_NUMBER.test(cell) ? Number(cell.replace(/,/g, '')) : NaN);

/**
 * A CSV table column as the slide shows it. Its plain numbers are written by the deck's rules, as numbers
 * in the outline are (README, "How a fact reads"): grouped from 1,000 ("1234567" → "1,234,567"), an
 * exponent spelled out ("1.2E+06" → "1,200,000"), the decimals as written ("12.50" stays "12.50", at
 * most 6), a written "+" kept (a change: "+3.2"). A column whose numbers are all whole and from 1000 to
 * 2999 holds years (or other identifiers) and is not grouped; one such number among counts (980, 1020,
 * 1110) is a count and is. Everything else is shown as written: words, units, percentages, codes with
 * leading zeros ("0800"), numbers too large to draw.
 */
export function csvColumnText(cells: readonly string[]): string[] {
  const numbers = cells.map(csvCellNumber);
  const years = numbers.every((n) => !n || (n.decimals === 0 && looksLikeYear(n.value)));
  return cells.map((cell, i) => {
    const n = numbers[i];
    if (!n) return cell;
    const text = formatNumber(n.value, n.decimals, cell.includes(',') || !years);
    return cell.startsWith('+') && /[1-9]/.test(text) ? `+${text}` : text;
  });
}

const MAX_CELL_DECIMALS = 6;

/** A cell's number and the decimals to show it with, or undefined when the cell is shown as written. */
function csvCellNumber(cell: string): { value: number; decimals: number } | undefined {
  const value = csvNumber(cell);
  // NaN fails the size test too.
  if (/^[-+]?0\d/.test(cell) || !(Math.abs(value) <= MAX_CHART_VALUE)) return undefined;
  const [mantissa = '', exponent = '0'] = cell.split(/[eE]/);
  const dot = mantissa.indexOf('.');
  const written = Math.max(0, (dot < 0 ? 0 : mantissa.length - dot - 1) - Number(exponent));
  // Floating-point noise from a script ("0.30000000000000004") is rounded to 6 decimals and trimmed.
  return { value, decimals: written <= MAX_CELL_DECIMALS ? written : decimalsIn(Number(value.toFixed(MAX_CELL_DECIMALS))) };
}

/** The numbers of one column; a cell that is not a number, or too large to draw, is an error at its CSV line. */
export function numericColumn(table: CsvTable, index: number, where: { span: Span; path: string }, diags: Diagnostics): number[] | undefined {
  const out: number[] = [];
  let ok = true;
  table.rows.forEach((row, r) => {
    const cell = row[index] ?? '';
    const value = csvNumber(cell);
    const at = `${table.name}:${table.lines[r]}: column \`${table.header[index]}\` has \`${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}\``;
    if (ok && Number.isNaN(value)) {
      diags.error('data-not-a-number', `${at}, not a number`, {
        ...where,
        hint: 'write plain numbers in value columns (1234.5, 1,234.5 or 1.2E+06), with no units or notes',
      });
      ok = false;
    } else if (ok && !(Math.abs(value) <= MAX_CHART_VALUE)) {
      diags.error('value-too-large', `${at}, too large to draw (at most 10^15 either way)`, {
        ...where,
        hint: 'state the column in a larger unit: divide it by a thousand or a million and say so in the chart\'s `unit:`',
      });
      ok = false;
    }
    out.push(value);
  });
  return ok ? out : undefined;
}

// CSV data files for charts and tables: read with csv-parse, columns chosen by header name. A problem in
// a data file is located twice: at the YAML line that names the file or column, and at the CSV line.
import { parse } from 'csv-parse/sync';
import type { Diagnostics, Span } from '../diagnostics.js';
import { suggestion } from '../outline/suggest.js';

export interface CsvTable {
  /** File name as written in the outline, for messages. */
  name: string;
  header: string[];
  rows: string[][];
  /** 1-based line in the CSV file of each row (rows start after the header). */
  lines: number[];
}

export interface DataReader {
  (name: string): { text: string; path: string } | { error: string };
}

/** Reads and parses a CSV file; undefined (with a located error) when it cannot be used. */
export function loadCsv(name: string, read: DataReader, where: { span: Span; path: string }, diags: Diagnostics): CsvTable | undefined {
  const found = read(name);
  if ('error' in found) {
    diags.error('data-not-found', found.error, { ...where, hint: 'give the CSV file’s path relative to the outline, e.g. data/zones.csv' });
    return undefined;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(found.text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number; record?: string[] };
    const ragged = err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH';
    diags.error(ragged ? 'data-ragged-row' : 'data-bad-csv', `${name}:${err.lines ?? '?'}: ${ragged ? `this row has ${err.record?.length ?? 'a different number of'} cells, the header has a different number` : err.message}`, {
      ...where,
      hint: ragged ? 'give every row one cell per header column (quote cells that contain commas)' : 'check the quoting on that line of the CSV file',
    });
    return undefined;
  }
  const [head, ...body] = records;
  if (!head || body.length === 0) {
    diags.error('data-empty', `${name} has ${head ? 'a header but no rows' : 'no header and no rows'}`, { ...where, hint: 'the first line names the columns; each later line is one row' });
    return undefined;
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

/** The numbers of one column; a cell that is not a number is an error at its CSV line. */
export function numericColumn(table: CsvTable, index: number, where: { span: Span; path: string }, diags: Diagnostics): number[] | undefined {
  const out: number[] = [];
  let ok = true;
  table.rows.forEach((row, r) => {
    const cell = row[index] ?? '';
    const value = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(cell) && /\d/.test(cell) ? Number(cell.replace(/,/g, '')) : NaN;
    if (Number.isNaN(value)) {
      if (ok) {
        diags.error('data-not-a-number', `${table.name}:${table.lines[r]}: column \`${table.header[index]}\` has \`${cell}\`, not a number`, {
          ...where,
          hint: 'write plain numbers in value columns (1234.5 or 1,234.5), with no units or notes',
        });
      }
      ok = false;
    }
    out.push(value);
  });
  return ok ? out : undefined;
}

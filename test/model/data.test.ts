// CSV data files: series and table rows by column name, and bad CSV located at both the YAML line and
// the CSV line. Reads stay inside the outline's folder (and allowed folders), never the network.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempDir } from '../helpers.js';

const DATA = path.join(import.meta.dirname, '..', 'fixtures', 'data');

const chartDeck = (file: string, column = 'output') => `deck:
  title: Data
slides:
  - type: chart
    title: From CSV
    chart:
      kind: bar
      data: ${file}
      labels: year
      series:
        - name: Output
          column: ${column}
`;

async function run(text: string, options: Parameters<typeof build>[1] = {}) {
  return build(text, { baseDir: DATA, layoutOnly: true, ...options });
}

describe('CSV data', () => {
  it('fills chart labels and series from columns by header name', async () => {
    const r = await run(chartDeck('good.csv'));
    expect(r.diagnostics).toEqual([]);
    const chart = r.deck!.slides[0]!;
    expect(chart.kind === 'chart' && chart.chart.labels).toEqual(['2022', '2023']);
    expect(chart.kind === 'chart' && chart.chart.series[0]!.values).toEqual([1234.5, 1300]);
    expect(r.inputs).toEqual([path.join(DATA, 'good.csv')]);
  });

  it('fills a table from chosen columns, with the CSV header by default', async () => {
    const r = await run(`deck:\n  title: Data\nslides:\n  - type: table\n    title: T\n    data: not-a-number.csv\n    columns: [note, year]\n`);
    expect(r.diagnostics).toEqual([]);
    const t = r.deck!.slides[0]!;
    expect(t.kind === 'table' && t.header.map((h) => h[0]!.text)).toEqual(['note', 'year']);
    expect(t.kind === 'table' && t.rows.map((row) => row.map((c) => c.text[0]!.text))).toEqual([['ok', '2022'], ['estimate', '2023'], ['ok', '2024']]);
    expect(t.kind === 'table' && t.numericColumns).toEqual([false, true]);
  });

  it('writes the numbers of a CSV table by the deck rules, column by column, and leaves other cells as written', async () => {
    const dir = tempDir('data');
    const csv = [
      'name,count,year,change,share,code,big,noise,tiny',
      'a,980,2022,+3.2,12.5%,0800,1.2E+06,0.30000000000000004,3e-4',
      'b,1020,2023,-1.10,n/a,1200,"1,999",12.50,-0',
      'c,1234567,2024,+0,,007,2e16,1.1234567,.5',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'cells.csv'), `${csv}\n`);
    const r = await run(`deck:\n  title: Data\nslides:\n  - type: table\n    title: T\n    data: cells.csv\n`, { baseDir: dir });
    expect(r.diagnostics).toEqual([]);
    const t = r.deck!.slides[0]!;
    if (t.kind !== 'table') throw new Error('not a table');
    const columns = t.header.map((_, c) => t.rows.map((row) => row[c]!.text[0]?.text ?? ''));
    expect(columns).toEqual([
      ['a', 'b', 'c'],
      // One count among the year-like values: the column is counts, grouped.
      ['980', '1,020', '1,234,567'],
      // All whole and from 1000 to 2999: years, not grouped.
      ['2022', '2023', '2024'],
      // A written plus stays (not on zero); the decimals as written.
      ['+3.2', '-1.10', '0'],
      ['12.5%', 'n/a', ''],
      // Leading zeros: a code, as written; 1200 alone is year-like and stays ungrouped.
      ['0800', '1200', '007'],
      // An exponent spelled out; a number written with commas keeps its grouping; too large to draw: as written.
      ['1,200,000', '1,999', '2e16'],
      // Floating-point noise from a script rounded to 6 decimals and trimmed.
      ['0.3', '12.50', '1.123457'],
      ['0.0003', '0', '0.5'],
    ]);
    expect(t.numericColumns).toEqual([false, true, true, true, false, true, false, true, true]);
  });

  it('reads years from the column in an outline table too: a year-like count among counts is grouped', async () => {
    const r = await run(`deck:\n  title: T\nslides:\n  - type: table\n    title: T\n    header: [Year, Calls]\n    rows:\n      - [2023, 980]\n      - [2024, 1020]\n`);
    expect(r.diagnostics).toEqual([]);
    const t = r.deck!.slides[0]!;
    expect(t.kind === 'table' && t.rows.map((row) => row.map((c) => c.text[0]!.text))).toEqual([['2023', '980'], ['2024', '1,020']]);
  });

  it('names the YAML line and the CSV line of a cell that is not a number', async () => {
    const [d] = (await run(chartDeck('not-a-number.csv'))).diagnostics;
    expect(d).toMatchObject({ code: 'data-not-a-number', span: { line: 12, col: 19 } });
    expect(d!.message).toBe('not-a-number.csv:3: column `output` has `n/a`, not a number');
  });

  it('reads numbers with an exponent as spreadsheets export them, and locates one too large to draw', async () => {
    const dir = tempDir('data');
    fs.writeFileSync(path.join(dir, 'exp.csv'), 'year,output\n2022,1.2E+06\n2023,-3e-4\n2024,".5"\n2025,"1,234.5e2"\n');
    const r = await run(chartDeck('exp.csv'), { baseDir: dir });
    expect(r.diagnostics).toEqual([]);
    const chart = r.deck!.slides[0]!;
    expect(chart.kind === 'chart' && chart.chart.series[0]!.values).toEqual([1.2e6, -3e-4, 0.5, 123450]);

    fs.writeFileSync(path.join(dir, 'huge.csv'), 'year,output\n2022,1\n2023,1e300\n2024,1e400\n');
    const huge = (await run(chartDeck('huge.csv'), { baseDir: dir })).diagnostics;
    expect(huge).toHaveLength(1);
    expect(huge[0]).toMatchObject({ code: 'value-too-large', span: { line: 12, col: 19 } });
    expect(huge[0]!.message).toBe('huge.csv:3: column `output` has `1e300`, too large to draw (at most 10^15 either way)');
    expect(huge[0]!.hint).toMatch(/divide it by a thousand or a million/);

    for (const cell of ['e5', '1e', '1.e5', '1e5.5', '0x10', 'Infinity', '1_000']) {
      fs.writeFileSync(path.join(dir, 'bad.csv'), `year,output\n2022,${cell}\n`);
      const [d] = (await run(chartDeck('bad.csv'), { baseDir: dir })).diagnostics;
      expect(d, cell).toMatchObject({ code: 'data-not-a-number' });
    }
  });

  it('names a missing column with the columns there are', async () => {
    const [d] = (await run(chartDeck('good.csv', 'outptu'))).diagnostics;
    expect(d).toMatchObject({ code: 'data-missing-column', span: { line: 12, col: 19 } });
    expect(d!.message).toMatch(/^good\.csv:1: there is no column `outptu`/);
    expect(d!.hint).toMatch(/did you mean `output`/);
  });

  it('names the CSV line of a ragged row', async () => {
    const [d] = (await run(chartDeck('ragged.csv'))).diagnostics;
    expect(d).toMatchObject({ code: 'data-ragged-row', span: { line: 8, col: 13 } });
    expect(d!.message).toMatch(/^ragged\.csv:3: /);
  });

  it('reads only inside the outline folder unless a folder is allowed, and never the network', async () => {
    const outside = tempDir('data');
    fs.copyFileSync(path.join(DATA, 'good.csv'), path.join(outside, 'elsewhere.csv'));
    const rel = path.relative(DATA, path.join(outside, 'elsewhere.csv'));
    const refused = (await run(chartDeck(rel))).diagnostics[0]!;
    expect(refused.code).toBe('data-not-found');
    expect(refused.message).toMatch(/outside the outline's folder .*--allow-path/);
    expect((await run(chartDeck(rel), { allowPaths: [outside] })).diagnostics).toEqual([]);
    const web = (await run(chartDeck('https://example.org/x.csv'))).diagnostics[0]!;
    expect(web.message).toMatch(/never reads from the network/);
  });
});

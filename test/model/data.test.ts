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

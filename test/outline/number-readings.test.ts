// Plain YAML words that YAML reads as numbers (010, 0x1F, 0o17, 007, 1.50, 1e3, +5, a date 0800) warn
// where the number becomes text on a slide, and suggest quotes; numbers meant as numbers do not warn.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/outline/parse.js';

const warnings = (yaml: string) =>
  parseOutline(yaml).diagnostics.list.filter((d) => d.code === 'yaml-number-reading').map((d) => `${d.path} ${d.span?.line}:${d.span?.col} ${d.hint}`);

describe('numbers YAML read from words', () => {
  it('warn in labels, table cells, timeline dates and stat values, with the quoted form', () => {
    const yaml = [
      'deck: { title: N }',
      'slides:',
      '  - { type: chart, title: C, chart: { kind: bar, labels: [010, 0x1F, 0o17, 007, 1.50, 1e3, +5, 2024, "010"], series: [{ name: s, values: [010, 1, 2, 3, 4, 5, 6, 7, 8] }] } }',
      '  - { type: table, title: T, header: [a, b], rows: [[007, 12500], ["007", 1.0]] }',
      '  - { type: timeline, title: L, events: [{ date: 0800, title: a }, { date: 2024, title: b }] }',
      '  - { type: stats, title: S, stats: [{ value: 0x10, label: a }, { value: 16, label: b }] }',
    ].join('\n');
    expect(warnings(yaml)).toEqual([
      'slides[0].chart.labels[0] 3:59 put it in quotes to keep it as written: "010"',
      'slides[0].chart.labels[1] 3:64 put it in quotes to keep it as written: "0x1F"',
      'slides[0].chart.labels[2] 3:70 put it in quotes to keep it as written: "0o17"',
      'slides[0].chart.labels[3] 3:76 put it in quotes to keep it as written: "007"',
      'slides[0].chart.labels[4] 3:81 put it in quotes to keep it as written: "1.50"',
      'slides[0].chart.labels[5] 3:87 put it in quotes to keep it as written: "1e3"',
      'slides[0].chart.labels[6] 3:92 put it in quotes to keep it as written: "+5"',
      'slides[1].rows[0][0] 4:54 put it in quotes to keep it as written: "007"',
      'slides[1].rows[1][1] 4:75 put it in quotes to keep it as written: "1.0"',
      'slides[2].events[0].date 5:50 put it in quotes to keep it as written: "0800"',
      'slides[3].stats[0].value 6:47 put it in quotes to keep it as written: "0x10"',
    ]);
  });

  it('the warning names what the slide would show', () => {
    const d = parseOutline('deck: { title: N }\nslides:\n  - { type: timeline, title: L, events: [{ date: 0800, title: a }, { date: 2024, title: b }] }\n').diagnostics.list;
    expect(d.map((x) => x.message)).toEqual(['`0800` is read as the number 800, so the slide shows 800 rather than what was written']);
  });
});

// Indentation help: a line out of step with its block is one error at that line, naming the blocks it
// could belong to by YAML path and how far they are indented; yaml's follow-on errors are dropped. A
// list item indented so far that YAML folds it into the text above is a warning.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/outline/parse.js';

const diags = (yaml: string) => parseOutline(yaml).diagnostics.list.map((d) => ({ at: `${d.span?.line}:${d.span?.col}`, severity: d.severity, message: d.message, hint: d.hint }));
const head = 'deck:\n  title: T\nslides:\n';

describe('a mis-indented line', () => {
  const cases: { name: string; yaml: string; at: string; message: RegExp; hint: RegExp }[] = [
    {
      name: 'a key one space short of its map, between two blocks',
      yaml: `${head}  - type: chart\n    title: C\n    chart:\n      kind: bar\n      labels: [a]\n     series:\n        - { name: x, values: [1] }\n`,
      at: '9:6',
      message: /`series:` is indented 5 spaces, which matches no block here: the keys of slides\[0\]\.chart are indented 6, the keys of slides\[0\] are indented 4/,
      hint: /indent it 6 spaces to put it with the keys of slides\[0\]\.chart \(like `labels:` on line 8\), or 4 to put it with the keys of slides\[0\] \(like `chart:` on line 6\)/,
    },
    {
      name: 'a key one space deeper than the key above it (yaml reports the line before)',
      yaml: `${head}  - type: section\n    title: Part\n     subtitle: oops\n`,
      at: '6:6',
      message: /`subtitle:` is indented 5 spaces, which matches no block here: the keys of slides\[0\] are indented 4$/,
      hint: /^indent it 4 spaces, like `title:` on line 5$/,
    },
    {
      name: 'a list item between two lists',
      yaml: `${head}  - type: bullets\n    title: B\n    bullets:\n      - a\n     - b\n`,
      at: '8:6',
      message: /this `-` item is indented 5 spaces, which matches no block here: the items of slides\[0\]\.bullets are indented 6, the items of slides are indented 2/,
      hint: /indent it 6 spaces to put it with the items of slides\[0\]\.bullets/,
    },
    {
      name: 'a top-level-ish key',
      yaml: 'deck:\n  title: T\n subtitle: S\nslides:\n  - type: title\n',
      at: '3:2',
      message: /the keys of deck are indented 2, the top-level keys are indented 0/,
      hint: /indent it 2 spaces to put it with the keys of deck \(like `title:` on line 2\), or 0 to put it with the top-level keys \(like `deck:` on line 1\)/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: one error at the line, with the blocks and their columns`, () => {
      const d = diags(c.yaml).filter((x) => x.severity === 'error');
      expect(d).toHaveLength(1);
      expect(d[0]!.at).toBe(c.at);
      expect(d[0]!.message).toMatch(c.message);
      expect(d[0]!.hint).toMatch(c.hint);
    });
  }

  it('leaves other syntax errors as yaml says them', () => {
    const d = diags(`${head}  - type: title\n    title: "unclosed\n`);
    expect(d.some((x) => /never closed/.test(x.message))).toBe(true);
  });
});

describe('a list item folded into the text above', () => {
  it('warns at the dash, naming the item it joined', () => {
    const d = diags(`${head}  - type: bullets\n    title: B\n    bullets:\n      - First point about net sales\n        - About 161,000 employees\n      - Third\n`);
    expect(d).toEqual([
      expect.objectContaining({ at: '8:9', severity: 'warning', message: '`- About 161,000 employees` looks like a list item indented too far: it is read as part of the text of slides[0].bullets[0]' }),
    ]);
    expect(d[0]!.hint).toMatch(/for a sub-point, write the point as `- text: …` with `sub:`/);
  });

  it('does not warn for a dash inside the text or a quoted text', () => {
    expect(diags(`${head}  - type: bullets\n    title: B\n    bullets:\n      - Costs rose - again\n      - "First\n        - quoted"\n`)).toEqual([]);
  });
});

// Every problem in one run: an outline with several independent mistakes reports each of them at once
// (schema errors and the semantic checks on the parts that parsed), and nothing that follows from them.
// Each fixture in test/fixtures/outlines/every-problem/ lists every error it must give as
// `# expect: code line:col`; the errors must be exactly those.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'outlines', 'every-problem');
const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('every problem in one run', () => {
  it('has the seven-mistake outline', () => expect(fixtures).toContain('seven-mistakes.yaml'));

  for (const f of fixtures) {
    it(`${f}: exactly the errors it lists`, async () => {
      const text = fs.readFileSync(path.join(DIR, f), 'utf8');
      const expected = [...text.matchAll(/^# expect: (\S+) (\d+:\d+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
      const result = await build(text, { baseDir: DIR, layoutOnly: true });
      const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`);
      expect(errors).toEqual(expected);
      expect(result.diagnostics.filter((d) => d.severity === 'error').every((d) => d.hint)).toBe(true);
    });
  }
});

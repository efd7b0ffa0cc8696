// Bad outlines in test/fixtures/outlines/bad/ each start with "# expect: CODE LINE:COL"; every file found
// there is a case. Good outlines in good/ must parse with no errors.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInputs } from '../../src/inputs.js';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics.js';
import { buildModel } from '../../src/model/build-model.js';
import { parseOutline } from '../../src/outline/parse.js';

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'outlines');
const cases = (sub: string) => fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.yaml')).sort();

/** Parse + model, as the build does before layout. */
function check(text: string, baseDir?: string): Diagnostics {
  const diags = new Diagnostics();
  const parsed = parseOutline(text, diags);
  const files = baseDir ? fileInputs({ baseDir }) : undefined;
  const assets = files?.asset ?? (() => ({ error: 'no assets in this test' }));
  if (parsed.outline) buildModel(parsed.outline, parsed.locate, diags, assets, files ? { readData: files.data } : {});
  return diags;
}

describe('bad outlines give located errors', () => {
  it('has cases', () => expect(cases('bad').length).toBeGreaterThanOrEqual(15));
  for (const file of cases('bad')) {
    it(file, () => {
      const text = fs.readFileSync(path.join(dir, 'bad', file), 'utf8');
      const m = /^# expect: (\S+) (\d+):(\d+)/.exec(text);
      expect(m, 'fixture needs a "# expect: CODE LINE:COL" first line').not.toBeNull();
      const [, code, line, col] = m!;
      const errors = check(text, path.join(dir, 'bad')).errors;
      const shown = errors.map((e) => formatDiagnostic(e, file, text)).join('\n');
      expect(errors.map((e) => e.code), shown).toContain(code);
      const hit = errors.find((e) => e.code === code)!;
      expect(hit.span, shown).toEqual({ line: Number(line), col: Number(col) });
    });
  }
});

describe('good outlines parse cleanly', () => {
  const decks = path.join(dir, '..', '..', '..', 'decks');
  const files = [...cases('good').map((f) => path.join(dir, 'good', f)), ...fs.readdirSync(decks).filter((f) => f.endsWith('.yaml')).map((f) => path.join(decks, f))];
  for (const file of files) {
    it(path.basename(file), () => {
      const errors = check(fs.readFileSync(file, 'utf8'), path.dirname(file)).errors;
      expect(errors.map((e) => formatDiagnostic(e, file))).toEqual([]);
    });
  }
});

describe('messages', () => {
  it('suggests the nearest key and lists the allowed ones', () => {
    const errors = check('deck:\n  titel: x\nslides:\n  - type: title\n').errors;
    const unknown = errors.find((e) => e.code === 'unknown-key')!;
    expect(unknown.hint).toMatch(/did you mean `title`/);
    expect(unknown.path).toBe('deck.titel');
  });
  it('suggests the nearest slide type', () => {
    const errors = check('deck:\n  title: x\nslides:\n  - type: buletts\n').errors;
    expect(errors[0]!.hint).toMatch(/did you mean `bullets`/);
  });
  it('prints file:line:col, the line and a caret', () => {
    const text = 'deck:\n  title: x\nslides:\n  - type: chrat\n';
    const [d] = check(text).errors;
    const out = formatDiagnostic(d!, 'decks/x.yaml', text);
    expect(out.split('\n')[0]).toBe('decks/x.yaml:4:11: error: unknown slide type `chrat` [unknown-slide-type]');
    expect(out).toContain('4 |   - type: chrat');
    expect(out).toMatch(/\n\s+\|\s{11}\^/);
  });
  it('reports every problem in one run', () => {
    const errors = check('deck:\n  title: x\n  colour: red\nslides:\n  - type: chrat\n  - type: bullets\n    title: t\n').errors;
    expect(errors.map((e) => e.code).sort()).toEqual(['missing-key', 'unknown-key', 'unknown-slide-type']);
  });
  it('bounds YAML aliases (billion laughs)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const errors = check(bomb.join('\n') + '\n').errors;
    expect(errors.map((e) => e.code)).toContain('yaml-alias-limit');
  });
});

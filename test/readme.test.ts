// README.md stays true: its complete example is the example deck that the tests build, and it documents
// every slide type, chart kind and CLI option that the code accepts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../src/model/types.js';
import { SLIDE_TYPES } from '../src/outline/schema.js';
import { DECKS, ROOT, run } from './helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('shows decks/example-quarterly.yaml verbatim as its complete example', () => {
    const deck = fs.readFileSync(path.join(DECKS, 'example-quarterly.yaml'), 'utf8');
    expect(readme).toContain('```yaml\n' + deck + '```');
  });
  it('documents every slide type and chart kind', () => {
    for (const t of SLIDE_TYPES) expect(readme, t).toMatch(new RegExp(`#### \`${t}\``));
    for (const k of CHART_KINDS) expect(readme, k).toContain(`\`${k}\``);
  });
  it('documents every command and every CLI option', () => {
    for (const command of ['build', 'validate', 'watch', 'preview', 'serve', 'init', 'schema', 'template']) {
      expect(readme, command).toContain(`| \`${command}\` |`);
      const help = run(process.execPath, [path.join(ROOT, 'dist', 'bin', 'briefdeck.js'), command, '--help']).stdout;
      const synopsis = new RegExp(`^briefdeck ${command} +[<[].*$`, 'm').exec(readme)?.[0] ?? '';
      // In the command's synopsis line, or (for -o/--out, -q/--quiet) as the long name in the options table.
      for (const flag of help.match(/--[a-z-]+/g) ?? []) if (flag !== '--help') expect(synopsis.includes(flag) || new RegExp(`, ${flag}[ \\x60]`).test(readme), `${command} ${flag}`).toBe(true);
    }
  });
});

// The shipped CLI (dist/, built by `npm test` before vitest runs): exit codes, located messages, no stack
// traces for user mistakes, and a failed build never touching an existing output file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DECKS, ROOT, run, tempDir } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
const cli = (...args: string[]) => run(process.execPath, [CLI, ...args]);

describe('briefdeck CLI', () => {
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error('dist/bin/briefdeck.js is missing: run `npm run build` (npm test does it first)');
  });

  it('builds a deck and says what it wrote', () => {
    const out = path.join(tempDir('cli'), 'deck.pptx');
    const r = cli('build', path.join(DECKS, 'etdz-briefing.yaml'), '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*deck\.pptx \(\d+ slides, \d+ charts\) in \d+ ms$/m);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a broken outline with located errors, exit 1, and keeps the previous deck byte-identical', () => {
    const dir = tempDir('cli');
    const outline = path.join(dir, 'deck.yaml');
    const out = path.join(dir, 'deck.pptx');
    fs.copyFileSync(path.join(DECKS, 'etdz-briefing.yaml'), outline);
    expect(cli('build', outline, '-o', out).status).toBe(0);
    const before = fs.readFileSync(out);

    const broken = fs.readFileSync(outline, 'utf8').replace(/type: bullets/, 'type: bulets').replace(/\{[a-z_]+\}/, '{no_such_fact}');
    fs.writeFileSync(outline, broken);
    const r = cli('build', outline, '-o', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/deck\.yaml:\d+:\d+: error: unknown slide type `bulets`/);
    expect(r.stderr).toMatch(/did you mean `bullets`/);
    expect(r.stderr).not.toMatch(/^\s+at .*\.js:\d+/m);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    fs.writeFileSync(outline, 'deck:\n  title: "unclosed\nslides: []\n');
    const syntax = cli('build', outline, '-o', out);
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toMatch(/deck\.yaml:2:10: error: YAML syntax/);
    expect(syntax.stderr).toMatch(/\|\s+\^/);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
  });

  it('validates without writing', () => {
    const r = cli('validate', path.join(DECKS, 'etdz-briefing.yaml'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/valid \(18 slides, 3 charts\)/);
  });

  it('names a missing file plainly', () => {
    const r = cli('build', 'decks/no-such-deck.yaml');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^briefdeck: cannot read decks\/no-such-deck\.yaml: no such file\n {2}hint: check the path/);
  });

  it('prints help and version', () => {
    expect(cli('--help').stdout).toMatch(/build \[options\] <outlines\.\.\.>/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli('--version').stdout.trim()).toBe(pkg.version);
  });

  it('fails with exit 1 on an unknown command', () => {
    const r = cli('bulid', 'x.yaml');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown command/);
  });
});

describe('output for programs', () => {
  it('--json prints one JSON object with the diagnostics (located) and the summary', () => {
    const dir = tempDir('json');
    const outline = path.join(dir, 'bad.yaml');
    fs.writeFileSync(outline, 'deck:\n  title: x\nslides:\n  - type: chrat\n');
    const bad = cli('build', outline, '--json');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('');
    const report = JSON.parse(bad.stdout) as { ok: boolean; diagnostics: { line: number; column: number; code: string; severity: string }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toEqual([expect.objectContaining({ line: 4, column: 11, code: 'unknown-slide-type', severity: 'error' })]);

    const good = cli('build', path.join(DECKS, 'etdz-briefing.yaml'), '-o', path.join(dir, 'd.pptx'), '--json');
    expect(good.status, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, slides: 18, charts: 3, diagnostics: [] });
  });

  it('draws no progress animation when stderr is not a terminal, and --quiet prints nothing on success', () => {
    const r = cli('build', path.join(DECKS, 'etdz-briefing.yaml'), '-o', path.join(tempDir('q'), 'd.pptx'), '--quiet');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });
});

// The command-line conventions users expect: several outlines (files, folders, globs) in one command on
// a worker pool, each reported on its own lines and a verdict for all; `-` for standard input and
// output with the same bytes as files; a verdict line at the end of every command; a repeated warning
// printed once with its count; colour only on a terminal or when forced, and never with NO_COLOR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandOutlines } from '../../src/cli/outlines.js';
import { DECKS, FIXTURE_DECKS, ROOT, tempDir } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');

function cli(args: string[], opts: { cwd?: string; input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}) {
  const env = { ...process.env, ...opts.env };
  if (!opts.env || !('FORCE_COLOR' in opts.env)) delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', env, maxBuffer: 1 << 26 });
  return { status: r.status ?? -1, stdout: r.stdout, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** A project folder with a copy of decks/ and assets/. */
function project(): string {
  const dir = tempDir('conventions');
  fs.cpSync(DECKS, path.join(dir, 'decks'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  return dir;
}

describe('several outlines in one command', () => {
  it('builds every outline of a folder, one report each in the order given, and a verdict', () => {
    const dir = project();
    const r = cli(['build', 'decks'], { cwd: dir });
    expect(r.status, r.err).toBe(0);
    const names = fs.readdirSync(DECKS).filter((f) => f.endsWith('.yaml')).sort();
    const wrote = r.out.split('\n').filter((l) => l.startsWith('wrote '));
    expect(wrote.map((l) => /^wrote output\/(\S+)\.pptx/.exec(l)?.[1])).toEqual(names.map((n) => n.replace('.yaml', '')));
    expect(r.out.trim().split('\n').pop()).toBe(`${names.length} outlines: ${names.length} built`);
    for (const n of names) expect(fs.existsSync(path.join(dir, 'output', n.replace('.yaml', '.pptx')))).toBe(true);
  });

  it('exits 1 when any outline fails, names it, and writes the others into the -o folder', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'decks', 'broken.yaml'), 'deck:\n  title: Broken\nslides: [\n');
    const r = cli(['build', 'decks/*.yaml', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^decks\/broken\.yaml:\d+:\d+: error: /m);
    expect(r.err.trim().split('\n').pop()).toMatch(/^\d+ outlines: \d+ built, 1 not built$/);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toContain('etdz-briefing.pptx');
    expect(fs.existsSync(path.join(dir, 'out', 'broken.pptx'))).toBe(false);
  });

  it('validates several outlines with one JSON line each', () => {
    const r = cli(['validate', '--json', path.join(DECKS, 'etdz-briefing.yaml'), path.join(DECKS, 'example-quarterly.yaml')]);
    expect(r.status, r.err).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { file: string; charts: number; ok: boolean });
    expect(lines.map((l) => [path.basename(l.file), l.ok])).toEqual([['etdz-briefing.yaml', true], ['example-quarterly.yaml', true]]);
    // validate draws nothing, yet counts the charts of the placed deck.
    expect(lines[0]!.charts).toBe(3);
  });

  it('expands folders and globs, keeps the order given and lists each outline once', () => {
    const files = expandOutlines(['decks/etdz-briefing.yaml', 'decks', 'decks/*-quarterly.yaml'], ROOT);
    expect(files[0]).toBe('decks/etdz-briefing.yaml');
    expect(files.filter((f) => f.endsWith('etdz-briefing.yaml'))).toHaveLength(1);
    expect(files).toContain(path.join('decks', 'example-quarterly.yaml'));
    expect(files.every((f) => /\.ya?ml$/.test(f))).toBe(true);
    expect(() => expandOutlines(['decks/*.nothing'], ROOT)).toThrow(/no outline matches/);
    expect(() => expandOutlines(['-', 'decks'], ROOT)).toThrow(/cannot be combined/);
  });
});

describe('standard input and output', () => {
  it('`cat x.yaml | briefdeck build - -o -` gives the same bytes as `briefdeck build x.yaml -o x.pptx`, and nothing else on stdout', () => {
    const dir = path.join(project(), 'decks');
    const byFile = cli(['build', 'etdz-briefing.yaml', '-o', 'x.pptx'], { cwd: dir });
    expect(byFile.status, byFile.err).toBe(0);
    const piped = cli(['build', '-', '-o', '-'], { cwd: dir, input: fs.readFileSync(path.join(dir, 'etdz-briefing.yaml')) });
    expect(piped.status, piped.err).toBe(0);
    expect(piped.stdout.equals(fs.readFileSync(path.join(dir, 'x.pptx')))).toBe(true);
    expect(piped.err).toMatch(/^wrote the deck to standard output \(18 slides, 3 charts\)/m);
  });

  it('validates standard input, and asks for -o when building it', () => {
    const text = fs.readFileSync(path.join(DECKS, 'etdz-briefing.yaml'));
    const v = cli(['validate', '-'], { cwd: DECKS, input: text });
    expect(v.status, v.err).toBe(0);
    expect(v.out).toMatch(/^<stdin>: valid \(18 slides, 3 charts\)$/m);
    const b = cli(['build', '-'], { cwd: DECKS, input: text });
    expect(b.status).toBe(1);
    expect(b.err).toMatch(/needs `-o FILE`/);
    const bad = cli(['validate', '-'], { input: 'deck: [\n' });
    expect(bad.status).toBe(1);
    expect(bad.err).toMatch(/^<stdin>:\d+:\d+: error: /m);
  });
});

describe('what a command prints', () => {
  it('ends validate --strict with a verdict line when only warnings fail it', () => {
    const r = cli(['validate', '--strict', path.join(FIXTURE_DECKS, 'stress-fitting.yaml')]);
    expect(r.status).toBe(1);
    expect(r.err.trim().split('\n').pop()).toMatch(/stress-fitting\.yaml: not valid \(0 errors, \d+ warnings?, and --strict counts warnings\)$/);
  });

  it('prints a warning repeated in several places once, with its count and the other places', () => {
    const r = cli(['build', path.join(ROOT, 'test', 'fixtures', 'native-charts.yaml'), '-o', path.join(tempDir('native'), 'n.pptx')]);
    expect(r.status, r.err).toBe(0);
    const heads = r.err.split('\n').filter((l) => l.includes('[native-chart]'));
    expect(heads).toHaveLength(1);
    expect(r.err).toMatch(/\((\d+) times in all; also at \d+:\d+(, \d+:\d+)*\)/);
    expect(r.err).toMatch(/^0 errors, (\d+) warnings$/m);
  });

  it('colours diagnostics only when forced or on a terminal, never with NO_COLOR', () => {
    const broken = path.join(tempDir('colour'), 'x.yaml');
    fs.writeFileSync(broken, 'deck:\n  title: X\nslides: [\n');
    expect(cli(['validate', broken]).err).not.toContain('\x1b[');
    expect(cli(['validate', broken], { env: { FORCE_COLOR: '1' } }).err).toContain('\x1b[');
    expect(cli(['validate', broken], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).err).not.toContain('\x1b[');
  });
});

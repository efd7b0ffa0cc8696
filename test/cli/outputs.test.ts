// Outputs never touch inputs, end to end through the shipped CLI: an output that is the outline (by any
// path: .., a symlink, a hard link), a CSV file or a picture the deck reads, or anything but a regular
// file is refused with exit 1 and a message naming both paths; nothing is written, nothing is replaced.
// Also: --json prints exactly one JSON object, internal errors included, and the internal error is one line.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
// A watch that wrongly starts (the guard missed) would run until killed: end it, so the test fails instead of hanging.
const cli = (args: string[], cwd: string) => run(process.execPath, [CLI, ...args], { cwd, timeout: 120_000 });
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A deck folder with an outline that reads a CSV file and a picture. */
function project(): string {
  const dir = tempDir('outputs');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.copyFileSync(path.join(ROOT, 'assets', 'briefdeck-logo.png'), path.join(dir, 'assets', 'logo.png'));
  fs.writeFileSync(path.join(dir, 'data.csv'), 'year,value\n2022,1\n2023,2\n');
  fs.writeFileSync(
    path.join(dir, 'deck.yaml'),
    'deck:\n  title: Inputs\nslides:\n  - type: chart\n    title: Values\n    chart:\n      kind: bar\n      data: data.csv\n      labels: year\n      series:\n        - name: Value\n          column: value\n  - type: image\n    title: Logo\n    image: logo.png\n    alt: The logo\n',
  );
  return dir;
}

const inputs = ['deck.yaml', 'data.csv', 'assets/logo.png'];
const hashes = (dir: string) => inputs.map((f) => sha(path.join(dir, f)));

describe('an output that would destroy an input', () => {
  const cases: { name: string; out: (dir: string) => string; input: string }[] = [
    { name: 'the outline itself', out: () => 'deck.yaml', input: 'deck.yaml' },
    { name: 'the outline through ..', out: () => 'sub/../deck.yaml', input: 'deck.yaml' },
    // The file system calls `nosuch/../deck.yaml` missing, but the write lands on deck.yaml.
    { name: 'the outline through a folder that does not exist and ..', out: () => 'nosuch/../deck.yaml', input: 'deck.yaml' },
    { name: 'the CSV file through folders that do not exist', out: () => 'a/b/../../data.csv', input: 'data.csv' },
    { name: 'the outline through a symlink', out: (d) => (fs.symlinkSync(path.join(d, 'deck.yaml'), path.join(d, 'link.pptx')), 'link.pptx'), input: 'deck.yaml' },
    { name: 'a hard link to the outline', out: (d) => (fs.linkSync(path.join(d, 'deck.yaml'), path.join(d, 'hard.pptx')), 'hard.pptx'), input: 'deck.yaml' },
    { name: 'the CSV file the deck reads', out: () => 'data.csv', input: 'data.csv' },
    { name: 'the picture the deck shows', out: () => 'assets/logo.png', input: 'assets/logo.png' },
  ];
  for (const mode of ['build', 'watch'] as const) {
    for (const c of cases) {
      it(`${mode} -o ${c.name}: exit 1 naming both paths, every input byte-identical`, () => {
        const dir = project();
        const before = hashes(dir);
        const out = c.out(dir);
        const r = cli([mode, 'deck.yaml', '-o', out], dir);
        expect(r.status, r.stdout + r.stderr).toBe(1);
        expect(r.stderr).toContain(`will not write ${out}: it is a file this build reads`);
        if (path.normalize(out) !== c.input) expect(r.stderr).toContain(`the same file as ${c.input}`);
        expect(r.stderr).toMatch(/\n {2}hint: write the output somewhere else/);
        expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(hashes(dir)).toEqual(before);
        expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        for (const made of ['nosuch', 'a']) expect(fs.existsSync(path.join(dir, made))).toBe(false);
      });
    }
  }

  it('build - -o deck.yaml < deck.yaml: standard input is an input too', () => {
    const dir = project();
    const before = hashes(dir);
    const r = spawnSync(process.execPath, [CLI, 'build', '-', '-o', 'deck.yaml'], { cwd: dir, encoding: 'utf8', stdio: [fs.openSync(path.join(dir, 'deck.yaml'), 'r'), 'pipe', 'pipe'] });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('will not write deck.yaml: it is a file this build reads (standard input reads it)');
    expect(hashes(dir)).toEqual(before);
  });

  it('preview into the folder of the pictures it reads refuses to replace one', () => {
    const dir = project();
    fs.copyFileSync(path.join(dir, 'assets', 'logo.png'), path.join(dir, 'assets', 'contact-sheet.png'));
    fs.writeFileSync(path.join(dir, 'deck.yaml'), fs.readFileSync(path.join(dir, 'deck.yaml'), 'utf8').replace('image: logo.png', 'image: contact-sheet.png'));
    const before = sha(path.join(dir, 'assets', 'contact-sheet.png'));
    const r = cli(['preview', 'deck.yaml', '-o', 'assets'], dir);
    if (/preview needs/.test(r.stderr)) return; // no LibreOffice here: preview stops before writing anything
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('will not write assets/contact-sheet.png: it is a file this build reads');
    expect(sha(path.join(dir, 'assets', 'contact-sheet.png'))).toBe(before);
  });
});

describe('an output that is not a regular file', () => {
  const special: { name: string; make: (file: string) => boolean; what: RegExp }[] = [
    { name: 'a FIFO', make: (f) => spawnSync('mkfifo', [f]).status === 0, what: /a named pipe \(FIFO\)/ },
    { name: 'a device node', make: (f) => process.getuid?.() === 0 && spawnSync('mknod', [f, 'c', '1', '3']).status === 0, what: /a device/ },
    { name: 'a folder', make: (f) => (fs.mkdirSync(f), true), what: /a folder/ },
  ];
  // The name given as it is, and through a folder that does not exist (which must not be made).
  const ways = [
    { out: 'special', shown: 'special', label: '' },
    { out: 'nosuch/../special', shown: 'nosuch/\\.\\./special', label: ' (through a folder that does not exist)' },
  ];
  for (const s of special) {
    for (const w of ways) {
      it(`-o ${w.out.replace('special', s.name)}${w.label}: exit 1, left as it is`, () => {
        const dir = project();
        const target = path.join(dir, 'special');
        if (!s.make(target)) return; // mknod needs root
        const kind = (st: fs.Stats) => [st.isFIFO(), st.isCharacterDevice(), st.isDirectory()].join();
        const before = kind(fs.lstatSync(target));
        const r = cli(['build', 'deck.yaml', '-o', w.out], dir);
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`cannot write ${w.shown}: it is ${s.what.source}, not a file`));
        if (w.out === 'special') expect(r.stderr).toMatch(/\n {2}hint: /);
        expect(kind(fs.lstatSync(target))).toBe(before);
        expect(fs.existsSync(path.join(dir, 'nosuch'))).toBe(false);
      });
    }
  }
});

describe('an output whose name ends in /', () => {
  it('-o newdir/ with one outline: exit 1 (it names a folder), and no file called newdir is made', () => {
    const dir = project();
    const r = cli(['build', 'deck.yaml', '-o', 'newdir/'], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('cannot write newdir/: a name ending in / is a folder, not a file');
    expect(r.stderr).toMatch(/\n {2}hint: give a file name, e\.g\. -o newdir\/deck\.pptx/);
    expect(fs.existsSync(path.join(dir, 'newdir'))).toBe(false);
  });

  it('-o deck.yaml/ is still the outline: refused, the outline byte-identical', () => {
    const dir = project();
    const before = hashes(dir);
    const r = cli(['build', 'deck.yaml', '-o', 'deck.yaml/'], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(hashes(dir)).toEqual(before);
  });
});

describe('--json', () => {
  it('prints exactly one JSON object when the output cannot be written', () => {
    const dir = project();
    const r = cli(['build', 'deck.yaml', '-o', 'deck.yaml', '--json'], dir);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ok: false, diagnostics: [{ code: 'output-is-input', severity: 'error' }] });
  });

  it('prints one JSON object for a file that cannot be read, and for a usage error', () => {
    const dir = project();
    for (const args of [['build', 'missing.yaml', '--json'], ['validate', '--json', '--no-such-option', 'deck.yaml']]) {
      const r = cli(args, dir);
      expect(r.status).toBe(1);
      const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string }[] };
      expect(out.ok).toBe(false);
      expect(out.diagnostics[0]!.code).toMatch(/^(cannot-read|usage)$/);
    }
  });

  it('prints one JSON object for an internal error (exit 2), whose message is one line', () => {
    const dir = project();
    // Break the number formatter so that build() itself fails: a stand-in for a bug in briefdeck. Numbers
    // from 10^15 up are written through Intl (smaller ones by hand), so the chart gets one.
    fs.writeFileSync(path.join(dir, 'data.csv'), 'year,value\n2022,1\n2023,1000000000000000\n');
    const crash = 'data:text/javascript,Intl.NumberFormat=function(){throw new Error("boom\\nsecond line")}';
    const r = run(process.execPath, ['--import', crash, CLI, 'build', 'deck.yaml', '-o', 'out.pptx', '--json'], { cwd: dir });
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'internal-error' })]);
    expect(out.diagnostics[0]!.message).toMatch(/^internal error: boom \(a bug in briefdeck/);
    const plain = run(process.execPath, ['--import', crash, CLI, 'build', 'deck.yaml', '-o', 'out.pptx'], { cwd: dir });
    expect(plain.status).toBe(2);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toMatch(/^briefdeck: internal error: boom \(a bug in briefdeck, not in your outline/);
    expect(fs.existsSync(path.join(dir, 'out.pptx'))).toBe(false);
  });
});

// A full disk, for real: a small tmpfs mounted for the test (this needs root; under CI=true it must run).
// `build` fails with exit 1 and a message about the target, the previous deck stays byte-identical and no
// temporary file is left; `watch` keeps the last good deck and catches up by itself when space returns.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DECKS, mustRunInCi, ROOT, run, tempDir } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const mounted: string[] = [];

/** Mounts a tmpfs of `size` (read-only with `ro`) at a new folder, or says why it cannot. */
function smallDisk(size: string, ro = false): { dir?: string; why?: string } {
  if (process.getuid?.() !== 0) return { why: 'needs root to mount a tmpfs' };
  const dir = tempDir('disk');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${ro ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { why: `cannot mount a tmpfs: ${(r.stderr || r.error?.message || '').trim()}` };
  mounted.push(dir);
  return { dir };
}

/** Fills the disk completely (the last write fails part-way, which is the point). */
function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(64 * 1024, 1));
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

const probe = smallDisk('64k');
const skip = mustRunInCi(probe.why && `full-disk tests: ${probe.why}`);

afterAll(() => {
  for (const dir of mounted) spawnSync('umount', ['-l', dir]);
});

describe.skipIf(skip)('a full disk', () => {
  it('build: exit 1 naming the deck, with a hint; the previous deck byte-identical; no temporary file', () => {
    const disk = probe.dir!;
    const target = path.join(disk, 'deck.pptx');
    fs.writeFileSync(target, Buffer.alloc(8 * 1024, 7));
    const before = sha(target);
    const r = run(process.execPath, [CLI, 'build', path.join(DECKS, 'etdz-briefing.yaml'), '-o', target]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`briefdeck: cannot write ${target}: the disk is full`);
    expect(r.stderr).toMatch(/hint: free some space \(the file needs about \d+ KiB\)/);
    expect(r.stderr).not.toMatch(/\.tmp|^\s+at /m);
    expect(r.stdout).toBe('');
    expect(sha(target)).toBe(before);
    expect(fs.readdirSync(disk)).toEqual(['deck.pptx']);

    const j = run(process.execPath, [CLI, 'build', path.join(DECKS, 'etdz-briefing.yaml'), '-o', target, '--json']);
    expect(j.status).toBe(1);
    const out = JSON.parse(j.stdout) as { ok: boolean; diagnostics: { code: string; message: string; hint: string }[] };
    expect(out.ok).toBe(false);
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'disk-full', message: `cannot write ${target}: the disk is full` })]);
    expect(sha(target)).toBe(before);
    expect(fs.readdirSync(disk)).toEqual(['deck.pptx']);
  });

  it('init: the starter deck is not half-written', () => {
    const disk = probe.dir!;
    const project = path.join(disk, 'project');
    fs.mkdirSync(project);
    const filler = fill(disk);
    const r = run(process.execPath, [CLI, 'init', 'starter'], { cwd: project });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot write decks\/starter\.yaml: the disk is full/);
    expect(fs.existsSync(path.join(project, 'decks', 'starter.yaml'))).toBe(false);
    expect(fs.readdirSync(path.join(project, 'decks'))).toEqual([]);
    fs.rmSync(filler);
    fs.rmSync(project, { recursive: true });
  });

  it('a read-only disk: exit 1 saying so, also for a folder that would have to be made there', () => {
    const { dir, why } = smallDisk('64k', true);
    expect(why).toBeUndefined();
    for (const target of [path.join(dir!, 'deck.pptx'), path.join(dir!, 'sub', 'deck.pptx')]) {
      const r = run(process.execPath, [CLI, 'build', path.join(DECKS, 'example-quarterly.yaml'), '-o', target]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(`briefdeck: cannot write ${target}: the file system is read-only`);
      expect(r.stderr).toMatch(/hint: write to another folder with -o/);
    }
  });

  let child: ChildProcessWithoutNullStreams | undefined;
  afterAll(() => child?.kill('SIGINT'));

  it('watch keeps the last good deck while the disk is full and recovers when space returns', async () => {
    const { dir: disk, why } = smallDisk('1m');
    expect(why).toBeUndefined();
    const work = tempDir('disk-watch');
    const outline = path.join(work, 'deck.yaml');
    const deck = path.join(disk!, 'deck.pptx');
    fs.writeFileSync(outline, 'deck:\n  title: First title\nslides:\n  - type: title\n  - type: bullets\n    title: Points\n    bullets: [one, two]\n');
    child = spawn(process.execPath, [CLI, 'watch', outline, '-o', deck]);
    const seen = { out: '', err: '' };
    child.stdout.on('data', (c: Buffer) => (seen.out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (seen.err += c.toString()));
    const until = async (test: () => boolean, what: string, ms = 20_000) => {
      const end = Date.now() + ms;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}\nstdout:\n${seen.out}\nstderr:\n${seen.err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until(() => /watching /.test(seen.out), 'the first build');
    const good = sha(deck);

    const filler = fill(disk!);
    fs.writeFileSync(outline, fs.readFileSync(outline, 'utf8').replace('First title', 'Second title'));
    await until(() => /the disk is full/.test(seen.err), 'the full-disk message');
    await until(() => /not rebuilt: kept the last good deck .*deck\.pptx; trying again/.test(seen.err), 'the kept-deck line');
    expect(sha(deck)).toBe(good);
    expect(fs.readdirSync(disk!).sort()).toEqual(['deck.pptx', 'filler']);
    expect(seen.err.match(/the disk is full/g)?.length).toBe(1); // said once, not on every retry

    const wrote = (seen.out.match(/^wrote /gm) ?? []).length;
    fs.rmSync(filler);
    await until(() => (seen.out.match(/^wrote /gm) ?? []).length > wrote, 'the rebuild after space returned (no edit)');
    expect(sha(deck)).not.toBe(good);
    expect(fs.readdirSync(disk!)).toEqual(['deck.pptx']);
  });
});

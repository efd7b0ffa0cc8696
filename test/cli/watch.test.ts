// Watch mode, scripted as a user works: edit a title, break the YAML, fix it. The deck is rebuilt, the
// last good deck is kept byte-identical while the outline is broken, and a text edit redraws no chart.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DECKS, ROOT, slideXmls, tempDir, textOf } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Collects a stream's lines and waits for the next one that matches. */
function lines(stream: NodeJS.ReadableStream) {
  const seen: string[] = [];
  let waiters: { re: RegExp; from: number; resolve: (l: string) => void }[] = [];
  let buf = '';
  stream.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    seen.push(...parts);
    waiters = waiters.filter((w) => {
      const hit = seen.slice(w.from).find((l) => w.re.test(l));
      if (hit) w.resolve(hit);
      return !hit;
    });
  });
  return {
    seen,
    /** Waits for a line matching `re` that arrives after this call. */
    next(re: RegExp, ms = 20_000): Promise<string> {
      const from = seen.length;
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re}; saw:\n${seen.join('\n')}`)), ms);
        waiters.push({ re, from, resolve: (l) => (clearTimeout(t), resolve(l)) });
      });
    },
  };
}

describe('briefdeck watch', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterAll(() => child?.kill('SIGINT'));

  it('rebuilds on edits, keeps the last good deck while the outline is broken, and recovers', async () => {
    const dir = tempDir('watch');
    fs.mkdirSync(path.join(dir, 'decks'));
    const outline = path.join(dir, 'decks', 'etdz-briefing.yaml');
    const deck = path.join(dir, 'output', 'etdz-briefing.pptx');
    const original = fs.readFileSync(path.join(DECKS, 'etdz-briefing.yaml'), 'utf8');
    fs.writeFileSync(outline, original);

    child = spawn(process.execPath, [CLI, 'watch', 'decks/etdz-briefing.yaml'], { cwd: dir });
    const out = lines(child.stdout);
    const err = lines(child.stderr);
    const firstBuild = out.next(/^wrote /);
    await out.next(/^watching decks\/etdz-briefing\.yaml/);
    expect(await firstBuild).toMatch(/3 of 3 charts redrawn/);
    const first = sha(deck);

    // 1. A text edit: rebuilt, the new title is in the deck, and no chart was redrawn.
    const edited = original.replace('title: From the first group to today', 'title: From the first zones to today');
    expect(edited).not.toBe(original);
    let rebuilt = out.next(/^wrote /);
    fs.writeFileSync(outline, edited);
    expect(await rebuilt).toMatch(/; 0 of 3 charts redrawn$/);
    const second = sha(deck);
    expect(second).not.toBe(first);
    expect((await slideXmls(fs.readFileSync(deck))).map(textOf).join(' ')).toContain('From the first zones to today');
    // What the rebuild kept from the first build (placed slides, parts, pictures) changes nothing: it is
    // the deck a fresh process builds from the edited outline.
    const cold = path.join(dir, 'cold.pptx');
    expect(spawnSync(process.execPath, [CLI, 'build', 'decks/etdz-briefing.yaml', '-o', cold, '-q'], { cwd: dir }).status).toBe(0);
    expect(sha(cold)).toBe(second);

    // 2. A broken save: located errors, the last good deck kept byte-identical.
    const kept = err.next(/^not rebuilt: kept the last good deck/);
    fs.writeFileSync(outline, `${edited}\nslides: [\n`);
    await kept;
    expect(err.seen.join('\n')).toMatch(/etdz-briefing\.yaml:\d+:\d+: error: YAML syntax/);
    expect(sha(deck)).toBe(second);
    expect(fs.readdirSync(path.dirname(deck)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // 3. Fixed: rebuilt again (same content as before the break, so the same bytes).
    rebuilt = out.next(/^wrote /);
    fs.writeFileSync(outline, original);
    expect(await rebuilt).toMatch(/0 of 3 charts redrawn/);
    expect(sha(deck)).toBe(first);
  });

  it('rebuilds when a CSV file the outline uses changes, redrawing only the chart that uses it', async () => {
    const dir = tempDir('watch');
    fs.mkdirSync(path.join(dir, 'decks', 'data'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.copyFileSync(path.join(DECKS, 'example-quarterly.yaml'), path.join(dir, 'decks', 'q.yaml'));
    const csv = path.join(dir, 'decks', 'data', 'harbour-quarters.csv');
    fs.copyFileSync(path.join(DECKS, 'data', 'harbour-quarters.csv'), csv);
    fs.copyFileSync(path.join(ROOT, 'assets', 'briefdeck-logo.png'), path.join(dir, 'assets', 'briefdeck-logo.png'));
    const watcher = spawn(process.execPath, [CLI, 'watch', 'decks/q.yaml'], { cwd: dir });
    try {
      const out = lines(watcher.stdout);
      const ready = out.next(/^watching decks\/q\.yaml and 2 files it uses/);
      await ready;
      const rebuilt = out.next(/^wrote /);
      fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace('38.5', '39.9'));
      expect(await rebuilt).toMatch(/; 1 of 2 charts redrawn$/);
      expect((await slideXmls(fs.readFileSync(path.join(dir, 'output', 'q.pptx')))).map(textOf).join(' ')).toContain('39.9');
    } finally {
      watcher.kill('SIGINT');
    }
  });
});

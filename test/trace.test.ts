// BRIEFDECK_TRACE=1 (src/trace.ts): the shipped CLI says when each stage of a build ended, on the main
// thread and the chart worker, on one clock and in order; without it, nothing is said.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECKS, ROOT, tempDir } from './helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');

function build(env: Record<string, string | undefined>) {
  const out = path.join(tempDir('trace'), 'deck.pptx');
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const r = spawnSync(process.execPath, [CLI, 'build', path.join(DECKS, 'etdz-briefing.yaml'), '-o', out], { encoding: 'utf8', cwd: ROOT, env: childEnv });
  return { status: r.status, stderr: r.stderr, deck: fs.existsSync(out) ? fs.readFileSync(out) : undefined };
}

describe('BRIEFDECK_TRACE', () => {
  it('prints every stage of a build once, in order, with the chart worker on the same clock', () => {
    if (!fs.existsSync(CLI)) throw new Error('dist/bin/briefdeck.js is missing: run `npm run build` (npm test does it first)');
    const traced = build({ BRIEFDECK_TRACE: '1' });
    expect(traced.status, traced.stderr).toBe(0);
    const marks = [...traced.stderr.matchAll(/^trace +(\d+\.\d) ms (main|thread \d+): (.+)$/gm)].map((m) => ({ at: Number(m[1]), thread: m[2]!, label: m[3]! }));
    const main = marks.filter((m) => m.thread === 'main');
    expect(main.map((m) => m.label)).toEqual([
      'command line loaded',
      'outline read',
      'model built',
      'laid out',
      'charts sent',
      'pptxgenjs wrote the slides',
      'template parts ready',
      'slides on their layouts',
      'slides edited',
      'XML deflated',
      'pictures in',
      'zipped',
      'written',
    ]);
    for (let i = 1; i < main.length; i++) expect(main[i]!.at).toBeGreaterThanOrEqual(main[i - 1]!.at);
    // The ETDZ deck has three charts, drawn on the worker after the main thread sent them.
    const drawn = marks.filter((m) => m.thread !== 'main' && m.label === 'chart drawn');
    expect(drawn).toHaveLength(3);
    const sent = main.find((m) => m.label === 'charts sent')!.at;
    const pictures = main.find((m) => m.label === 'pictures in')!.at;
    for (const d of drawn) expect(d.at > sent - 1 && d.at < pictures + 1, `chart drawn at ${d.at} ms, sent at ${sent}, needed at ${pictures}`).toBe(true);

    const quiet = build({ BRIEFDECK_TRACE: undefined });
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toMatch(/^trace /m);
    // Tracing changes nothing in the deck.
    expect(quiet.deck!.equals(traced.deck!)).toBe(true);
  });
});

// Layout keeps placed slides, fits and layout choices between builds in one process (watch, serve). A
// session of edits, each rebuilt after the one before, must give what a fresh process gives for that
// outline: the same bytes and the same diagnostics, at the same lines.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BuildOptions, BuildResult } from '../../src/build.js';
import { DECKS, inCi, ROOT } from '../helpers.js';

const sha = (b: Uint8Array | undefined) => createHash('sha256').update(b ?? new Uint8Array(0)).digest('hex');
const bodySizes = (r: BuildResult) => r.placed!.slides.flatMap((s) => s.elements.flatMap((e) => (e.type === 'text' && e.role === 'body' && s.kind === 'bullets' ? [e.sizePt] : [])));

// The ETDZ deck and one slide that warns (a word wider than its box), so that diagnostics have lines.
const original = `${fs.readFileSync(path.join(DECKS, 'etdz-briefing.yaml'), 'utf8').trimEnd()}
  - type: bullets
    title: A slide that warns
    bullets:
      - ${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(4)}
`;
const replaced = (text: string, from: string, to: string): string => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
const LAST_BULLET = '      - Anniversary marked by an instruction from Xi and a symposium\n';
const MORE = '      - Another point that says a good deal more than the others do on this slide\n';
const templateFile = path.join(ROOT, '..', 'shared', 'templates', 'pandoc-reference-16x9.pptx');
const TEMPLATE = fs.existsSync(templateFile) || inCi() ? { bytes: fs.readFileSync(templateFile), name: path.basename(templateFile), path: templateFile } : undefined;
const edits: [string, (t: string) => string, BuildOptions?][] = [
  ['a title', (t) => replaced(t, 'title: From the first group to today', 'title: From the first zones to today')],
  ['lines inserted above every slide (the warning moves down)', (t) => replaced(t, '\nslides:\n', '\nslides:\n  # one\n  # two\n')],
  ['more points on one slide, which lowers the deck’s body size', (t) => replaced(t, LAST_BULLET, LAST_BULLET + MORE.repeat(3))],
  ['a source’s date, on every slide that cites it', (t) => replaced(t, 'date: 2024-10-21\n    url', 'date: 2024-10-22\n    url')],
  ['the deck title, in every footer', (t) => replaced(t, `title: "China's development zones: the next phase"`, 'title: "Development zones"')],
  ['the theme', (t) => t, { theme: 'midnight' }],
  ['back to the original', () => original],
  // On a template its sizes stay: only the type scale tells the other slides that the body size changed.
  ...(TEMPLATE
    ? ([
        ['on a template', (t) => t, { template: TEMPLATE }],
        ['two more points on a template', (t) => replaced(t, LAST_BULLET, LAST_BULLET + MORE.repeat(2)), { template: TEMPLATE }],
      ] as const)
    : []),
];

async function freshBuild(): Promise<typeof import('../../src/build.js').build> {
  vi.resetModules();
  return (await import('../../src/build.js')).build;
}

describe('a rebuild after an edit', () => {
  it('gives the bytes and diagnostics of a cold build of the edited outline', async () => {
    const warm = await freshBuild();
    const first = await warm(original, { baseDir: DECKS });
    expect(first.diagnostics.map((d) => d.code)).toContain('text-overflow');
    let text = original;
    let sizes = bodySizes(first);
    for (const [what, edit, options] of edits) {
      text = edit(text);
      const rebuilt = await warm(text, { baseDir: DECKS, ...options });
      const cold = await (await freshBuild())(text, { baseDir: DECKS, ...options });
      expect(cold.pptx, what).toBeDefined();
      expect(sha(rebuilt.pptx), what).toBe(sha(cold.pptx));
      expect(rebuilt.diagnostics, what).toEqual(cold.diagnostics);
      // The edits that lower the deck's body size change it on the slides they did not touch.
      if (/more points/.test(what)) expect(bodySizes(cold)[1], what).toBeLessThan(sizes[1]!);
      sizes = bodySizes(cold);
    }
  }, 300_000);
});

describe('what layout keeps between builds', () => {
  it('is what the last build used, however many edits came before', async () => {
    const build = await freshBuild();
    const { keptSlides } = await import('../../src/layout/layout-deck.js');
    const kept: number[] = [];
    for (let i = 0; i < 6; i++) {
      await build(original.replace('title: From the first group to today', `title: From the first group to today (${i})`), { baseDir: DECKS, layoutOnly: true });
      kept.push(keptSlides());
    }
    // Each edit lays out its slide again; what the edit replaced is not kept.
    expect(kept[0]).toBeGreaterThan(0);
    expect(kept).toEqual(kept.map(() => kept[0]));
  });
});

// `briefdeck init <name>`: a starter outline showing every slide type once, which builds with no
// diagnostics at all, and which is never written over by accident.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { SLIDE_TYPES } from '../../src/outline/schema.js';
import { ROOT, run, tempDir } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');

describe('briefdeck init', () => {
  it('writes a starter deck that shows every slide type and builds cleanly', async () => {
    const dir = tempDir('init');
    const r = run(process.execPath, [CLI, 'init', 'q3-briefing'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(dir, 'decks', 'q3-briefing.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(fs.existsSync(path.join(dir, 'decks', 'outline.schema.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'assets', 'briefdeck-logo.png'))).toBe(true);
    const result = await build(text, { baseDir: path.dirname(file) });
    expect(result.diagnostics).toEqual([]);
    expect(new Set(result.deck!.slides.map((s) => s.kind))).toEqual(new Set(SLIDE_TYPES));
    expect(result.pptx).toBeDefined();
  });

  it('refuses to overwrite an existing deck without --force, and rejects bad names', () => {
    const dir = tempDir('init');
    expect(run(process.execPath, [CLI, 'init', 'x'], { cwd: dir }).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'decks', 'x.yaml'), 'mine');
    const again = run(process.execPath, [CLI, 'init', 'x'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists \(use --force/);
    expect(fs.readFileSync(path.join(dir, 'decks', 'x.yaml'), 'utf8')).toBe('mine');
    expect(run(process.execPath, [CLI, 'init', 'x', '--force'], { cwd: dir }).status).toBe(0);
    expect(run(process.execPath, [CLI, 'init', '../evil'], { cwd: dir }).status).toBe(1);
  });
});

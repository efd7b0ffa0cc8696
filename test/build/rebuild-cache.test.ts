// What a process caches between builds (the built-in template's package, chart pictures, templates)
// never leaks from one deck into another: a deck rebuilt after others gives its first bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { DECKS } from '../helpers.js';

const sha = (b: Uint8Array | undefined) => createHash('sha256').update(b ?? new Uint8Array(0)).digest('hex');
const deck = (name: string) => fs.readFileSync(path.join(DECKS, name), 'utf8');

describe('builds in one process', () => {
  it('give each deck the same bytes whatever was built before it', async () => {
    const etdz = deck('etdz-briefing.yaml');
    const first = sha((await build(etdz, { baseDir: DECKS })).pptx);
    await build(deck('example-quarterly.yaml'), { baseDir: DECKS });
    await build(etdz, { baseDir: DECKS, theme: 'midnight' });
    await build(etdz.replace(/^( {2}title: )(.*)$/m, '$1$2 (edited)'), { baseDir: DECKS });
    expect(sha((await build(etdz, { baseDir: DECKS })).pptx)).toBe(first);
  }, 120_000);
});

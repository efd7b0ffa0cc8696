// Which slides serve draws again: a slide's fingerprint covers its own part and every part it reaches,
// not its notes; a subset deck keeps the slides it renders byte for byte (and, when slides show their
// number, empty stand-ins before them so that each keeps its number).
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/build.js';
import { readDeckParts, subsetDeck } from '../../../src/cli/serve/slide-parts.js';
import { DECKS } from '../../helpers.js';

const file = path.join(DECKS, 'etdz-briefing.yaml');
const original = fs.readFileSync(file, 'utf8');
const deckOf = async (text: string) => readDeckParts((await build(text, { baseDir: DECKS })).pptx!);

describe('slide fingerprints', () => {
  it('change for the edited slide only, and not for a notes edit', async () => {
    const before = await deckOf(original);
    const titled = await deckOf(original.replace('title: From the first group to today', 'title: From the first zones to today'));
    const changed = before.keys.flatMap((k, i) => (k !== titled.keys[i] ? [i] : []));
    expect(changed).toEqual([3]);
    const noted = await build(original.replace('notes: >-\n      The article', 'notes: >-\n      Remember this. The article'), { baseDir: DECKS });
    expect(noted.placed!.slides.some((s) => s.notes?.startsWith('Remember this.'))).toBe(true);
    expect(readDeckParts(noted.pptx!).keys).toEqual(before.keys);
    expect(new Set(before.keys).size).toBe(before.keys.length);
  });

  it('makes a subset deck with the slides asked for unchanged and stand-ins before them when slides are numbered', async () => {
    const parts = await deckOf(original);
    const { pptx, pages } = subsetDeck(parts, [9, 3]);
    const files = unzipSync(pptx);
    for (const i of [3, 9]) expect(Buffer.from(files[parts.slides[i]!]!).equals(Buffer.from(parts.files[parts.slides[i]!]!))).toBe(true);
    const sub = readDeckParts(pptx);
    if (parts.numbered) {
      expect(sub.slides).toHaveLength(10);
      expect(pages).toEqual([9, 3]);
      expect(new TextDecoder().decode(files[parts.slides[0]!])).not.toContain('<a:t>');
    } else {
      expect(sub.slides).toHaveLength(2);
      expect(pages).toEqual([1, 0]);
    }
  });
});

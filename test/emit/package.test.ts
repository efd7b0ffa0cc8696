// The package layer: a fixed zip layout, content types for exactly the parts there are, relationships
// that all resolve, and no part that nothing refers to.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { naturalCompare, readRels, relsName, resolveTarget, unzipParts, writeRels, type Parts } from '../../src/emit/package.js';
import { children, parseXml } from '../../src/xml.js';
import { buildDeck, deckFiles } from '../helpers.js';

/** Local file headers of a zip: name, method, DOS time/date, in file order. */
function entries(zip: Uint8Array): { name: string; method: number; time: number; date: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { name: string; method: number; time: number; date: number }[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    const size = view.getUint32(at + 18, true);
    const nameLen = view.getUint16(at + 26, true);
    const extraLen = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLen));
    out.push({ name, method, time, date });
    at += 30 + nameLen + extraLen + size;
  }
  return out;
}

describe.each(deckFiles().map((f) => [path.basename(f), f]))('%s', (_name, file) => {
  it('is a fixed zip: [Content_Types].xml first, then natural order, XML deflated, pictures stored, one date, no folders', async () => {
    const pptx = (await buildDeck(file)).pptx!;
    const list = entries(pptx);
    expect(list[0]!.name).toBe('[Content_Types].xml');
    const names = list.slice(1).map((e) => e.name);
    expect(names).toEqual([...names].sort(naturalCompare));
    expect(names.some((n) => n.endsWith('/'))).toBe(false);
    for (const e of list) expect(e.method, e.name).toBe(/\.(png|jpe?g|xlsx)$/i.test(e.name) ? 0 : 8);
    expect(new Set(list.map((e) => `${e.date}:${e.time}`)).size).toBe(1);
  });

  it('types exactly the parts there are, and every relationship resolves to a part', async () => {
    const parts: Parts = unzipParts((await buildDeck(file)).pptx!);
    const types = parseXml(new TextDecoder().decode(parts.get('[Content_Types].xml')), 'ct').documentElement!;
    const overrides = children(types, 'ct', 'Override').map((o) => o.getAttribute('PartName')!.slice(1));
    const defaults = new Set(children(types, 'ct', 'Default').map((d) => d.getAttribute('Extension')!));
    for (const name of overrides) expect(parts.has(name), `Override for missing ${name}`).toBe(true);
    for (const name of parts.keys()) {
      if (name === '[Content_Types].xml') continue;
      const ext = name.endsWith('.rels') ? 'rels' : path.extname(name).slice(1);
      expect(overrides.includes(name) || defaults.has(ext), `no content type for ${name}`).toBe(true);
    }
    const referenced = new Set<string>(['[Content_Types].xml', '_rels/.rels']);
    for (const name of parts.keys()) {
      if (name.endsWith('.rels')) continue;
      const owner = name;
      if (parts.has(relsName(owner))) referenced.add(relsName(owner));
      for (const r of readRels(parts, owner)) {
        if (r.external) continue;
        const target = resolveTarget(owner, r.target);
        expect(parts.has(target), `${owner} → ${r.target}`).toBe(true);
        referenced.add(target);
      }
    }
    for (const r of readRels(parts, '')) referenced.add(resolveTarget('', r.target));
    for (const name of parts.keys()) if (!name.endsWith('.rels')) expect(referenced.has(name), `${name} is referred to by nothing`).toBe(true);
  });
});

describe('naturalCompare', () => {
  it('sorts digit runs as numbers', () => {
    expect(['slide10.xml', 'slide2.xml', 'slide1.xml'].sort(naturalCompare)).toEqual(['slide1.xml', 'slide2.xml', 'slide10.xml']);
  });
});

describe('relationships read once per part', () => {
  const rels = [
    { id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout', target: '../slideLayouts/slideLayout2.xml', external: false },
    { id: 'rIdLink1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', target: 'https://example.org/a?b=1&c="d"\n\tline', external: true },
  ];

  it('reads back what was written, as parsing the written part gives it', () => {
    const parts: Parts = new Map();
    writeRels(parts, 'ppt/slides/slide1.xml', rels);
    expect(readRels(parts, 'ppt/slides/slide1.xml')).toEqual(rels);
    // The same bytes in a map of their own (no reading remembered for them) parse to the same list.
    const copy: Parts = new Map([[relsName('ppt/slides/slide1.xml'), Uint8Array.from(parts.get(relsName('ppt/slides/slide1.xml'))!)]]);
    expect(readRels(copy, 'ppt/slides/slide1.xml')).toEqual(rels);
  });

  it('hands out a fresh list each time: a caller adding to it changes nothing for the next', () => {
    const parts: Parts = new Map();
    writeRels(parts, 'ppt/slides/slide1.xml', rels);
    const first = readRels(parts, 'ppt/slides/slide1.xml');
    first.push({ id: 'rId9', type: 'x', target: 'y', external: false });
    first[0]!.target = 'changed';
    expect(readRels(parts, 'ppt/slides/slide1.xml')).toEqual(rels);
  });

  it('gives the same list for the same text in other bytes (a part written afresh), each reader its own copy', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels[0]!.type}" Target="${rels[0]!.target}"/></Relationships>`;
    const fresh = (): Parts => new Map([[relsName('ppt/notesSlides/notesSlide1.xml'), new TextEncoder().encode(xml)]]);
    const a = readRels(fresh(), 'ppt/notesSlides/notesSlide1.xml');
    a[0]!.target = 'changed';
    const b = readRels(fresh(), 'ppt/notesSlides/notesSlide1.xml');
    expect(b).toEqual([rels[0]]);
    // Other text is parsed, not taken from the cache.
    const other: Parts = new Map([[relsName('ppt/notesSlides/notesSlide1.xml'), new TextEncoder().encode(xml.replace('slideLayout2', 'slideLayout3'))]]);
    expect(readRels(other, 'ppt/notesSlides/notesSlide1.xml')[0]!.target).toBe('../slideLayouts/slideLayout3.xml');
  });

  it('writes the same bytes for the same relationships, and what it wrote is read back as written', () => {
    const one: Parts = new Map();
    const two: Parts = new Map();
    writeRels(one, 'ppt/slides/slide1.xml', rels);
    writeRels(two, 'ppt/slides/slide7.xml', rels.map((r) => ({ ...r })));
    expect(Buffer.from(two.get(relsName('ppt/slides/slide7.xml'))!).equals(Buffer.from(one.get(relsName('ppt/slides/slide1.xml'))!))).toBe(true);
    writeRels(two, 'ppt/slides/slide7.xml', [rels[0]!]);
    expect(readRels(two, 'ppt/slides/slide7.xml')).toEqual([rels[0]]);
    const parsed = children(parseXml(new TextDecoder().decode(two.get(relsName('ppt/slides/slide7.xml'))), 'rels').documentElement!, 'rel', 'Relationship');
    expect(parsed.map((r) => r.getAttribute('Target'))).toEqual([rels[0]!.target]);
  });
});

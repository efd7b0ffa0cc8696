// briefdeck's zip writer gives exactly the bytes fflate's zipSync gives for the same entries, from cold
// and from its cache of deflated parts.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZip, type ZipEntry } from '../../src/emit/zip-write.js';

const date = new Date(Date.UTC(2024, 9, 21, 13, 45, 31));
// fflate reads the DOS date from local-time fields (zipParts used to hand it this shifted Date).
const local = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());

const entries: ZipEntry[] = [
  { name: '[Content_Types].xml', data: strToU8('<Types>' + '<Default Extension="xml"/>'.repeat(40) + '</Types>'), level: 6 },
  { name: 'ppt/slides/slide1.xml', data: strToU8('<p:sld>' + 'Zone output rose 12 % '.repeat(300) + '</p:sld>'), level: 6 },
  { name: 'ppt/media/image1.png', data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) & 255), level: 0 },
  { name: 'ppt/empty.xml', data: new Uint8Array(0), level: 6 },
  { name: 'docProps/名前.xml', data: strToU8('<x>中文</x>'), level: 6 },
];

const viaFflate = (list: ZipEntry[]): Uint8Array => {
  const files: Zippable = {};
  for (const e of list) files[e.name] = [e.data, { level: e.level as 0 | 6, mtime: local }];
  return zipSync(files);
};

describe('writeZip', () => {
  it('writes what fflate writes, the second time from its cache too', () => {
    const expected = Buffer.from(viaFflate(entries));
    expect(Buffer.from(writeZip(entries, date)).equals(expected)).toBe(true);
    expect(Buffer.from(writeZip(entries, date)).equals(expected)).toBe(true);
  });

  it('deflates a changed part afresh', () => {
    const changed = entries.map((e) => (e.name.endsWith('slide1.xml') ? { ...e, data: strToU8('<p:sld>edited</p:sld>') } : e));
    expect(Buffer.from(writeZip(changed, date)).equals(Buffer.from(viaFflate(changed)))).toBe(true);
  });
});

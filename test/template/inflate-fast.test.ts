// The native inflate path for templates gives fflate's parts exactly, and hands anything unusual back.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipFast } from '../../src/template/inflate-fast.js';
import { buildPackage } from './package-builder.js';

describe('unzipFast', () => {
  it('gives the parts fflate gives, in the same order, stored and deflated alike', () => {
    for (const zip of [buildPackage({ slides: 2 }), zipSync({ 'a.xml': strToU8('<a/>'.repeat(500)), 'b.png': [new Uint8Array(300), { level: 0 }], 'empty.xml': new Uint8Array(0) })]) {
      const fast = unzipFast(zip, () => true)!;
      const slow = Object.entries(unzipSync(zip));
      expect([...fast.keys()]).toEqual(slow.map(([k]) => k));
      for (const [k, v] of slow) expect(Buffer.from(fast.get(k)!).equals(Buffer.from(v)), k).toBe(true);
    }
  });

  it('hands a refused entry, a cut-short file and damaged data back to the caller', () => {
    const zip = buildPackage({ slides: 1 });
    expect(unzipFast(zip, () => false)).toBeUndefined();
    expect(unzipFast(zip.subarray(0, zip.length >> 1), () => true)).toBeUndefined();
    const damaged = zip.slice();
    for (let i = 200; i < 260; i++) damaged[i] = 0xff;
    expect(unzipFast(damaged, () => true)).toBeUndefined();
  });
});

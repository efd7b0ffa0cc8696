// The same outline and version give the same bytes: twice in one process, in two processes with different
// time zones, and with SOURCE_DATE_EPOCH changing only the timestamps it should.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DECKS, ROOT, run, tempDir } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function buildInProcess(env: Record<string, string>, out: string): void {
  const r = run('env', [...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, CLI, 'build', path.join(DECKS, 'etdz-briefing.yaml'), '-o', out, '-q']);
  expect(r.status, r.stderr).toBe(0);
}

describe('deterministic output', () => {
  it('builds the ETDZ deck to the same sha256 in two processes, in different time zones', () => {
    const dir = tempDir('det');
    buildInProcess({ TZ: 'UTC' }, path.join(dir, 'a.pptx'));
    buildInProcess({ TZ: 'Asia/Shanghai' }, path.join(dir, 'b.pptx'));
    buildInProcess({ TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8' }, path.join(dir, 'c.pptx'));
    const hashes = ['a', 'b', 'c'].map((n) => sha(path.join(dir, `${n}.pptx`)));
    expect(new Set(hashes).size).toBe(1);
  });

  it('dates the package from deck.date, or from SOURCE_DATE_EPOCH when set', async () => {
    const dir = tempDir('det');
    buildInProcess({}, path.join(dir, 'plain.pptx'));
    buildInProcess({ SOURCE_DATE_EPOCH: '1735689600' }, path.join(dir, 'epoch.pptx'));
    const core = async (f: string) => strFromU8(unzipSync(fs.readFileSync(path.join(dir, f)))['docProps/core.xml']!);
    expect(await core('plain.pptx')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-10-21T00:00:00Z</dcterms:modified>');
    expect(await core('epoch.pptx')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:modified>');
    // Only the dates differ: every other part is the same.
    const parts = async (f: string) => {
      const zip = unzipSync(fs.readFileSync(path.join(dir, f)));
      return Object.fromEntries(Object.keys(zip).filter((n) => n !== 'docProps/core.xml').map((n) => [n, Buffer.from(zip[n]!).toString('base64')] as const));
    };
    expect(await parts('epoch.pptx')).toEqual(await parts('plain.pptx'));
  });
});

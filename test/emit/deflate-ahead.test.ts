// Parts deflated ahead on the worker thread (deflate-ahead.ts) must give the zip the very bytes this
// thread would have made. vitest runs the .ts sources, where no worker file exists, so the compiled
// module (dist/, built by `npm test` first) runs in a child process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZip, type ZipEntry } from '../../src/emit/zip-write.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'emit', 'package.js');
const date = new Date(Date.UTC(2024, 6, 30, 9, 5, 0));

const parts: [string, string][] = [
  ['[Content_Types].xml', '<Types>' + '<Default Extension="xml"/>'.repeat(50) + '</Types>'],
  ...Array.from({ length: 12 }, (_, i): [string, string] => [`ppt/slideLayouts/slideLayout${i + 1}.xml`, `<p:sldLayout>${`<a:t>layout ${i} zone output</a:t>`.repeat(i < 6 ? 3 + i : 200 + i)}</p:sldLayout>`]),
  ['ppt/slides/slide1.xml', '<p:sld>' + '增长 12 % '.repeat(400) + '</p:sld>'],
  ['ppt/media/image1.png', 'stored, not deflated'],
];

describe('deflating ahead on a worker', () => {
  it('gives the zip the bytes this thread makes, with the parts deflated on the worker', () => {
    if (!fs.existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    const child = [
      `import { deflatePartsAhead, zipParts } from ${JSON.stringify(DIST)};`,
      `import { deflatedOnWorker } from ${JSON.stringify(path.join(ROOT, 'dist', 'emit', 'deflate-ahead.js'))};`,
      // Some parts as Buffers: small ones share one pooled ArrayBuffer, as template parts and pptxgenjs's
      // do; sending them must not detach or change them.
      `const parts = new Map(${JSON.stringify(parts)}.map(([n, t], i) => [n, i % 2 ? Buffer.from(t) : new TextEncoder().encode(t)]));`,
      `const before = [...parts.values()].map((b) => Buffer.from(b).toString('base64'));`,
      `deflatePartsAhead(parts, [...parts.keys()].filter((n) => n.includes('Layout')));`,
      `const zip = await zipParts(parts, new Date(${date.getTime()}));`,
      `const intact = [...parts.values()].every((b, i) => Buffer.from(b).toString('base64') === before[i]);`,
      `process.stdout.write(JSON.stringify({ zip: Buffer.from(zip).toString('base64'), onWorker: deflatedOnWorker(), intact }));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', cwd: ROOT });
    expect(r.status, r.stderr).toBe(0);
    const { zip, onWorker, intact } = JSON.parse(r.stdout) as { zip: string; onWorker: number; intact: boolean };
    expect(onWorker).toBe(12);
    expect(intact, 'the parts sent ahead are unchanged').toBe(true);
    const names = [parts[0]![0], ...parts.slice(1).map(([n]) => n).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))];
    const entries: ZipEntry[] = names.map((name) => ({ name, data: strToU8(parts.find(([n]) => n === name)![1]), level: name.endsWith('.png') ? 0 : 6 }));
    expect(Buffer.from(zip, 'base64').equals(Buffer.from(writeZip(entries, date)))).toBe(true);
  });
});

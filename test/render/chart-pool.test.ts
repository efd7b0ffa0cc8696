// Charts drawn on the chart worker (chart-pool.ts) must have the bytes of the same charts drawn on this
// thread. vitest runs the .ts sources, where no worker file exists, so the compiled module (dist/, built
// by `npm test` first) draws them in a child process; a structured clone carries specs and theme there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../src/render/chart-png.js';
import { combo, FULL, HALF, pie, spec, theme, twoSeries } from './fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const POOL = path.join(ROOT, 'dist', 'render', 'chart-pool.js');

describe('chart worker', () => {
  it('draws the pictures this thread draws, byte for byte, on the worker', async () => {
    if (!fs.existsSync(POOL)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    const jobs = [
      { spec: combo, size: FULL },
      { spec: { ...pie, kind: 'doughnut' as const }, size: HALF },
      { spec: spec('line', { series: twoSeries, unit: '亿元', dataLabels: true }), size: FULL },
    ];
    const child = [
      `import v8 from 'node:v8';`,
      `import { drawChart, drawnOnWorker } from ${JSON.stringify(POOL)};`,
      `const { jobs, theme } = v8.deserialize(Buffer.from(process.argv[1], 'base64'));`,
      `const pngs = await Promise.all(jobs.map((j) => drawChart(j.spec, theme, j.size)));`,
      `process.stdout.write(JSON.stringify({ pngs: pngs.map((p) => Buffer.from(p).toString('base64')), onWorker: drawnOnWorker() }));`,
    ].join('\n');
    const arg = v8.serialize({ jobs, theme }).toString('base64');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, arg], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { pngs: string[]; onWorker: number };
    expect(out.onWorker).toBe(jobs.length);
    for (const [i, j] of jobs.entries()) {
      const here = (await renderChartPng(j.spec, theme, j.size)).png;
      expect(Buffer.from(out.pngs[i]!, 'base64').equals(here), `chart ${i} (${j.spec.kind})`).toBe(true);
    }
  });
});

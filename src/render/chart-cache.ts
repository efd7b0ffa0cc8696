// Chart pictures: cached by a hash of everything that affects their pixels, so that a rebuild after a
// text edit (watch mode) redraws no chart; new ones drawn in turn and encoded in parallel on the thread
// pool, so that a deck with many charts uses every core.
import { createHash } from 'node:crypto';
import os from 'node:os';
import type { ChartSpec, Theme } from '../model/types.js';
import { renderChartPng } from './chart-png.js';
import type { PlacedSize } from './style.js';

const MAX_ENTRIES = 512;
const cache = new Map<string, Uint8Array>();

/** The theme as charts see it: everything but the logo picture, which no chart draws. */
function chartTheme(theme: Theme): Theme {
  const { logo: _logo, ...rest } = theme;
  return rest;
}

export function chartHash(spec: ChartSpec, theme: Theme, size: PlacedSize): string {
  const { span: _span, ...data } = spec;
  return createHash('sha256').update(JSON.stringify([data, chartTheme(theme), size])).digest('hex');
}

export interface ChartRequest {
  spec: ChartSpec;
  size: PlacedSize;
}

/** The PNG of every requested chart, in order, and how many had to be drawn (the others were cached). */
export async function chartPictures(
  requests: ChartRequest[],
  theme: Theme,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ pngs: Uint8Array[]; rendered: number }> {
  const t = chartTheme(theme);
  const keys = requests.map((r) => chartHash(r.spec, t, r.size));
  const missing = [...new Set(keys.filter((k) => !cache.has(k)))];
  // A few encodes in flight at once: enough to keep every core busy, few enough to bound memory
  // (each holds one full-size canvas).
  const inFlight = new Set<Promise<void>>();
  const limit = os.availableParallelism() + 1;
  let done = 0;
  for (const key of missing) {
    const r = requests[keys.indexOf(key)]!;
    const job: Promise<void> = renderChartPng(r.spec, t, r.size).then(({ png }) => {
      remember(key, png);
      inFlight.delete(job);
      options.onProgress?.(++done, missing.length);
    });
    inFlight.add(job);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { pngs: keys.map((k) => cache.get(k)!), rendered: missing.length };
}

function remember(key: string, png: Uint8Array): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, png);
}

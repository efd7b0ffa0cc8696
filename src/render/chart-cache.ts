// Chart pictures: cached by a hash of everything that affects their pixels, so that a rebuild after a
// text edit (watch mode) redraws no chart; new ones drawn on the chart worker (chart-pool.ts).
import { createHash } from 'node:crypto';
import type { ChartSpec, Theme } from '../model/types.js';
import { drawChart } from './chart-pool.js';
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

/**
 * The PNG of every requested chart, in order, as promises (the pictures are drawn while the package is
 * written: chart-pool.ts), and how many had to be drawn (the others were cached).
 */
export function chartPictures(
  requests: ChartRequest[],
  theme: Theme,
  options: { onProgress?: (done: number, total: number) => void } = {},
): { pngs: Promise<Uint8Array>[]; rendered: number } {
  const t = chartTheme(theme);
  const keys = requests.map((r) => chartHash(r.spec, t, r.size));
  const drawing = new Map<string, Promise<Uint8Array>>();
  let done = 0;
  for (const [i, key] of keys.entries()) {
    if (cache.has(key) || drawing.has(key)) continue;
    drawing.set(
      key,
      drawChart(requests[i]!.spec, t, requests[i]!.size).then((png) => {
        remember(key, png);
        options.onProgress?.(++done, drawing.size);
        return png;
      }),
    );
  }
  const pngs = keys.map((k) => drawing.get(k) ?? Promise.resolve(cache.get(k)!));
  // A failed chart is reported where the package awaits it; until then it is not an unhandled rejection.
  for (const p of drawing.values()) p.catch(() => undefined);
  return { pngs, rendered: drawing.size };
}

function remember(key: string, png: Uint8Array): void {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, png);
}

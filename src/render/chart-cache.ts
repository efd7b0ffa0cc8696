// Chart pictures cached by a hash of everything that affects their pixels, so that a rebuild after a
// text edit (watch mode) re-renders no chart.
import { createHash } from 'node:crypto';
import type { ChartSpec, Theme } from '../model/types.js';
import { renderChartPng } from './chart-png.js';
import type { PlacedSize } from './style.js';

const MAX_ENTRIES = 512;
const cache = new Map<string, Uint8Array>();

export function chartHash(spec: ChartSpec, theme: Theme, size: PlacedSize): string {
  const { span: _span, ...data } = spec;
  return createHash('sha256').update(JSON.stringify([data, theme, size])).digest('hex');
}

/** The PNG for this chart at this size, and whether it had to be drawn. */
export function chartPicture(spec: ChartSpec, theme: Theme, size: PlacedSize): { png: Uint8Array; rendered: boolean } {
  const key = chartHash(spec, theme, size);
  const hit = cache.get(key);
  if (hit) return { png: hit, rendered: false };
  const { png } = renderChartPng(spec, theme, size);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, png);
  return { png, rendered: true };
}

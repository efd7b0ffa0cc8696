// The worker thread of chart-pool.ts: draws and encodes the charts it is sent, as this thread would.
import { parentPort } from 'node:worker_threads';
import type { ChartSpec, Theme } from '../model/types.js';
import { renderChartPng } from './chart-png.js';
import type { PlacedSize } from './style.js';

parentPort?.on('message', (m: { id: number; spec: ChartSpec; theme: Theme; size: PlacedSize }) => {
  renderChartPng(m.spec, m.theme, m.size).then(
    ({ png }) => parentPort!.postMessage({ id: m.id, png }),
    (e: unknown) => parentPort!.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});

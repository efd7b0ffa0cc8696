// The worker thread of chart-pool.ts: draws and encodes the charts it is sent, as this thread would.
import { answerJobs, ownBuffer } from '../job-thread.js';
import type { ChartSpec, Theme } from '../model/types.js';
import { renderChartPng, warmChartDrawing } from './chart-png.js';
import { mark } from '../trace.js';
import type { PlacedSize } from './style.js';

answerJobs(async ({ spec, theme, size }: { spec: ChartSpec; theme: Theme; size: PlacedSize }) => {
  const { png } = await renderChartPng(spec, theme, size);
  mark('chart drawn');
  return png;
}, ownBuffer);

// What the first chart would do first, done before it arrives (when the worker is ready before the
// main thread has laid out the deck): the fonts every chart registers, and chart.js's parts.
warmChartDrawing();
mark('chart worker ready');

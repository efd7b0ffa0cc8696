// The worker thread of chart-pool.ts: draws and encodes the charts it is sent, as this thread would.
import { answerJobs, ownBuffer } from '../job-thread.js';
import type { ChartSpec, Theme } from '../model/types.js';
import { renderChartPng } from './chart-png.js';
import type { PlacedSize } from './style.js';

answerJobs(async ({ spec, theme, size }: { spec: ChartSpec; theme: Theme; size: PlacedSize }) => (await renderChartPng(spec, theme, size)).png, ownBuffer);

// Chart pictures are drawn on a worker thread, so that on a machine with two cores or more the charts
// are drawn while this thread writes the package (and it never loads chart.js): the pictures are only
// needed when the package is zipped. The worker runs the same renderChartPng with the same bundled
// fonts, so a picture has the same bytes whichever thread drew it. Where no worker can run (job-thread.ts)
// or the worker failed, charts are drawn here.
//   Every chart goes to the worker as soon as it is asked for, and the worker keeps its own pictures in
// turn (chart-worker.ts). Were the turns kept here, the next chart would be sent only when this thread
// next looked at its messages, which it does not while it edits and deflates the package (~150 ms of
// the ETDZ deck): the worker sat idle with the last chart unsent, and the zip waited for it.
import os from 'node:os';
import { inTurn } from '../in-turn.js';
import { JobThread } from '../job-thread.js';
import type { ChartSpec, Theme } from '../model/types.js';
import type { PlacedSize } from './style.js';

/** Here, encodes run on libuv's thread pool: enough in flight to keep every core busy, no more. */
const here = inTurn(os.availableParallelism() + 1);

const thread = new JobThread<{ spec: ChartSpec; theme: Theme; size: PlacedSize }, Uint8Array>(new URL('./chart-worker.js', import.meta.url));
/** Pictures the worker drew so far (for tests: that the worker, not this thread, drew them). */
let onWorker = 0;

/** Starts the worker now (it loads chart.js and the canvas while this thread reads the outline). */
export function warmChartWorker(): void {
  thread.start();
}

/** The PNG of one chart, drawn on the worker, or here where there is none. */
export async function drawChart(spec: ChartSpec, theme: Theme, size: PlacedSize): Promise<Uint8Array> {
  const png = await thread.run({ spec, theme, size });
  if (png) {
    onWorker++;
    return png;
  }
  return here(async () => {
    const { renderChartPng } = await import('./chart-png.js');
    return (await renderChartPng(spec, theme, size)).png;
  });
}

export function drawnOnWorker(): number {
  return onWorker;
}

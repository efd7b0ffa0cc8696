// Chart pictures are drawn on a worker thread, so that on a machine with two cores or more the charts
// are drawn while this thread writes the package (and it never loads chart.js): the pictures are only
// needed when the package is zipped. The worker runs the same renderChartPng with the same bundled
// fonts, so a picture has the same bytes whichever thread drew it. Where no worker can run (job-thread.ts)
// or the worker failed, charts are drawn here.
import os from 'node:os';
import { JobThread } from '../job-thread.js';
import type { ChartSpec, Theme } from '../model/types.js';
import type { PlacedSize } from './style.js';

interface Job {
  spec: ChartSpec;
  theme: Theme;
  size: PlacedSize;
  resolve: (png: Uint8Array) => void;
  reject: (e: Error) => void;
}

/** Charts in flight on the worker at once: drawing is in turn, but each holds full-size pixel buffers (three
 * put the 300-slide synthetic deck at 413 MiB peak, two at ~370, in the same time). */
const ON_WORKER = 2;
/** Here, encodes run on libuv's thread pool: enough in flight to keep every core busy, no more. */
const HERE = os.availableParallelism() + 1;

const thread = new JobThread<Omit<Job, 'resolve' | 'reject'>, Uint8Array>(new URL('./chart-worker.js', import.meta.url));
const queue: Job[] = [];
let running = 0;
/** Pictures the worker drew so far (for tests: that the worker, not this thread, drew them). */
let onWorker = 0;

async function draw(job: Job): Promise<void> {
  try {
    let png = await thread.run({ spec: job.spec, theme: job.theme, size: job.size });
    if (png) onWorker++;
    else {
      const { renderChartPng } = await import('./chart-png.js');
      png = (await renderChartPng(job.spec, job.theme, job.size)).png;
    }
    job.resolve(png);
  } catch (e) {
    job.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/** Starts queued charts, up to the number in flight the worker (or this thread) allows. */
function pump(): void {
  while (queue.length && running < (thread.start() ? ON_WORKER : HERE)) {
    running++;
    void draw(queue.shift()!).finally(() => {
      running--;
      pump();
    });
  }
}

/** Starts the worker now (it loads chart.js and the canvas while this thread reads the outline). */
export function warmChartWorker(): void {
  thread.start();
}

/** The PNG of one chart, drawn on the worker, or here where there is none. */
export function drawChart(spec: ChartSpec, theme: Theme, size: PlacedSize): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    queue.push({ spec, theme, size, resolve, reject });
    pump();
  });
}

export function drawnOnWorker(): number {
  return onWorker;
}

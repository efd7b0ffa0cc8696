// Chart pictures are drawn on a worker thread, so that on a machine with two cores or more the charts
// are drawn while this thread writes the package (and it never loads chart.js): the pictures are only
// needed when the package is zipped. The worker runs the same renderChartPng with the same bundled
// fonts, so a picture has the same bytes whichever thread drew it. Where no worker can run (the .ts
// sources under vitest, a batch's worker threads, a worker that failed) charts are drawn here.
import os from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import type { ChartSpec, Theme } from '../model/types.js';
import type { PlacedSize } from './style.js';

interface Job {
  spec: ChartSpec;
  theme: Theme;
  size: PlacedSize;
  resolve: (png: Uint8Array) => void;
  reject: (e: Error) => void;
}

/** Charts in flight on the worker at once: drawing is in turn, but each encode holds a full-size canvas. */
const ON_WORKER = 3;
/** Here, encodes run on libuv's thread pool: enough in flight to keep every core busy, no more. */
const HERE = os.availableParallelism() + 1;

let usable = isMainThread && os.availableParallelism() > 1 && import.meta.url.endsWith('.js');
let worker: Worker | undefined;
let nextId = 0;
const sent = new Map<number, Job>();
let here = 0;
/** Pictures the worker drew so far (for tests: that the worker, not this thread, drew them). */
let onWorker = 0;
const queue: Job[] = [];

function giveUp(): void {
  usable = false;
  worker = undefined;
  // What the worker held is drawn here instead.
  queue.unshift(...sent.values());
  sent.clear();
  pump();
}

async function drawHere(job: Job): Promise<void> {
  try {
    const { renderChartPng } = await import('./chart-png.js');
    job.resolve((await renderChartPng(job.spec, job.theme, job.size)).png);
  } catch (e) {
    job.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function theWorker(): Worker | undefined {
  if (!usable) return undefined;
  if (!worker) {
    try {
      // None of this process's Node options: some (an --input-type, a loader) would stop it starting.
      worker = new Worker(new URL('./chart-worker.js', import.meta.url), { execArgv: [] });
    } catch {
      usable = false;
      return undefined;
    }
    worker.on('message', (r: { id: number; png?: Uint8Array; error?: string }) => {
      const job = sent.get(r.id);
      sent.delete(r.id);
      if (job) {
        if (r.png) onWorker++;
        if (r.png) job.resolve(r.png);
        else job.reject(new Error(r.error ?? 'internal: the chart worker gave no picture'));
      }
      pump();
    });
    worker.on('error', giveUp);
    worker.on('exit', giveUp);
    // Idle, it must not keep the process alive; with charts to draw it must (pump refs it). After the
    // listeners, which ref it.
    worker.unref();
  }
  return worker;
}

/** Hands queued charts to the worker, or draws them here, up to the number in flight each allows. */
function pump(): void {
  const w = theWorker();
  while (queue.length && (w ? sent.size < ON_WORKER : here < HERE)) {
    const job = queue.shift()!;
    if (w) {
      const id = nextId++;
      sent.set(id, job);
      w.postMessage({ id, spec: job.spec, theme: job.theme, size: job.size });
    } else {
      here++;
      void drawHere(job).finally(() => {
        here--;
        pump();
      });
    }
  }
  if (w) {
    if (sent.size) w.ref();
    else w.unref();
  }
}

/** Starts the worker now (it loads chart.js and the canvas while this thread reads the outline). */
export function warmChartWorker(): void {
  theWorker();
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

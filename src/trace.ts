// BRIEFDECK_TRACE=1 prints when each stage of a build ends, on every thread, in milliseconds since the
// process started: where a build's time goes without a profiler's overhead. Off, a mark costs one check.
import fs from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

const on = !!process.env.BRIEFDECK_TRACE;
// A worker's clock starts when the worker does: its marks are placed on the main thread's clock.
if (on && isMainThread) process.env.BRIEFDECK_TRACE_ORIGIN = String(performance.timeOrigin);
const origin = Number(process.env.BRIEFDECK_TRACE_ORIGIN ?? performance.timeOrigin);

export function mark(label: string): void {
  if (!on) return;
  const at = performance.timeOrigin + performance.now() - origin;
  fs.writeSync(2, `trace ${at.toFixed(1).padStart(7)} ms ${isMainThread ? 'main' : `thread ${threadId}`}: ${label}\n`);
}

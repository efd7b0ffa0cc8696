// Deflating the package is one of the largest costs of a cold build (fflate runs cold: ~80 ms for the
// ~200 KB of XML in a deck), and most parts are final long before the zip is written: the template's
// master, layouts and theme, notes, relationships, each slide once edited. Those are sent ahead to a
// worker thread, which deflates them on the other core while this one edits slides; the zip then finds
// them in zip-write's cache. The worker runs the same fflate deflateSync at the same level (packPart),
// so the bytes are the same whichever thread made them.
import os from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { cachedPack, keepPack, packKey, packPart, type Packed, type ZipEntry } from './zip-write.js';

interface Reply {
  id: number;
  crc: number;
  bytes: Uint8Array;
}

let worker: Worker | undefined;
/** False once the worker failed or could not start: everything is deflated here from then on. */
// One core has nothing to gain; vitest runs the .ts sources, where there is no worker file.
let usable = isMainThread && os.availableParallelism() > 1 && import.meta.url.endsWith('.js');
let nextId = 0;
/** Parts deflated on the worker so far (for tests: that the worker, not this thread, made them). */
let received = 0;
const waiting = new Map<number, { resolve: (p: Packed | undefined) => void }>();
const inFlight = new Map<string, Promise<Packed | undefined>>();

function giveUp(): void {
  usable = false;
  worker = undefined;
  for (const w of waiting.values()) w.resolve(undefined);
  waiting.clear();
}

function theWorker(): Worker | undefined {
  if (!usable) return undefined;
  if (!worker) {
    try {
      // None of this process's Node options: a worker that only deflates needs none, and some (an
      // --input-type, a loader) would stop it starting.
      worker = new Worker(new URL('./deflate-worker.js', import.meta.url), { execArgv: [] });
    } catch {
      giveUp();
      return undefined;
    }
    worker.on('message', (r: Reply) => {
      const w = waiting.get(r.id);
      waiting.delete(r.id);
      if (waiting.size === 0) worker?.unref();
      received++;
      w?.resolve({ crc: r.crc, bytes: r.bytes });
    });
    worker.on('error', giveUp);
    worker.on('exit', giveUp);
    // Idle, it must not keep the process alive (a build that is done is done); with parts to deflate it
    // must, or an awaited part would never come. (After the listeners: adding one refs the worker.)
    worker.unref();
  }
  return worker;
}

/** Starts the worker now, so that it is ready by the time the first parts are final. */
export function warmDeflater(): void {
  theWorker();
}

/** Sends parts whose bytes are final to be deflated on the worker (those not cached or sent already). */
export function deflateAhead(parts: Iterable<{ data: Uint8Array; level: number }>): void {
  for (const { data, level } of parts) {
    if (level === 0) continue;
    const key = packKey(data, level);
    if (inFlight.has(key) || cachedPack(key)) continue;
    const w = theWorker();
    if (!w) return;
    const id = nextId++;
    const done = new Promise<Packed | undefined>((resolve) => waiting.set(id, { resolve })).then((p) => {
      inFlight.delete(key);
      if (p) keepPack(key, p);
      return p;
    });
    inFlight.set(key, done);
    if (waiting.size === 1) w.ref();
    w.postMessage({ id, data, level });
  }
}

/**
 * Makes sure every entry's deflated bytes are in the cache: those on the worker are awaited, after this
 * thread has deflated the ones nobody sent (so both cores work), and one the worker failed is done here.
 */
export async function settle(entries: readonly ZipEntry[]): Promise<void> {
  const pending: { entry: ZipEntry; key: string; done: Promise<Packed | undefined> }[] = [];
  for (const entry of entries) {
    if (entry.level === 0) continue;
    const key = packKey(entry.data, entry.level);
    const done = inFlight.get(key);
    if (done) pending.push({ entry, key, done });
    else if (!cachedPack(key)) keepPack(key, packPart(entry.data, entry.level));
  }
  for (const { entry, key, done } of pending) if (!(await done) && !cachedPack(key)) keepPack(key, packPart(entry.data, entry.level));
}

export function deflatedOnWorker(): number {
  return received;
}

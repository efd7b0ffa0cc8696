// Deflating the package is one of the largest costs of a cold build (fflate runs cold: ~80 ms for the
// ~200 KB of XML in a deck), and most parts are final long before the zip is written: the template's
// master, layouts and theme, notes, relationships, each slide once edited. Those are sent ahead to a
// worker thread, which deflates them on the other core while this one edits slides; the zip then finds
// them in zip-write's cache. The worker runs the same fflate deflateSync at the same level (packPart),
// so the bytes are the same whichever thread made them.
import { JobThread } from '../job-thread.js';
import { cachedPack, keepPack, packKey, packPart, type Packed, type ZipEntry } from './zip-write.js';

type Job = { data: Uint8Array; level: number }[];
const thread = new JobThread<Job, Packed[]>(new URL('./deflate-worker.js', import.meta.url));
const inFlight = new Map<string, Promise<Packed | undefined>>();
/** Parts deflated on the worker so far (for tests: that the worker, not this thread, made them). */
let received = 0;

/** Starts the worker now, so that it is ready by the time the first parts are final. */
export function warmDeflater(): void {
  thread.start();
}

/** Sends parts whose bytes are final to be deflated on the worker (those not cached or sent already), in one message. */
export function deflateAhead(parts: Iterable<{ data: Uint8Array; level: number }>): void {
  if (!thread.start()) return;
  const job: Job = [];
  const keys: string[] = [];
  const batched = new Set<string>();
  for (const { data, level } of parts) {
    if (level === 0) continue;
    const key = packKey(data, level);
    if (inFlight.has(key) || cachedPack(key) || batched.has(key)) continue;
    // A copy of just these bytes, moved: the part may be a view into a larger buffer, which would be
    // cloned whole, and the zip still needs the part itself.
    job.push({ data: new Uint8Array(data), level }); // a copy (a Buffer's slice() would be a view)
    keys.push(key);
    batched.add(key);
  }
  if (!job.length) return;
  const all = thread.run(
    job,
    job.map((j) => j.data.buffer as ArrayBuffer),
  );
  keys.forEach((key, i) => {
    inFlight.set(
      key,
      all.then((packed) => {
        inFlight.delete(key);
        const p = packed?.[i];
        if (p) {
          received++;
          keepPack(key, p);
        }
        return p;
      }),
    );
  });
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

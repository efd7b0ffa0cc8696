// What watch and serve share: watch the outline and the files it uses, and rebuild as soon as one
// changes — no debounce and no write-stability wait. A save is read the moment it is reported; a file
// still being written (its size or time changes while it is read, or it is empty) is detected and read
// again on its next event. chokidar drops a second change event that arrives within 50 ms of the first,
// so a cheap stat just after that window catches a save whose event was dropped.
import fs from 'node:fs';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { readOutline } from './commands.js';
import path from 'node:path';
import type { OutlineSource } from './stdio.js';

/** chokidar's own throttle for change events on one path, plus a little. */
const DROPPED_EVENT_CHECK_MS = 60;

type Stamp = string;

function stamp(file: string): Stamp {
  try {
    const s = fs.statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The outline's text, or undefined while it is being written (read again on its next event). */
export function readComplete(file: string): OutlineSource | undefined {
  const before = stamp(file);
  const { source, text } = readOutline(file);
  if (stamp(file) !== before || source.length === 0) return undefined;
  return { source, text, baseDir: path.dirname(path.resolve(file)) };
}

export interface RebuildLoop {
  /** What the first build returned. */
  first: Promise<unknown>;
  /** Resolves when the watcher is watching (after the first build). */
  ready: Promise<void>;
  /** Builds again now (or right after the build under way), e.g. to retry a failed write. */
  trigger(): void;
  /** Replaces the watched inputs (besides the outline): a new CSV file or picture, not one dropped. */
  setInputs(files: Iterable<string>): void;
  /** How many inputs besides the outline are watched. */
  readonly inputCount: number;
  /** Waits for the build under way, then stops watching. */
  close(): Promise<void>;
}

/**
 * Calls `rebuild` once now and again after every change, one at a time: changes during a build
 * schedule exactly one more.
 */
export function rebuildLoop(outline: string, rebuild: () => Promise<unknown>): RebuildLoop {
  let watched = new Set<string>([outline]);
  let watcher: FSWatcher | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const seen = new Map<string, Stamp>();
  const checks = new Set<NodeJS.Timeout>();

  const remember = (): void => {
    for (const f of watched) seen.set(f, stamp(f));
  };

  let resolveFirst!: (v: unknown) => void;
  const first = new Promise<unknown>((r) => (resolveFirst = r));
  const trigger = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        remember();
        resolveFirst(await rebuild());
        // A save during the build (its event may have been throttled away) means one more build.
        if ([...watched].some((f) => stamp(f) !== seen.get(f))) again = true;
      } while (again && !closed);
      running = undefined;
    })();
  };

  const changed = (): void => {
    trigger();
    const t = setTimeout(() => {
      checks.delete(t);
      if (!running && [...watched].some((f) => stamp(f) !== seen.get(f))) trigger();
    }, DROPPED_EVENT_CHECK_MS);
    checks.add(t);
  };

  trigger();
  const ready = (async () => {
    await running;
    if (closed) return;
    watcher = chokidarWatch([...watched], { ignoreInitial: true });
    watcher.on('change', changed).on('add', changed).on('unlink', changed);
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  })();

  return {
    first,
    ready,
    trigger,
    setInputs(files) {
      const now = new Set([outline, ...files]);
      for (const f of now) if (!watched.has(f)) watcher?.add(f);
      for (const f of watched) if (!now.has(f)) watcher?.unwatch(f);
      watched = now;
    },
    get inputCount() {
      return watched.size - 1;
    },
    async close() {
      closed = true;
      for (const t of checks) clearTimeout(t);
      await ready.catch(() => undefined);
      await running;
      await watcher?.close();
    },
  };
}

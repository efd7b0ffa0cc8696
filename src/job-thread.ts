// One worker thread that answers jobs by id, for work that can run beside this thread on a second core
// (render/chart-pool.ts). It starts on first use, with none of this process's Node options (some, an
// --input-type or a loader, would stop it starting); it keeps the process alive only while it has
// jobs; and when it fails it is given up for good: its unanswered jobs resolve to undefined, for the
// caller to do on this thread.
import fs from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { saveCodeCaches } from './code-cache.js';

type Reply<Res> = { id: number; result: Res } | { id: number; error: string };

interface Waiting<Res> {
  resolve: (r: Res | undefined) => void;
  reject: (e: Error) => void;
}

export class JobThread<Req, Res> {
  private worker: Worker | undefined;
  private failed: boolean;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting<Res>>();

  /**
   * `file` is the worker's compiled module. There is no worker on one core (nothing to gain), off the
   * main thread (a batch's workers each build a deck already) or where the file is missing (vitest runs
   * the .ts sources).
   */
  constructor(private readonly file: URL) {
    this.failed = !isMainThread || os.availableParallelism() < 2 || !fs.existsSync(file);
  }

  /** Starts the worker if it can run; false when jobs are to be done on this thread. */
  start(): boolean {
    if (this.failed) return false;
    if (this.worker) return true;
    let w: Worker;
    try {
      w = new Worker(this.file, { execArgv: [] });
    } catch {
      this.failed = true;
      return false;
    }
    w.on('message', (r: Reply<Res>) => {
      const job = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      if (this.waiting.size === 0) w.unref();
      if (!job) return;
      if ('error' in r) job.reject(new Error(r.error));
      else job.resolve(r.result);
    });
    const lost = () => {
      this.failed = true;
      this.worker = undefined;
      for (const job of this.waiting.values()) job.resolve(undefined);
      this.waiting.clear();
    };
    w.on('error', lost);
    w.on('exit', lost);
    // After the listeners, which ref it: idle, it must not keep the process alive.
    w.unref();
    this.worker = w;
    return true;
  }

  /**
   * The worker's answer; undefined when there is no worker or it was lost (do the job here then).
   * `transfer` moves buffers instead of copying them (they are unusable here afterwards).
   */
  run(req: Req, transfer: ArrayBuffer[] = []): Promise<Res | undefined> {
    if (!this.start()) return Promise.resolve(undefined);
    const w = this.worker!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // With a job out, it must keep the process alive, or the answer would never be waited for.
      if (this.waiting.size === 1) w.ref();
      w.postMessage({ id, req }, transfer);
    });
  }

  /** Jobs sent and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }
}

/** A buffer that can be moved to another thread as it is: one that is all of its own memory. */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

/**
 * The worker's side: answers each job with `handle`'s result, or the error it threw; `transfer` names the
 * result's buffers to move rather than copy. (A typed array is cloned with all of the memory it views.)
 */
export function answerJobs<Req, Res>(handle: (req: Req) => Res | Promise<Res>, transfer: (result: Res) => ArrayBuffer[] = () => []): void {
  parentPort?.on('message', ({ id, req }: { id: number; req: Req }) => {
    Promise.resolve()
      .then(() => handle(req))
      .then(
        (result) => parentPort!.postMessage({ id, result }, transfer(result)),
        (e: unknown) => parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      )
      // Once a job has compiled the worker's code, and after its answer is on its way.
      .then(() => setImmediate(saveCodeCaches));
  });
}

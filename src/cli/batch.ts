// Several outlines in one command (`briefdeck build decks/*.yaml`): built on a pool of worker threads,
// one per core, each outline reported whole on its own lines in the order given, then one verdict line
// for the batch. Exit 1 if any outline failed, 2 if briefdeck itself did.
import os from 'node:os';
import { Piscina } from 'piscina';
import type { BatchResult } from './batch-worker.js';
import type { CommandOptions } from './commands.js';
import type { Io } from './io.js';
import type { PreviewOptions } from './preview.js';
import { removeTemporaryFilesOnSignal } from './write-atomic.js';

export type BatchCommand = 'build' | 'validate' | 'preview';

export interface BatchTask {
  command: BatchCommand;
  file: string;
  opts: CommandOptions & PreviewOptions;
  /** Whether the worker's lines may carry colour (decided by the main thread, which owns the terminal). */
  colour: boolean;
}

const PAST: Record<BatchCommand, [string, string]> = {
  build: ['built', 'not built'],
  validate: ['valid', 'not valid'],
  preview: ['previewed', 'not previewed'],
};

/** `outputFolders`: where the tasks write, so that an interrupt leaves no temporary file there. */
export async function runBatch(command: BatchCommand, tasks: Omit<BatchTask, 'command'>[], io: Io, outputFolders: string[] = []): Promise<number> {
  const threads = Math.max(1, Math.min(tasks.length, os.availableParallelism?.() ?? os.cpus().length));
  const pool = new Piscina<BatchTask, BatchResult>({
    filename: new URL('./batch-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  const unguard = removeTemporaryFilesOnSignal(outputFolders);
  const results = tasks.map((t) => pool.run({ ...t, command }));
  let worst = 0;
  let failed = 0;
  const json = tasks[0]?.opts.json === true;
  try {
    // Printed in the order given, each as soon as it and those before it are done.
    for (const pending of results) {
      const r = await pending;
      for (const l of r.lines) (l.stream === 'out' ? io.out : io.err)(l.text);
      if (r.code !== 0) failed++;
      worst = Math.max(worst, r.code);
    }
  } finally {
    await pool.destroy();
    unguard();
  }
  if (!json && !(failed === 0 && tasks[0]?.opts.quiet)) {
    const [ok, notOk] = PAST[command];
    const c = io.colours;
    const good = `${tasks.length - failed} ${ok}`;
    const verdict = `${tasks.length} outlines: ${c && failed === 0 ? c.green(good) : good}${failed ? `, ${c ? c.red(`${failed} ${notOk}`) : `${failed} ${notOk}`}` : ''}`;
    (failed ? io.err : io.out)(verdict);
  }
  return worst;
}

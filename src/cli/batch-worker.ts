// One outline of a batch, run on a worker thread: the command's lines are collected, not printed, so
// that the main thread can print each outline's report whole and in the order the outlines were given.
import { saveCodeCaches } from '../code-cache.js';
import { coloursFor } from './colour.js';
import { CliError, internalErrorMessage } from './errors.js';
import type { Io } from './io.js';
import type { BatchCommand, BatchTask } from './batch.js';

export interface BatchResult {
  code: number;
  lines: { stream: 'out' | 'err'; text: string }[];
}

export default async function runOne(task: BatchTask): Promise<BatchResult> {
  const lines: BatchResult['lines'] = [];
  const io: Io = {
    out: (text) => lines.push({ stream: 'out', text }),
    err: (text) => lines.push({ stream: 'err', text }),
    colours: coloursFor(task.colour),
  };
  try {
    return { code: await commandFor(task.command)(task.file, task.opts, io), lines };
  } catch (e) {
    io.err(e instanceof CliError ? e.message : internalErrorMessage(e));
    return { code: e instanceof CliError ? e.exitCode : 2, lines };
  } finally {
    saveCodeCaches(); // the first outline's build has compiled the worker's code
  }
}

type Run = (file: string, opts: BatchTask['opts'], io: Io) => Promise<number>;

function commandFor(command: BatchCommand): Run {
  switch (command) {
    case 'build':
      return async (f, o, io) => (await import('./commands.js')).buildCommand(f, o, io);
    case 'validate':
      return async (f, o, io) => (await import('./commands.js')).validateCommand(f, o, io);
    case 'preview':
      return async (f, o, io) => (await import('./preview.js')).previewCommand(f, o, io);
  }
}

// build, validate and preview on what the user named: one outline runs here, in this process (with
// progress on a terminal); several run on the worker pool; `-` reads the outline from standard input.
import path from 'node:path';
import { MAX_OUTLINE_BYTES } from '../outline/parse.js';
import type { BatchCommand } from './batch.js';
import { defaultOutput, type CommandOptions } from './commands.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import { expandOutlines, outputIn, sameNames } from './outlines.js';
import type { PreviewOptions } from './preview.js';
import { isStdin, readStdin } from './stdio.js';

export async function runOutlines(command: BatchCommand, args: string[], opts: CommandOptions & PreviewOptions, io: Io): Promise<number> {
  const files = expandOutlines(args);
  if (files.length === 1) return runSingle(command, files[0]!, opts, io);
  if (opts.out !== undefined && isStdin(opts.out)) throw new CliError('briefdeck: `-o -` takes one outline: standard output can carry only one deck');
  const clash = command === 'validate' ? undefined : opts.out !== undefined ? sameNames(files) : sameOutputs(files);
  if (clash) throw new CliError(`briefdeck: ${clash} would write the same output: build them with separate \`-o\``);
  const ext = command === 'preview' ? '-preview' : '.pptx';
  const tasks = files.map((file) => ({
    file,
    opts: { ...opts, ...(opts.out !== undefined ? { out: outputIn(opts.out, file, ext) } : {}) },
    colour: io.colours?.isColorSupported ?? false,
  }));
  const folders = command === 'validate' ? [] : tasks.map((t) => (command === 'preview' ? (t.opts.out ?? defaultOutput(t.file).replace(/\.pptx$/, '-preview')) : path.dirname(t.opts.out ?? defaultOutput(t.file))));
  // The worker pool (piscina) is loaded only for several outlines.
  return (await import('./batch.js')).runBatch(command, tasks, io, folders);
}

async function runSingle(command: BatchCommand, file: string, opts: CommandOptions & PreviewOptions, io: Io): Promise<number> {
  if (command === 'preview') {
    if (isStdin(file)) throw new CliError('briefdeck: preview reads its outline from a file (it names the preview folder): save the outline first');
    return (await import('./preview.js')).previewCommand(file, opts, io);
  }
  const commands = await import('./commands.js');
  if (!isStdin(file)) return command === 'build' ? commands.buildCommand(file, opts, io) : commands.validateCommand(file, opts, io);
  if (command === 'build' && opts.out === undefined) throw new CliError('briefdeck: an outline from standard input needs `-o FILE` (or `-o -` for standard output)');
  const source = await readStdin(MAX_OUTLINE_BYTES * 4);
  return command === 'build' ? commands.buildCommand(file, opts, io, source) : commands.validateCommand(file, opts, io, source);
}

/** Default outputs (output/<name>.pptx) of outlines with the same name in different folders can collide. */
function sameOutputs(files: string[]): string | undefined {
  const seen = new Map<string, string>();
  for (const f of files) {
    const out = path.resolve(defaultOutput(f));
    const other = seen.get(out);
    if (other) return `${other} and ${f}`;
    seen.set(out, f);
  }
  return undefined;
}

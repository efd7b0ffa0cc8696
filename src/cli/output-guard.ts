// An output must never be one of the build's inputs: `-o deck.yaml`, `-o data.csv`, `-o sub/../deck.yaml`,
// a symlink or a hard link to the outline would replace what the user wrote with a zip file. Paths are
// compared after resolving symlinks, and existing files by device and inode, which also catches hard
// links and case-insensitive file systems.
import fs from 'node:fs';
import path from 'node:path';
import { WriteError } from './write-error.js';

/** Throws a WriteError when `target` exists and is not a regular file (a folder, a FIFO, a device). */
export function refuseSpecialFile(target: string, stat: fs.Stats): void {
  if (stat.isFile()) return;
  const what = stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
  throw new WriteError(
    target,
    'not-a-file',
    `cannot write ${target}: it is ${what}, not a file`,
    stat.isDirectory() ? `give a file name inside it, e.g. -o ${path.join(target, 'deck.pptx')}` : 'give the path of a file to create or replace, e.g. -o output/deck.pptx',
  );
}

/** Both checks, before any work is done: a special file, or one of `inputs`. */
export function refuseOutput(target: string, inputs: readonly string[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return; // nothing there (or not reachable): the write itself will say what is wrong
  }
  refuseSpecialFile(target, stat);
  refuseInputs(target, inputs);
}

/** Throws a WriteError when `target` is (or would replace) one of `inputs`. */
export function refuseInputs(target: string, inputs: readonly string[]): void {
  const out = identity(target);
  if (!out) return; // nothing there yet: it cannot be a file the build read
  for (const input of inputs) {
    const other = identity(input);
    if (!other) continue;
    if (other.real === out.real || (other.dev === out.dev && other.ino === out.ino)) {
      const same = input === '/dev/stdin' ? ' (standard input reads it)' : path.resolve(input) === path.resolve(target) ? '' : ` (the same file as ${input})`;
      throw new WriteError(
        target,
        'output-is-input',
        `will not write ${target}: it is a file this build reads${same}; writing there would destroy it`,
        'write the output somewhere else with -o (for example into output/)',
      );
    }
  }
}

function identity(file: string): { real: string; dev: number; ino: number } | undefined {
  try {
    const stat = fs.statSync(file);
    return { real: fs.realpathSync(file), dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}

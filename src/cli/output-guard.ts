// An output must never be one of the build's inputs: `-o deck.yaml`, `-o data.csv`, `-o sub/../deck.yaml`,
// a symlink or a hard link to the outline would replace what the user wrote with a zip file. Paths are
// compared after resolving symlinks, and existing files by device and inode, which also catches hard
// links and case-insensitive file systems. The output is looked up where the write will put it: the
// target resolved as a path first (`..` taken away lexically, as the folder is made), so `-o nosuch/../deck.yaml`
// is deck.yaml even though `nosuch` does not exist (the file system would call it missing and the write
// would land on deck.yaml).
import fs from 'node:fs';
import path from 'node:path';
import { explain, WriteError } from './write-error.js';

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

/**
 * Throws a WriteError when `target` ends in a slash: that names a folder (as it does for cp and mv), and
 * writing a file by that name (`-o newdir/` made a file called `newdir`) is not what was asked.
 */
export function refuseFolderName(target: string): void {
  if (!/[/\\]$/.test(target) || path.resolve(target) === path.parse(path.resolve(target)).root) return;
  const name = target.replace(/[/\\]+$/, '');
  throw new WriteError(target, 'not-a-file', `cannot write ${target}: a name ending in / is a folder, not a file`, `give a file name, e.g. -o ${path.join(name, 'deck.pptx')} or -o ${name}.pptx`);
}

/** The checks that can be made before any work is done: a special file, one of `inputs`, a folder that cannot be written. */
export function refuseOutput(target: string, inputs: readonly string[]): void {
  refuseFolderName(target);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(path.resolve(target));
  } catch {
    // nothing there yet
  }
  if (stat) {
    refuseSpecialFile(target, stat);
    refuseInputs(target, inputs);
  }
  // A read-only disk or a folder without write permission is said at once, not after the build.
  let folder = path.dirname(path.resolve(target));
  while (!fs.existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    throw explain(target, e, 0, path.dirname(path.resolve(target)));
  }
}

/** Throws a WriteError when `target` is (or would replace) one of `inputs`. */
export function refuseInputs(target: string, inputs: readonly string[]): void {
  const out = identity(path.resolve(target));
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

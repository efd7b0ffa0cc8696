// A write that did not happen, said about the target (never a temporary file), with what to do.
import path from 'node:path';

export class WriteError extends Error {
  constructor(
    readonly target: string,
    /** Stable code: `disk-full`, `not-a-file`, `output-is-input`, … */
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** A file-system error as a sentence about the target and what to do; the temporary file is never named. */
export function explain(target: string, e: unknown, bytes: number, folder?: string): WriteError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
  const where = folder ?? path.dirname(target);
  const known: Record<string, [string, string, string]> = {
    ENOSPC: ['disk-full', 'the disk is full', `free some space (the file needs about ${size}) and run again; the previous file is unchanged`],
    EDQUOT: ['disk-full', 'the disk quota is used up', `free some space (the file needs about ${size}) and run again; the previous file is unchanged`],
    EACCES: ['permission-denied', `permission denied`, `choose a folder you can write to (-o), or change the permissions of ${where}`],
    EPERM: ['permission-denied', `the operation is not permitted`, `choose a folder you can write to (-o), or change the permissions of ${where}`],
    EROFS: ['read-only', 'the file system is read-only', 'write to another folder with -o'],
    EISDIR: ['not-a-file', 'it is a folder, not a file', `give a file name inside it, e.g. -o ${path.join(target, 'deck.pptx')}`],
    ENOTDIR: ['not-a-folder', `a part of ${where} is a file, not a folder`, 'check the path given with -o'],
    EEXIST: ['not-a-folder', `a part of ${where} is a file, not a folder`, 'check the path given with -o'],
    ENAMETOOLONG: ['name-too-long', 'the file name is too long for the file system', 'choose a shorter name (at most 255 bytes per part of the path)'],
    ENOENT: ['no-folder', `the folder ${where} cannot be created or was removed`, 'check the path given with -o'],
    EIO: ['io-error', 'the disk reported an input/output error', 'check the disk, or write to another one with -o'],
    EMFILE: ['too-many-files', 'too many files are open', 'close some programs and run again'],
  };
  const [c, why, hint] = known[code] ?? ['write-failed', String((e as Error).message ?? e).replace(/,? (open|rename|write|mkdir) '[^']*'( -> '[^']*')?/g, ''), 'check the output path and the disk'];
  return new WriteError(target, c, `cannot write ${target}: ${why}`, hint);
}

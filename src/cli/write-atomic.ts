// Writes a file so that nobody (PowerPoint, Keynote, the previous good build) ever sees a half-written
// or short one: a temporary file in the target's folder, written completely (a short write is continued,
// a full disk is an error), flushed to disk, given the replaced file's mode and owner, then renamed over
// the target in one step. On any failure the target is untouched and the temporary file is gone; so it is
// when the process is interrupted (SIGINT, SIGTERM, SIGHUP) during the write.
//
// Why not npm's write-file-atomic: its temporary name is the target's name plus a suffix, which does not
// fit beside a 255-byte target name; it issues one write() and does not check how much was written; and
// its current release needs Node 22.
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { makeFolders } from '../make-folders.js';
import { CliError } from './errors.js';
import { refuseFolderName, refuseInputs, refuseSpecialFile } from './output-guard.js';
import { explain, WriteError } from './write-error.js';

export { explain, WriteError };

/** The file operations a write uses; tests replace some to inject short writes and failures. */
export interface WriteIo {
  write(handle: fs.promises.FileHandle, data: Uint8Array, offset: number, length: number): Promise<number>;
  sync(handle: fs.promises.FileHandle): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const realIo: WriteIo = {
  write: async (h, data, offset, length) => (await h.write(data, offset, length)).bytesWritten,
  sync: (h) => h.sync(),
  rename: (from, to) => fs.promises.rename(from, to),
};

export interface WriteOptions {
  /** Files the build read: the target must be none of them (compared by real path and device+inode). */
  inputs?: readonly string[];
  io?: Partial<WriteIo>;
}

/** Chunks small enough that an interrupt is noticed between them. */
const CHUNK = 1 << 20;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** A temporary file this old whose process is gone was left by a killed build (SIGKILL, power loss). */
const STALE_MS = 60 * 60 * 1000;
const TEMP = /^\.briefdeck-(\d+)-\d+-\d+\.tmp$/;
let counter = 0;

export async function writeFileAtomic(target: string, data: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const io = { ...realIo, ...options.io };
  refuseFolderName(target);
  const dir = path.dirname(path.resolve(target));
  await makeFolder(target, dir);
  const existing = await existingTarget(target);
  if (options.inputs) refuseInputs(target, options.inputs);
  // Write where a symlink points (the link stays a link); a dangling link is replaced.
  const file = existing?.real ?? path.resolve(target);
  const folder = path.dirname(file);
  removeStaleTemps(folder);

  const state: WriteState = {};
  startWatchingSignals(state);
  /** An interrupt stops the write when nobody else handles it (as Node would have, by dying). */
  const stopHere = (): boolean => state.interrupted !== undefined && !handledElsewhere.has(state.interrupted);

  let tmp: string | undefined;
  let handle: fs.promises.FileHandle | undefined;
  try {
    ({ tmp, handle } = await openTemp(folder, target));
    if (existing) await keepModeAndOwner(handle, existing.stat);
    for (let offset = 0; offset < data.length; ) {
      if (stopHere()) throw new Interrupted(target);
      const length = Math.min(CHUNK, data.length - offset);
      const n = await io.write(handle, data, offset, length);
      // write(2) may write less than asked (a nearly full disk): continue; 0 means no progress at all.
      if (!(n > 0)) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
      offset += n;
    }
    await io.sync(handle);
    await handle.close();
    handle = undefined;
    if (stopHere()) throw new Interrupted(target);
    await io.rename(tmp, file);
    tmp = undefined;
    await syncFolder(folder);
  } catch (e) {
    if (e instanceof WriteError) throw e;
    throw explain(target, e, data.length);
  } finally {
    await handle?.close().catch(() => undefined);
    if (tmp !== undefined) await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    stopWatchingSignals(state);
  }
}

/**
 * For writes on worker threads (a batch of outlines), which no signal reaches: until the returned
 * function is called, SIGINT, SIGTERM or SIGHUP first removes this process's temporary files from
 * `folders` (the batch's output folders), then ends the process as the signal would have.
 */
export function removeTemporaryFilesOnSignal(folders: Iterable<string>): () => void {
  const where = new Set<string>();
  for (const f of folders) {
    where.add(path.resolve(f));
    try {
      where.add(fs.realpathSync(f));
    } catch {
      // not there yet
    }
  }
  const ours = new RegExp(`^\\.briefdeck-${process.pid}-\\d+-\\d+\\.tmp$`);
  const handled = new Set<string>(SIGNALS.filter((sig) => process.listenerCount(sig) > 0));
  const onSignal = (sig: NodeJS.Signals): void => {
    for (const dir of where) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      for (const n of names) if (ours.test(n)) fs.rmSync(path.join(dir, n), { force: true });
    }
    stop();
    if (!handled.has(sig)) process.kill(process.pid, sig);
  };
  const stop = (): void => {
    for (const sig of SIGNALS) process.removeListener(sig, onSignal);
  };
  for (const sig of SIGNALS) process.on(sig, onSignal);
  return stop;
}

/** writeFileAtomic for the commands: a failure is a CliError (exit 1) that names the target and says what to do. */
export async function writeOutput(target: string, data: Uint8Array, options: WriteOptions = {}): Promise<void> {
  try {
    await writeFileAtomic(target, data, options);
  } catch (e) {
    if (e instanceof WriteError) throw new CliError(`briefdeck: ${e.message}\n  hint: ${e.hint}`, 1, { code: e.code, hint: e.hint, summary: e.message });
    throw e;
  }
}

class Interrupted extends WriteError {
  constructor(target: string) {
    super(target, 'interrupted', `cannot write ${target}: interrupted`, 'run the command again');
  }
}

interface WriteState {
  interrupted?: NodeJS.Signals;
}

/** One set of signal listeners for all writes in progress; a signal marks every one of them. */
const active = new Set<WriteState>();
const onSignal = (sig: NodeJS.Signals): void => {
  for (const w of active) w.interrupted ??= sig;
  pending ??= sig;
};
let pending: NodeJS.Signals | undefined;
/** Signals the program handles itself (watch mode stops cleanly on Ctrl-C): those never stop a write. */
const handledElsewhere = new Set<NodeJS.Signals>();

function startWatchingSignals(state: WriteState): void {
  if (active.size === 0) {
    handledElsewhere.clear();
    for (const sig of SIGNALS) {
      if (process.listenerCount(sig) > 0) handledElsewhere.add(sig);
      process.on(sig, onSignal);
    }
  }
  active.add(state);
}

/** After the last write: let a signal that came meanwhile do what it would have done (the target is untouched or complete). */
function stopWatchingSignals(state: WriteState): void {
  active.delete(state);
  if (active.size > 0) return;
  for (const sig of SIGNALS) process.removeListener(sig, onSignal);
  const sig = pending;
  pending = undefined;
  if (sig !== undefined && !handledElsewhere.has(sig) && process.listenerCount(sig) === 0) process.kill(process.pid, sig);
}

async function makeFolder(target: string, dir: string): Promise<void> {
  try {
    makeFolders(dir);
  } catch (e) {
    // mkdir can say ENOENT when the real trouble is the folder it would create in.
    let cause = e as NodeJS.ErrnoException;
    if (cause.code === 'ENOENT') {
      let above = dir;
      while (!fs.existsSync(above) && path.dirname(above) !== above) above = path.dirname(above);
      try {
        fs.accessSync(above, fs.constants.W_OK);
      } catch (denied) {
        cause = denied as NodeJS.ErrnoException;
      }
    }
    throw explain(target, cause, 0, dir);
  }
}

/** The target as it is now, or undefined when there is none; refuses anything but a regular file. */
async function existingTarget(target: string): Promise<{ real: string; stat: fs.Stats } | undefined> {
  // Where the write lands: `..` resolved as the folder was made (`nosuch/../deck.pptx` is ./deck.pptx).
  const resolved = path.resolve(target);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(resolved);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined; // nothing there, or a dangling symlink
    throw explain(target, e, 0);
  }
  refuseSpecialFile(target, stat);
  return { real: await fs.promises.realpath(resolved), stat };
}

/** A short name of our own (a target's name may already be 255 bytes long), created exclusively. */
async function openTemp(folder: string, target: string): Promise<{ tmp: string; handle: fs.promises.FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(folder, `.briefdeck-${process.pid}-${threadId}-${++counter}.tmp`);
    try {
      return { tmp, handle: await fs.promises.open(tmp, 'wx', 0o666) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 100) throw explain(target, e, 0);
    }
  }
}

/** A rebuilt deck keeps the permissions and owner of the one it replaces (0640 stays 0640). */
async function keepModeAndOwner(handle: fs.promises.FileHandle, stat: fs.Stats): Promise<void> {
  await handle.chmod(stat.mode & 0o7777);
  const uid = process.getuid?.();
  if (uid === undefined || (uid === stat.uid && process.getgid?.() === stat.gid)) return;
  await handle.chown(stat.uid, stat.gid).catch((e: NodeJS.ErrnoException) => {
    // Only root may give a file away; anyone else keeps what they can (as cp and editors do).
    if (uid === 0 || !['EPERM', 'EINVAL'].includes(e.code ?? '')) throw e;
  });
}

/** After the rename, the folder entry itself must reach the disk, or a crash could bring back the old file. */
async function syncFolder(folder: string): Promise<void> {
  let dirHandle: fs.promises.FileHandle | undefined;
  try {
    dirHandle = await fs.promises.open(folder, 'r');
    await dirHandle.sync();
  } catch {
    // Some systems cannot open or sync a folder; the rename itself has happened.
  } finally {
    await dirHandle?.close().catch(() => undefined);
  }
}

/** Temporary files of builds that were killed outright (no chance to clean up) would pile up. */
function removeStaleTemps(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const file = path.join(folder, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

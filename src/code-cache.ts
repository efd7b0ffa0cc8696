// Runs a bundled CommonJS file (dist/bin/*.cjs) with V8's code cache, on every Node line. Compiling
// the command line's bundle was a sixth of a cold build on Node 20, which has no module compile cache,
// and Node 22's `module.enableCompileCache()` keeps only what is compiled before a module runs. Here the
// cache is taken after a whole command has run (saveCodeCaches), so it holds every function the
// command compiled, and the next run compiles almost nothing.
//   - The cache lives in $TMPDIR/briefdeck-code-cache (BRIEFDECK_CODE_CACHE sets another folder;
//     NODE_DISABLE_COMPILE_CACHE=1, Node's own switch, turns it off). A file's name carries the Node
//     version, the architecture and a hash of the source: V8 itself checks only the source's length.
//   - The folder must be this user's and writable by no one else: cached code is run as it is.
//   - A cache that cannot be read or written is only a slower start, never an error.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { makeFolders } from './make-folders.js';

interface Uncached {
  script: vm.Script;
  cachePath: string;
  /** The name's part shared with the caches of this bundle's older sources. */
  prefix: string;
}

/** Shared through globalThis: each bundle carries its own copy of this module, and the stubs another. */
const REGISTRY = Symbol.for('briefdeck.code-cache');
type Registry = Uncached[];
const registry = (): Registry => ((globalThis as Record<symbol, Registry | undefined>)[REGISTRY] ??= []);

function cacheDir(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  return process.env.BRIEFDECK_CODE_CACHE || path.join(os.tmpdir(), 'briefdeck-code-cache');
}

/** Only a folder of this user's that no one else can write to is trusted with code. */
function trusted(dir: string): boolean {
  try {
    const st = fs.statSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return false;
    return true;
  } catch {
    return false;
  }
}

/** `<bundle>-<node version>-<arch>-`: the name's fixed part, shared by the caches of older sources. */
const namePrefix = (file: string): string => `${path.basename(file)}-${process.version}-${process.arch}-`;

/**
 * Runs `file` (a CommonJS bundle) as a module and returns its exports. With a cache from an earlier
 * run, V8 skips compiling; without one (or a stale one), the script is noted for saveCodeCaches().
 */
export function runCached(fileOrUrl: string | URL): unknown {
  const file = fileOrUrl instanceof URL ? fileURLToPath(fileOrUrl) : fileOrUrl;
  const source = fs.readFileSync(file, 'utf8');
  const dir = cacheDir();
  const prefix = namePrefix(file);
  const cachePath = dir && path.join(dir, `${prefix}${crypto.createHash('sha1').update(source).digest('hex').slice(0, 20)}.bin`);
  let cachedData: Buffer | undefined;
  if (cachePath && trusted(dir!)) {
    try {
      cachedData = fs.readFileSync(cachePath);
    } catch {
      // none yet
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachePath && (!cachedData || script.cachedDataRejected)) registry().push({ script, cachePath, prefix });
  const mod = new Module(file);
  mod.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

/**
 * Writes the code cache of every bundle that ran without one, now that it has done its work (the
 * cache then holds the functions that work compiled). Does nothing where runCached() was not used,
 * e.g. for callers of the library. Written to a temporary name and renamed, so that a process starting
 * meanwhile never reads half a file; the caches of older sources of the same bundle are removed.
 */
export function saveCodeCaches(): void {
  const pending = registry().splice(0);
  for (const { script, cachePath, prefix } of pending) {
    try {
      const dir = path.dirname(cachePath);
      makeFolders(dir, 0o700);
      if (!trusted(dir)) continue;
      const tmp = `${cachePath}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(tmp, cachePath);
      for (const name of fs.readdirSync(dir)) {
        if (name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(cachePath)) fs.rmSync(path.join(dir, name), { force: true });
      }
    } catch {
      // a read-only or full temporary folder: the next run compiles again
    }
  }
}

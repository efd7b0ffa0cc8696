// Each run is a fresh Node process, as a command is: within one process V8 reuses what it compiled
// and would take no cache at all. The processes use the built dist/code-cache.js (npm test builds).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(path.resolve(import.meta.dirname, '..', 'dist', 'code-cache.js')).href;

let work: string;
let cache: string;
const saved = { dir: process.env.BRIEFDECK_CODE_CACHE, off: process.env.NODE_DISABLE_COMPILE_CACHE };

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdeck-code-cache-test-'));
  cache = path.join(work, 'cache');
  process.env.BRIEFDECK_CODE_CACHE = cache;
  delete process.env.NODE_DISABLE_COMPILE_CACHE;
  fs.writeFileSync(path.join(work, 'dep.cjs'), 'module.exports = 40;\n');
});

afterEach(() => {
  for (const [k, v] of [['BRIEFDECK_CODE_CACHE', saved.dir], ['NODE_DISABLE_COMPILE_CACHE', saved.off]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

/** A bundle-like script: requires a file beside it, knows its own name, exports a function. */
function writeScript(op: '+' | '-'): string {
  const file = path.join(work, 'bundle.cjs');
  fs.writeFileSync(file, `const base = require('./dep.cjs');\nexports.calc = (n) => base ${op} n;\nexports.name = require('node:path').basename(__filename);\n`);
  return file;
}

/** Runs `file` in a new process with calc(n); saves the caches after it unless `save` is false. */
function run(file: string, n: number, save = true): { calc: number; name: string } {
  const code = `import { runCached, saveCodeCaches } from ${JSON.stringify(MODULE)};
const m = runCached(${JSON.stringify(file)});
process.stdout.write(JSON.stringify({ calc: m.calc(${n}), name: m.name }));
${save ? 'saveCodeCaches();' : ''}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env, timeout: 20_000 });
  if (r.status !== 0) throw new Error(r.error ? `${r.error.message} (hung?)` : r.stderr);
  return JSON.parse(r.stdout) as { calc: number; name: string };
}
const caches = () => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((n) => n.endsWith('.bin')) : []);

describe('runCached', () => {
  it('runs the script as a CommonJS module and saves its cache after the work', () => {
    const file = writeScript('+');
    expect(run(file, 2, false)).toEqual({ calc: 42, name: 'bundle.cjs' });
    expect(caches()).toEqual([]); // nothing unless the command, done, saves it
    run(file, 2);
    const [bin] = caches();
    expect(bin).toMatch(new RegExp(`^bundle\\.cjs-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{20}\\.bin$`));
    if (process.platform !== 'win32') {
      expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(cache, bin!)).mode & 0o777).toBe(0o600);
    }
  });

  it('uses a cache that matches and does not write it again', () => {
    const file = writeScript('+');
    run(file, 0);
    const bin = path.join(cache, caches()[0]!);
    const old = new Date('2001-01-01T00:00:00Z');
    fs.utimesSync(bin, old, old);
    expect(run(file, 1).calc).toBe(41);
    expect(fs.statSync(bin).mtimeMs).toBe(old.getTime());
  });

  it('never takes the cache of an older source of the same length, and removes it', () => {
    run(writeScript('+'), 0);
    const before = caches();
    expect(run(writeScript('-'), 2).calc).toBe(38);
    const after = caches();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
  });

  it('runs correctly from a damaged cache and replaces it', () => {
    const file = writeScript('+');
    run(file, 0);
    const bin = path.join(cache, caches()[0]!);
    const good = fs.readFileSync(bin);
    fs.writeFileSync(bin, Buffer.alloc(good.length, 7));
    expect(run(file, 3).calc).toBe(43);
    expect(fs.readFileSync(bin).equals(Buffer.alloc(good.length, 7))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('trusts no folder that others can write to', () => {
    fs.mkdirSync(cache, { mode: 0o700 });
    fs.chmodSync(cache, 0o777);
    expect(run(writeScript('+'), 0).calc).toBe(40);
    expect(caches()).toEqual([]);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE, and a folder it cannot create is no error', () => {
    process.env.NODE_DISABLE_COMPILE_CACHE = '1';
    run(writeScript('+'), 0);
    expect(caches()).toEqual([]);
    delete process.env.NODE_DISABLE_COMPILE_CACHE;
    const blocker = path.join(work, 'a-file');
    fs.writeFileSync(blocker, '');
    process.env.BRIEFDECK_CODE_CACHE = path.join(blocker, 'cache');
    expect(run(writeScript('+'), 1).calc).toBe(41);
    // A parent where mkdir fails with ENOENT although it exists: Node's recursive mkdir never returns there.
    if (process.platform === 'linux') {
      process.env.BRIEFDECK_CODE_CACHE = '/proc/briefdeck-code-cache';
      expect(run(writeScript('+'), 2).calc).toBe(42);
    }
    // Parents that do not exist yet are made.
    process.env.BRIEFDECK_CODE_CACHE = path.join(cache, 'a', 'b');
    run(writeScript('+'), 0);
    expect(fs.readdirSync(path.join(cache, 'a', 'b')).filter((n) => n.endsWith('.bin'))).toHaveLength(1);
  });
});

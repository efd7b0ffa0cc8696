// Writes that cannot lie: every byte reaches the file or the write fails, the replaced file keeps its
// mode and owner, a failure leaves the previous file byte-identical and no temporary file behind, also
// when the process is interrupted; outputs never land on inputs or on anything but a regular file.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseInputs } from '../../src/cli/output-guard.js';
import { writeFileAtomic, WriteError } from '../../src/cli/write-atomic.js';
import { ROOT, tempDir } from '../helpers.js';

const PREVIOUS = Buffer.from('the previous good deck');
const data = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 251);
const isRoot = process.getuid?.() === 0;

function withPrevious(): { dir: string; target: string } {
  const dir = tempDir('atomic');
  const target = path.join(dir, 'deck.pptx');
  fs.writeFileSync(target, PREVIOUS);
  return { dir, target };
}

async function failure(p: Promise<unknown>): Promise<WriteError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WriteError);
    return e as WriteError;
  }
  throw new Error('expected the write to fail');
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const { dir, target } = withPrevious();
    await writeFileAtomic(target, data(300_000));
    expect(fs.readFileSync(target).equals(Buffer.from(data(300_000)))).toBe(true);
    await writeFileAtomic(path.join(dir, 'new', 'folder', 'x.pptx'), data(10));
    expect(fs.readFileSync(path.join(dir, 'new', 'folder', 'x.pptx')).length).toBe(10);
    expect(fs.readdirSync(dir).sort()).toEqual(['deck.pptx', 'new']);
  });

  it.skipIf(process.platform !== 'linux')('a folder that cannot be made under /proc is an error naming the target, not a hang', async () => {
    // Node's recursive mkdir never returned there (mkdir says ENOENT under a parent that exists).
    const err = await writeFileAtomic('/proc/briefdeck-test/deck.pptx', new Uint8Array([1])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect((err as Error).message).toContain('/proc/briefdeck-test/deck.pptx');
  });

  it('continues after a short write instead of keeping a truncated file', async () => {
    const { target } = withPrevious();
    let calls = 0;
    await writeFileAtomic(target, data(100_000), {
      io: { write: async (h, d, off, len) => (calls++, (await h.write(d, off, Math.min(len, 777))).bytesWritten) },
    });
    expect(calls).toBeGreaterThan(100);
    expect(fs.readFileSync(target).equals(Buffer.from(data(100_000)))).toBe(true);
  });

  it('a short write followed by a full disk fails, naming the target; the previous file is byte-identical', async () => {
    const { dir, target } = withPrevious();
    let calls = 0;
    const e = await failure(
      writeFileAtomic(target, data(100_000), {
        io: {
          write: async (h, d, off, len) => {
            if (calls++ > 0) throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
            return (await h.write(d, off, Math.min(len, 1000))).bytesWritten;
          },
        },
      }),
    );
    expect(e.code).toBe('disk-full');
    expect(e.message).toBe(`cannot write ${target}: the disk is full`);
    expect(e.hint).toMatch(/free some space \(the file needs about 98 KiB\)/);
    expect(fs.readFileSync(target).equals(PREVIOUS)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['deck.pptx']);
  });

  it('a write that makes no progress is an error, not a silent success', async () => {
    const { dir, target } = withPrevious();
    const e = await failure(writeFileAtomic(target, data(10), { io: { write: async () => 0 } }));
    expect(e.code).toBe('disk-full');
    expect(fs.readFileSync(target).equals(PREVIOUS)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['deck.pptx']);
  });

  it('a failed rename names the target, never the temporary file, and removes the temporary file', async () => {
    const { dir, target } = withPrevious();
    const e = await failure(
      writeFileAtomic(target, data(10), {
        io: { rename: async (from, to) => Promise.reject(Object.assign(new Error(`EACCES: permission denied, rename '${from}' -> '${to}'`), { code: 'EACCES' })) },
      }),
    );
    expect(e.message).toBe(`cannot write ${target}: permission denied`);
    expect(e.message + e.hint).not.toMatch(/\.tmp/);
    expect(fs.readdirSync(dir)).toEqual(['deck.pptx']);
  });

  it('fits a temporary file beside a target whose name is 255 bytes long', async () => {
    const dir = tempDir('atomic');
    const target = path.join(dir, `${'d'.repeat(250)}.pptx`);
    expect(Buffer.byteLength(path.basename(target))).toBe(255);
    await writeFileAtomic(target, data(10));
    await writeFileAtomic(target, data(20));
    expect(fs.readFileSync(target).length).toBe(20);
    const e = await failure(writeFileAtomic(path.join(dir, `${'d'.repeat(251)}.pptx`), data(10)));
    expect(e.code).toBe('name-too-long');
  });

  it('keeps the mode of the file it replaces (0640 stays 0640)', async () => {
    const { target } = withPrevious();
    fs.chmodSync(target, 0o640);
    await writeFileAtomic(target, data(10));
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
  });

  it.skipIf(!isRoot)('keeps the owner and group of the file it replaces (as root)', async () => {
    const { target } = withPrevious();
    fs.chownSync(target, 1234, 5678);
    await writeFileAtomic(target, data(10));
    const st = fs.statSync(target);
    expect([st.uid, st.gid]).toEqual([1234, 5678]);
  });

  it('writes through a symlink to the file it points at, and keeps the link', async () => {
    const { dir, target } = withPrevious();
    const link = path.join(dir, 'link.pptx');
    fs.symlinkSync(target, link);
    await writeFileAtomic(link, data(10));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target).length).toBe(10);
  });

  it('refuses targets that exist and are not regular files: a folder, a FIFO, a device', async () => {
    const dir = tempDir('atomic');
    const e1 = await failure(writeFileAtomic(dir, data(10)));
    expect(e1.code).toBe('not-a-file');
    expect(e1.message).toMatch(/it is a folder, not a file/);
    const fifo = path.join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const e2 = await failure(writeFileAtomic(fifo, data(10)));
    expect(e2.message).toMatch(/it is a named pipe \(FIFO\), not a file/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    const e3 = await failure(writeFileAtomic('/dev/null', data(10)));
    expect(e3.message).toMatch(/it is a device, not a file/);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['fifo']);
    // Through a folder that does not exist: the file system says ENOENT, but the write would land on it.
    const e4 = await failure(writeFileAtomic(`${dir}/nosuch/../fifo`, data(10)));
    expect(e4.message).toMatch(/it is a named pipe \(FIFO\), not a file/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['fifo']);
  });

  it('refuses a name ending in / (it names a folder) and makes nothing', async () => {
    const dir = tempDir('atomic');
    const e = await failure(writeFileAtomic(`${dir}/newdir/`, data(10)));
    expect(e.code).toBe('not-a-file');
    expect(e.message).toMatch(/a name ending in \/ is a folder, not a file/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder path that runs through a file', async () => {
    const { target } = withPrevious();
    const e = await failure(writeFileAtomic(path.join(target, 'x.pptx'), data(10)));
    expect(e.code).toBe('not-a-folder');
    expect(e.message).toMatch(/^cannot write .*deck\.pptx\/x\.pptx: a part of/);
  });

  it('removes temporary files left by builds that were killed outright, and only those', async () => {
    const { dir, target } = withPrevious();
    const stale = path.join(dir, '.briefdeck-999999999-0-1.tmp');
    const fresh = path.join(dir, '.briefdeck-999999998-0-1.tmp');
    const other = path.join(dir, '.someone-else.tmp');
    for (const f of [stale, fresh, other]) fs.writeFileSync(f, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, old, old);
    fs.utimesSync(other, old, old);
    await writeFileAtomic(target, data(10));
    expect(fs.readdirSync(dir).sort()).toEqual(['.briefdeck-999999998-0-1.tmp', '.someone-else.tmp', 'deck.pptx']);
  });
});

describe('an output never lands on an input', () => {
  function setup() {
    const dir = tempDir('guard');
    const outline = path.join(dir, 'deck.yaml');
    fs.writeFileSync(outline, 'deck: {}\n');
    fs.mkdirSync(path.join(dir, 'sub'));
    return { dir, outline };
  }
  const refused = (target: string, inputs: string[]) => {
    try {
      refuseInputs(target, inputs);
    } catch (e) {
      return e as WriteError;
    }
    return undefined;
  };

  it('catches the same file by path, through .., through a symlink and as a hard link', () => {
    const { dir, outline } = setup();
    expect(refused(outline, [outline])?.code).toBe('output-is-input');
    expect(refused(path.join(dir, 'sub', '..', 'deck.yaml'), [outline])?.code).toBe('output-is-input');
    expect(refused(`${dir}/nosuch/../deck.yaml`, [outline])?.code).toBe('output-is-input');
    fs.symlinkSync(outline, path.join(dir, 'link.yaml'));
    expect(refused(path.join(dir, 'link.yaml'), [outline])?.message).toMatch(/the same file as .*deck\.yaml/);
    fs.linkSync(outline, path.join(dir, 'hard.yaml'));
    expect(refused(path.join(dir, 'hard.yaml'), [outline])?.code).toBe('output-is-input');
    expect(refused(path.join(dir, 'other.pptx'), [outline])).toBeUndefined();
  });

  it('writeFileAtomic refuses it and leaves the input untouched', async () => {
    const { outline } = setup();
    const e = await failure(writeFileAtomic(outline, data(10), { inputs: [outline] }));
    expect(e.code).toBe('output-is-input');
    expect(fs.readFileSync(outline, 'utf8')).toBe('deck: {}\n');
    const e2 = await failure(writeFileAtomic(`${path.dirname(outline)}/nosuch/../deck.yaml`, data(10), { inputs: [outline] }));
    expect(e2.code).toBe('output-is-input');
    expect(fs.readFileSync(outline, 'utf8')).toBe('deck: {}\n');
  });
});

describe('an interrupted write', () => {
  const DIST = path.join(ROOT, 'dist', 'cli', 'write-atomic.js');
  /** A child that writes 40 MiB slowly (it says `started` first); with `own`, it handles the signal itself. */
  function writer(target: string, own: boolean) {
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(DIST)};
      ${own ? "process.on('SIGINT', () => console.log('handled')); process.on('SIGTERM', () => console.log('handled'));" : ''}
      const slow = async (h, d, off, len) => { await new Promise((r) => setTimeout(r, 20)); return (await h.write(d, off, len)).bytesWritten; };
      console.log('started');
      await writeFileAtomic(${JSON.stringify(target)}, new Uint8Array(40 << 20), { io: { write: slow } });
      console.log('finished');
    `;
    return spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const outcome = (child: ReturnType<typeof writer>, sig: NodeJS.Signals) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('started') && !out.includes('sent')) {
          out += 'sent';
          setTimeout(() => child.kill(sig), 150);
        }
      });
      child.on('exit', (code, signal) => resolve({ code, signal, out }));
    });

  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    it(`by ${sig} stops, dies by that signal, keeps the previous file and leaves no temporary file`, async () => {
      expect(fs.existsSync(DIST), 'dist/ is built by npm test before vitest runs').toBe(true);
      const { dir, target } = withPrevious();
      const r = await outcome(writer(target, false), sig);
      expect(r.signal).toBe(sig);
      expect(r.out).not.toMatch(/finished/);
      expect(fs.readFileSync(target).equals(PREVIOUS)).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['deck.pptx']);
    });
  }

  it('in a program that handles the signal itself (watch), completes the write and lets the program decide', async () => {
    const { dir, target } = withPrevious();
    const r = await outcome(writer(target, true), 'SIGINT');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/handled[\s\S]*finished/);
    expect(fs.statSync(target).size).toBe(40 << 20);
    expect(fs.readdirSync(dir)).toEqual(['deck.pptx']);
  });
});

describe('an interrupted batch (outlines built on worker threads, which no signal reaches)', () => {
  it('leaves no temporary file and dies by the signal', async () => {
    const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
    const dir = tempDir('batch-interrupt');
    fs.mkdirSync(path.join(dir, 'decks'));
    for (const n of ['a', 'b']) fs.writeFileSync(path.join(dir, 'decks', `${n}.yaml`), `deck:\n  title: ${n}\nslides:\n  - type: title\n`);
    // Every write waits 3 s first (on worker threads too), so that the signal lands during one.
    const slow = path.join(dir, 'slow-write.mjs');
    fs.writeFileSync(
      slow,
      `import fs from 'node:fs';
       const h = await fs.promises.open(${JSON.stringify(slow)}, 'r');
       const proto = Object.getPrototypeOf(h);
       await h.close();
       const write = proto.write;
       proto.write = async function (...args) { await new Promise((r) => setTimeout(r, 3000)); return write.apply(this, args); };`,
    );
    const child = spawn(process.execPath, ['--import', slow, CLI, 'build', 'decks/a.yaml', 'decks/b.yaml'], { cwd: dir, stdio: 'ignore' });
    const out = path.join(dir, 'output');
    const end = Date.now() + 60_000;
    while (!(fs.existsSync(out) && fs.readdirSync(out).some((f) => f.endsWith('.tmp')))) {
      if (Date.now() > end) throw new Error('no write started');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGINT');
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

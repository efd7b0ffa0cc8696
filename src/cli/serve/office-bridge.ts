// A LibreOffice that stays running for `briefdeck serve`: python/lo-bridge.py starts headless soffice
// on a private pipe and converts decks to PDF through UNO on request. LibreOffice's start costs
// seconds; a conversion of a few slides then costs tens of milliseconds. Needs LibreOffice's Python
// bridge (Debian: python3-uno); the Python that has it is found by trying the likely ones.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { packagePath } from '../../package-root.js';
import { CliError } from '../errors.js';
import { findExecutable } from '../office.js';

const BRIDGE = packagePath('python', 'lo-bridge.py');
/** The bridge's exit status when its Python has no UNO module. */
const NO_UNO = 3;

export function noBridgeMessage(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux') return 'briefdeck: serve needs LibreOffice\'s Python bridge: apt-get install -y --no-install-recommends libreoffice-impress python3-uno poppler-utils (or set BRIEFDECK_PYTHON to a Python that can `import uno`)';
  return 'briefdeck: serve needs LibreOffice with its Python bridge (set BRIEFDECK_PYTHON to a Python that can `import uno`; LibreOffice\'s own installer ships one beside soffice)';
}

/** Pythons to try, most specific first: the user's choice, the one LibreOffice ships, the usual ones. */
export function pythonCandidates(soffice: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (env.BRIEFDECK_PYTHON) out.push(env.BRIEFDECK_PYTHON);
  let dir = path.dirname(soffice);
  try {
    dir = path.dirname(fs.realpathSync(soffice));
  } catch {
    // Keep the unresolved folder.
  }
  for (const name of ['python', 'python.exe', 'python3']) {
    const own = path.join(dir, name);
    if (fs.existsSync(own)) out.push(own);
  }
  const onPath = findExecutable('python3') ?? findExecutable('python');
  if (onPath) out.push(onPath);
  if (fs.existsSync('/usr/bin/python3')) out.push('/usr/bin/python3');
  return [...new Set(out)];
}

interface Pending {
  resolve: () => void;
  reject: (e: Error) => void;
}

export class OfficeBridge {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited = false;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let msg: { id?: number; ok?: boolean; error?: string };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.ok) p.resolve();
      else p.reject(new Error(msg.error ?? 'LibreOffice could not convert the deck'));
    });
    child.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error('LibreOffice stopped'));
      this.pending.clear();
    });
  }

  /** Starts LibreOffice (seconds); rejects with a CliError saying what to install when it cannot. */
  static async start(soffice: string, profileDir: string): Promise<OfficeBridge> {
    let lastError = '';
    for (const python of pythonCandidates(soffice)) {
      const started = await tryStart(python, soffice, profileDir);
      if (started instanceof OfficeBridge) return started;
      if (started !== 'no-uno') lastError = started;
    }
    throw new CliError(lastError ? `briefdeck: LibreOffice did not start for serve: ${lastError}` : noBridgeMessage());
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Converts a .pptx to PDF; both paths absolute. */
  toPdf(pptx: string, pdf: string): Promise<void> {
    if (this.exited) return Promise.reject(new Error('LibreOffice stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ id, pptx, pdf })}\n`);
    });
  }

  /** Ends LibreOffice: the bridge terminates it when its input closes; a stuck one is killed. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin.end();
    const timer = setTimeout(() => killGroup(this.child), 5000);
    await gone;
    clearTimeout(timer);
  }
}

function killGroup(child: ChildProcessWithoutNullStreams): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The bridge, 'no-uno' when this Python lacks UNO, or why LibreOffice did not start. */
function tryStart(python: string, soffice: string, profileDir: string): Promise<OfficeBridge | 'no-uno' | string> {
  return new Promise((resolve) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      // Own process group, so that stopping serve can end soffice.bin too.
      child = spawn(python, [BRIDGE, soffice, profileDir], { stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    } catch {
      resolve('no-uno');
      return;
    }
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-2000)));
    child.on('error', () => resolve('no-uno'));
    const onExit = (status: number | null) => resolve(status === NO_UNO ? 'no-uno' : stderr.trim().split('\n').pop() || `the bridge exited with status ${status}`);
    child.once('exit', onExit);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      child.off('exit', onExit);
      let msg: { ready?: boolean; error?: string } = {};
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        // Not the bridge speaking.
      }
      if (msg.ready) {
        resolve(new OfficeBridge(child));
      } else {
        killGroup(child);
        resolve(msg.error ?? line);
      }
    });
  });
}

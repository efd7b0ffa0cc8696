// Finding and running the external tools `preview` needs: LibreOffice (pptx → pdf) and poppler's
// pdftoppm (pdf → png). Executables are looked up on PATH without a shell; every run gets a timeout and
// its stderr is kept for the error message. LibreOffice runs with its own throwaway profile so that an
// open LibreOffice window (or another preview running at the same time) cannot swallow the conversion.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './errors.js';

/** Where to look: defaults to this process's environment and platform; tests pass their own. */
export interface ToolEnv {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const MAC_SOFFICE = '/Applications/LibreOffice.app/Contents/MacOS/soffice';

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH (like `which`), or undefined. */
export function findExecutable(name: string, where: ToolEnv = {}): string | undefined {
  const env = where.env ?? process.env;
  const platform = where.platform ?? process.platform;
  const pathVar = (platform === 'win32' ? (env.Path ?? env.PATH) : env.PATH) ?? '';
  const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)] : [''];
  for (const dir of pathVar.split(platform === 'win32' ? ';' : ':')) {
    // An empty PATH entry means the working folder in POSIX shells; a tool found there by accident is
    // not what a user expects, so only explicit folders count.
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExecutable(file, platform)) return file;
    }
  }
  return undefined;
}

/** soffice or libreoffice on PATH, then the standard macOS application bundle. */
export function findSoffice(where: ToolEnv = {}): string | undefined {
  const found = findExecutable('soffice', where) ?? findExecutable('libreoffice', where);
  if (found) return found;
  if ((where.platform ?? process.platform) === 'darwin' && isExecutable(MAC_SOFFICE, 'darwin')) return MAC_SOFFICE;
  return undefined;
}

export function findPdftoppm(where: ToolEnv = {}): string | undefined {
  return findExecutable('pdftoppm', where);
}

/** The one line printed when a tool is missing: how to install it on this platform. */
export function missingToolMessage(tool: 'soffice' | 'pdftoppm', platform: NodeJS.Platform = process.platform): string {
  if (tool === 'soffice') {
    if (platform === 'darwin') return 'briefdeck: preview needs LibreOffice: brew install --cask libreoffice && brew install poppler';
    if (platform === 'win32') return 'briefdeck: preview needs LibreOffice: install it from https://www.libreoffice.org/download/ and put its program folder (with soffice.exe) on PATH';
    return 'briefdeck: preview needs LibreOffice: apt-get install -y --no-install-recommends libreoffice-impress poppler-utils';
  }
  if (platform === 'darwin') return 'briefdeck: preview needs pdftoppm (poppler): brew install poppler';
  if (platform === 'win32') return 'briefdeck: preview needs pdftoppm (poppler): install poppler for Windows and put its bin folder on PATH';
  return 'briefdeck: preview needs pdftoppm (poppler): apt-get install -y --no-install-recommends poppler-utils';
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a program (no shell) with a timeout, collecting its output; never rejects for a failed run. */
export function runTool(cmd: string, args: string[], opts: { timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // Own process group: LibreOffice starts soffice.bin as a child, and a timeout must end both.
    const detached = process.platform !== 'win32';
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut });
    });
  });
}

/** The last meaningful line a tool printed, for a one-line error message. */
function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

/**
 * Converts a .pptx to PDF with LibreOffice headless, into `outDir` (the PDF is named after the .pptx).
 * `workDir` holds the throwaway profile. Returns the PDF's path; a failure is a one-line CliError.
 */
export async function convertToPdf(soffice: string, pptx: string, outDir: string, workDir: string, timeoutMs = 180_000): Promise<string> {
  const profile = pathToFileURL(path.join(workDir, 'lo-profile')).href;
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', outDir, pptx];
  let r: RunResult;
  try {
    r = await runTool(soffice, args, { timeoutMs, cwd: workDir });
  } catch (e) {
    throw new CliError(`briefdeck: cannot run ${soffice}: ${(e as Error).message}`);
  }
  const pdf = path.join(outDir, `${path.basename(pptx).replace(/\.pptx$/i, '')}.pdf`);
  if (r.timedOut) throw new CliError(`briefdeck: LibreOffice did not finish converting the deck to PDF within ${Math.round(timeoutMs / 1000)} s`);
  if (!fs.existsSync(pdf)) {
    const why = lastLine(r.stderr) || lastLine(r.stdout) || `exit status ${r.status}`;
    throw new CliError(`briefdeck: LibreOffice could not convert the deck to PDF: ${why}`);
  }
  return pdf;
}

/**
 * Renders every page of a PDF to PNG at `dpi` with pdftoppm, into `outDir`. Returns the PNG paths in page
 * order (pdftoppm pads page numbers to the page count's width: page-1.png or page-01.png).
 *
 * `size` crops each image to exactly that many pixels: LibreOffice writes a 13.333 in slide as a
 * 960.009 pt page, which pdftoppm rounds up to 1281 px at 96 dpi, the last column blank white.
 */
export async function pdfToPngs(pdftoppm: string, pdf: string, outDir: string, dpi: number, size?: { width: number; height: number }, timeoutMs = 180_000): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const crop = size ? ['-x', '0', '-y', '0', '-W', String(size.width), '-H', String(size.height)] : [];
  let r: RunResult;
  try {
    r = await runTool(pdftoppm, ['-png', '-r', String(dpi), ...crop, pdf, path.join(outDir, 'page')], { timeoutMs });
  } catch (e) {
    throw new CliError(`briefdeck: cannot run ${pdftoppm}: ${(e as Error).message}`);
  }
  if (r.timedOut) throw new CliError(`briefdeck: pdftoppm did not finish rendering the slides within ${Math.round(timeoutMs / 1000)} s`);
  if (r.status !== 0) throw new CliError(`briefdeck: pdftoppm could not render the PDF: ${lastLine(r.stderr) || `exit status ${r.status}`}`);
  const pages = fs
    .readdirSync(outDir)
    .map((f) => ({ f, m: /^page-(\d+)\.png$/.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]));
  return pages.map((p) => path.join(outDir, p.f));
}

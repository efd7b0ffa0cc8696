// Shared test helpers: building decks from decks/, reading parts of a .pptx, and finding the external
// tools (validator, LibreOffice) — tests that need a missing tool skip with a loud message, and fail
// instead under CI=true, so that CI cannot pass without its checks.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { build, type BuildResult } from '../src/build.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DECKS = path.join(ROOT, 'decks');
export const VALIDATOR = path.resolve(ROOT, '..', 'shared', 'ooxml', 'validate-pptx');

export const deckFiles = (): string[] => fs.readdirSync(DECKS).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(DECKS, f));

/** Decks made for the tests (a deck that overflows on purpose), beside the examples in decks/. */
export const FIXTURE_DECKS = path.join(ROOT, 'test', 'fixtures', 'decks');
export const fixtureDeckFiles = (): string[] => fs.readdirSync(FIXTURE_DECKS).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(FIXTURE_DECKS, f));

/** Every deck the build tests check: the examples and the test decks. */
export const allDeckFiles = (): string[] => [...deckFiles(), ...fixtureDeckFiles()];

const built = new Map<string, Promise<BuildResult>>();
/** Builds a deck from decks/ once per test file. */
export function buildDeck(file: string): Promise<BuildResult> {
  let p = built.get(file);
  if (!p) {
    p = build(fs.readFileSync(file, 'utf8'), { baseDir: path.dirname(file) });
    built.set(file, p);
  }
  return p;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Why a tool-dependent test cannot run here, or undefined when it can; printed loudly. */
export function missingTool(...needs: ('validator' | 'soffice')[]): string | undefined {
  const missing: string[] = [];
  if (needs.includes('validator')) {
    if (!fs.existsSync(VALIDATOR)) missing.push(`${VALIDATOR} (../shared is not beside this clone)`);
    if (!hasCommand('xmllint')) missing.push('xmllint (apt-get install -y libxml2-utils)');
  }
  if (needs.includes('soffice')) {
    if (!hasCommand('soffice')) missing.push('soffice (apt-get install -y --no-install-recommends libreoffice-impress)');
    if (!hasCommand('pdfinfo')) missing.push('pdfinfo (apt-get install -y poppler-utils)');
  }
  if (missing.length === 0) return undefined;
  return mustRunInCi(`missing ${missing.join(', ')}`);
}

export const inCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

/**
 * For a test that cannot run here (`why`): undefined when it can, else the loud reason to skip it — and
 * under CI=true an error instead, which fails the test file.
 */
export function mustRunInCi(why: string | undefined): string | undefined {
  if (why === undefined) return undefined;
  if (inCi()) throw new Error(`CI=true, so this test must run, but it cannot: ${why}`);
  const line = `SKIPPED: ${why}`;
  console.warn(`\n*** ${line} ***\n`);
  return line;
}

/** The parts of a package, by name (fflate: the one zip library the project uses). */
export function unzip(pptx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(pptx);
}

/** Each entry's name and DOS date (read as UTC), from the zip's central directory. */
export function zipEntries(zip: Uint8Array): { name: string; date: Date }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: { name: string; date: Date }[] = [];
  for (let i = 0; i < count; i++) {
    const time = view.getUint16(at + 12, true);
    const day = view.getUint16(at + 14, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    const date = new Date(Date.UTC((day >> 9) + 1980, ((day >> 5) & 15) - 1, day & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2));
    out.push({ name, date });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

export async function slideXmls(pptx: Uint8Array): Promise<string[]> {
  const zip = unzipSync(pptx);
  const names = Object.keys(zip).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  names.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return names.map((n) => strFromU8(zip[n]!));
}

export async function notesXmls(pptx: Uint8Array): Promise<Map<number, string>> {
  const zip = unzipSync(pptx);
  const out = new Map<number, string>();
  for (const n of Object.keys(zip)) {
    const m = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(n);
    if (m) out.set(Number(m[1]), strFromU8(zip[n]!));
  }
  return out;
}

export async function partText(pptx: Uint8Array, name: string): Promise<string> {
  const bytes = unzipSync(pptx)[name];
  if (!bytes) throw new Error(`no part ${name}`);
  return strFromU8(bytes);
}

/** The text of a part's runs, joined by spaces; no-break spaces read as spaces. */
export const textOf = (xml: string): string =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/\u00A0/g, ' ')).join(' ');

const madeDirs: string[] = [];
// Each test process removes the folders it made when it ends (BRIEFDECK_KEEP_TEMP=1 keeps them to look at).
process.on('exit', () => {
  if (process.env.BRIEFDECK_KEEP_TEMP) return;
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), `briefdeck-${prefix}-`));
  madeDirs.push(dir);
  return dir;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: opts.cwd ?? ROOT, maxBuffer: 1 << 26, ...(opts.timeout ? { timeout: opts.timeout } : {}) });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export { execFileSync };

/** Lines of a deck marked "# expect: text-overflow": where a stress deck must warn (and nowhere else). */
export function expectedOverflowLines(file: string): number[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (/#\s*expect: text-overflow\b/.test(line) ? [i + 1] : []));
}

// The build and validate commands: read the outline, call build(), report diagnostics (for people or as
// JSON), write the deck atomically. `runBuild` is shared with watch mode.
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../build.js';
import { MAX_OUTLINE_BYTES } from '../outline/parse.js';
import { CliError, internalErrorMessage } from './errors.js';
import { countLine, diagnosticJson, progressLine, report, type Io } from './io.js';
import { refuseOutput } from './output-guard.js';
import { isStdin, STDIO, type OutlineSource } from './stdio.js';
import { writeOutput } from './write-atomic.js';
import { mark } from '../trace.js';
import { WriteError } from './write-error.js';

export interface CommandOptions {
  out?: string;
  theme?: string;
  template?: string;
  strict?: boolean;
  quiet?: boolean;
  json?: boolean;
  allowPath?: string[];
}

export type { Io };

/**
 * What the shared outline options (main.ts's outlineOptions) ask of build(): every command that builds
 * (build, validate, watch, preview, serve) passes them through here, so a new option is one line.
 */
export function outlineBuildOptions(opts: CommandOptions): Pick<BuildOptions, 'strict' | 'allowPaths' | 'theme' | 'template'> {
  return {
    strict: opts.strict ?? false,
    ...(opts.allowPath?.length ? { allowPaths: opts.allowPath } : {}),
    ...themeOption(opts),
    ...templateOption(opts),
  };
}

/** `--template FILE`, read afresh on every build (watch and serve see a changed template). */
function templateOption(opts: CommandOptions): Pick<BuildOptions, 'template'> {
  if (opts.template === undefined) return {};
  try {
    return { template: { bytes: fs.readFileSync(opts.template), name: opts.template, path: opts.template } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    const hint = 'give the path of a .pptx, .potx or .pptm file';
    throw new CliError(`briefdeck: cannot read the template ${opts.template}: ${why}\n  hint: ${hint}`, 1, { code: 'cannot-read', summary: `cannot read the template ${opts.template}: ${why}`, hint });
  }
}

function themeOption(opts: CommandOptions): { theme?: 'briefing' | 'midnight' } {
  if (opts.theme === undefined) return {};
  if (opts.theme !== 'briefing' && opts.theme !== 'midnight') throw new CliError(`briefdeck: unknown theme \`${opts.theme}\` (built-in themes: briefing, midnight)`);
  return { theme: opts.theme };
}

/** The outline's bytes (build() decodes them strictly, so a non-UTF-8 byte is a located error) and its text for excerpts. */
export function readOutline(file: string): { source: Uint8Array; text: string } {
  try {
    // A file far over the limit is refused before it is read into memory; parseOutline reports the rest.
    const { size } = fs.statSync(file);
    if (size > MAX_OUTLINE_BYTES * 4) {
      const mib = (size / 1024 / 1024).toFixed(0);
      throw new CliError(`${file}:1:1: error: the outline is ${mib} MiB, more than the ${MAX_OUTLINE_BYTES / 1024 / 1024} MiB limit [file-too-large]\n  hint: put large tables in a CSV file, or split the deck`);
    }
    const source = fs.readFileSync(file);
    return { source, text: source.toString('utf8') };
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const [why, hint] =
      code === 'ENOENT'
        ? ['no such file', 'check the path (outlines are .yaml files, e.g. decks/briefing.yaml), or start one with `briefdeck init NAME`']
        : code === 'EISDIR'
          ? ['it is a folder, not a file', 'give the .yaml outline inside it']
          : code === 'EACCES' || code === 'EPERM'
            ? ['permission denied', 'check the permissions of the file']
            : [(e as Error).message.replace(/, (open|read) '[^']*'$/, ''), 'check the path and the disk'];
    throw new CliError(`briefdeck: cannot read ${file}: ${why}\n  hint: ${hint}`, 1, { code: 'cannot-read', summary: `cannot read ${file}: ${why}`, hint });
  }
}

/** output/<name>.pptx beside decks/, or in the working folder for outlines elsewhere. */
export function defaultOutput(outline: string): string {
  const dir = path.dirname(path.resolve(outline));
  const root = path.basename(dir) === 'decks' ? path.dirname(dir) : process.cwd();
  return path.relative(process.cwd(), path.join(root, 'output', `${path.basename(outline).replace(/\.ya?ml$/i, '')}.pptx`));
}

export interface BuildRun {
  result: BuildResult;
  text: string;
  /** Where the deck was written, when it was. */
  written?: string;
  /** Whole run: read, build, write. */
  ms: number;
  /** build() alone, without reading the outline or writing the deck. */
  buildMs: number;
}

/**
 * Reads, builds and (unless validating) writes one outline; prints nothing. `given` is the outline when
 * it does not come from `file` (standard input, whose relative paths start from the working folder, or
 * a save watch mode has read). With `-o -` the deck is not written: the caller sends it to stdout.
 */
export async function runBuild(file: string, opts: CommandOptions, mode: 'build' | 'validate', progress?: (done: number, total: number) => void, given?: OutlineSource): Promise<BuildRun> {
  const started = performance.now();
  const { source, text } = given ?? readOutline(file);
  const target = mode === 'build' ? (opts.out ?? defaultOutput(file)) : undefined;
  const toStdout = target !== undefined && isStdin(target);
  // `build - -o deck.yaml < deck.yaml` would replace the outline it read: standard input is an input too.
  const outline = isStdin(file) ? '/dev/stdin' : file;
  if (target !== undefined && !toStdout) refuseEarly(target, outline); // before the work, not after it
  const buildStarted = performance.now();
  const result = await build(source, {
    baseDir: given?.baseDir ?? path.dirname(path.resolve(file)),
    ...outlineBuildOptions(opts),
    layoutOnly: mode === 'validate',
    ...(progress ? { onProgress: progress } : {}),
  });
  const buildMs = Math.round(performance.now() - buildStarted);
  let written: string | undefined;
  if (target !== undefined && result.pptx) {
    if (!toStdout) await writeOutput(target, result.pptx, { inputs: [outline, ...result.inputs] });
    mark('written');
    written = target;
  }
  return { result, text, ...(written ? { written } : {}), ms: Math.round(performance.now() - started), buildMs };
}

function refuseEarly(target: string, outline: string): void {
  try {
    refuseOutput(target, [outline]);
  } catch (e) {
    if (e instanceof WriteError) throw new CliError(`briefdeck: ${e.message}\n  hint: ${e.hint}`, 1, { code: e.code, hint: e.hint, summary: e.message });
    throw e;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Charts in the deck: drawn ones for a build, counted on the placed deck for validate (which draws none). */
export function chartCount(result: BuildResult): number {
  if (result.stats.charts || !result.placed) return result.stats.charts;
  return result.placed.slides.reduce((n, s) => n + s.elements.filter((el) => el.type === 'chart').length, 0);
}

/** The one-line summary of a successful build. */
export function summary(run: BuildRun): string {
  const { slides } = run.result.stats;
  const where = run.written && isStdin(run.written) ? 'the deck to standard output' : run.written;
  return `wrote ${where} (${plural(slides, 'slide')}, ${plural(chartCount(run.result), 'chart')}) in ${run.ms} ms`;
}

export function buildJson(file: string, run: BuildRun, mode: 'build' | 'validate'): string {
  const ok = mode === 'build' ? run.written !== undefined : !run.result.diagnostics.some((d) => d.severity === 'error');
  return JSON.stringify({
    ok,
    command: mode,
    file,
    output: run.written ?? null,
    slides: run.result.stats.slides,
    charts: chartCount(run.result),
    chartsRendered: run.result.stats.chartsRendered,
    ms: run.ms,
    buildMs: run.buildMs,
    diagnostics: run.result.diagnostics.map((d) => diagnosticJson(d, file)),
  });
}

/**
 * `--json` prints exactly one object even when the run fails before or after build(): a file that cannot
 * be read or written (exit 1) or an internal error (exit 2) becomes its only diagnostic.
 */
export function failureJson(file: string, mode: string, e: unknown): { json: string; exitCode: number } {
  const user = e instanceof CliError;
  const message = user ? (e.details?.summary ?? e.message.split('\n')[0]!.replace(/^briefdeck: /, '')) : internalErrorMessage(e).replace(/^briefdeck: /, '');
  const diagnostic = { file, line: null, column: null, severity: 'error', code: user ? (e.details?.code ?? 'cannot-run') : 'internal-error', message, path: null, hint: user ? (e.details?.hint ?? null) : null };
  const json = JSON.stringify({ ok: false, command: mode, file, output: null, slides: 0, charts: 0, chartsRendered: 0, ms: 0, buildMs: 0, diagnostics: [diagnostic] });
  return { json, exitCode: user ? e.exitCode : 2 };
}

async function jsonSafe(file: string, mode: string, opts: CommandOptions, io: Io, work: () => Promise<number>): Promise<number> {
  if (!opts.json) return work();
  try {
    return await work();
  } catch (e) {
    const { json, exitCode } = failureJson(file, mode, e);
    io.out(json);
    return exitCode;
  }
}

/** `given` is the outline read from standard input (then `file` is `-`). */
export async function buildCommand(file: string, opts: CommandOptions, io: Io, given?: OutlineSource): Promise<number> {
  const toStdout = opts.out !== undefined && isStdin(opts.out);
  // With `-o -` standard output carries the deck and nothing else: every line goes to stderr.
  const quietIo = toStdout ? { ...io, out: io.err } : io;
  return jsonSafe(given ? STDIO : file, 'build', opts, quietIo, () => buildOnce(file, opts, quietIo, toStdout, given));
}

async function buildOnce(file: string, opts: CommandOptions, io: Io, toStdout: boolean, given?: OutlineSource): Promise<number> {
  if (toStdout && process.stdout.isTTY) throw new CliError('briefdeck: `-o -` would write the binary deck to the terminal: redirect it to a file (`> deck.pptx`) or a program');
  const label = given ? STDIO : file;
  const progress = progressLine(!opts.quiet && !opts.json);
  let run: BuildRun;
  try {
    run = await runBuild(file, opts, 'build', progress.update, given);
  } finally {
    progress.clear();
  }
  if (toStdout && run.result.pptx && run.written) await writeStdout(run.result.pptx);
  if (opts.json) {
    io.out(buildJson(label, run, 'build'));
    return run.written ? 0 : 1;
  }
  report(run.result.diagnostics, label, run.text, io);
  if (!run.written) {
    const why = run.result.diagnostics.some((d) => d.severity === 'error') ? 'errors' : 'warnings (--strict)';
    io.err(`briefdeck: nothing written because of the ${why} above`);
    return 1;
  }
  if (!opts.quiet) io.out(summary(run));
  return 0;
}

/** Resolves once the bytes are handed to the OS, so that the exit code follows a complete deck. */
function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(new CliError(`briefdeck: cannot write to standard output: ${e.message}`, 1, { code: 'io-error' })) : resolve())));
}

export async function validateCommand(file: string, opts: CommandOptions, io: Io, given?: OutlineSource): Promise<number> {
  return jsonSafe(given ? STDIO : file, 'validate', opts, io, () => validateOnce(file, opts, io, given));
}

async function validateOnce(file: string, opts: CommandOptions, io: Io, given?: OutlineSource): Promise<number> {
  const label = given ? STDIO : file;
  const run = await runBuild(file, opts, 'validate', undefined, given);
  const errors = run.result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = run.result.diagnostics.length - errors;
  const failed = errors > 0 || (opts.strict === true && warnings > 0);
  if (opts.json) {
    io.out(buildJson(label, run, 'validate'));
    return failed ? 1 : 0;
  }
  report(run.result.diagnostics, label, run.text, io);
  const c = io.colours;
  if (failed) io.err(`${label}: not valid (${countLine(errors, warnings, c)}${errors ? '' : ', and --strict counts warnings'})`);
  else if (!opts.quiet) io.out(`${label}: ${c ? c.green('valid') : 'valid'} (${plural(run.result.stats.slides, 'slide')}, ${plural(chartCount(run.result), 'chart')})`);
  return failed ? 1 : 0;
}

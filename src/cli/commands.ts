// The build and validate commands: read the outline, call build(), print diagnostics, write the deck.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { outlineJsonSchemaText } from '../outline/json-schema.js';
import { CliError } from './errors.js';
import { STARTER_OUTLINE } from './starter-outline.js';
import { writeFileAtomic } from './write-atomic.js';

export interface CommandOptions {
  out?: string;
  theme?: string;
  strict?: boolean;
  quiet?: boolean;
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function themeOption(opts: CommandOptions): { theme?: 'briefing' | 'midnight' } {
  if (opts.theme === undefined) return {};
  if (opts.theme !== 'briefing' && opts.theme !== 'midnight') throw new CliError(`briefdeck: unknown theme \`${opts.theme}\` (built-in themes: briefing, midnight)`);
  return { theme: opts.theme };
}

function readOutline(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`briefdeck: cannot read ${file}: ${why}`);
  }
}

/** output/<name>.pptx beside decks/, or in the working folder for outlines elsewhere. */
export function defaultOutput(outline: string): string {
  const dir = path.dirname(path.resolve(outline));
  const root = path.basename(dir) === 'decks' ? path.dirname(dir) : process.cwd();
  return path.relative(process.cwd(), path.join(root, 'output', `${path.basename(outline).replace(/\.ya?ml$/i, '')}.pptx`));
}

function report(diagnostics: Diagnostic[], file: string, text: string, io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d, file, text));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) io.err(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
}

export async function buildCommand(file: string, opts: CommandOptions, io: Io): Promise<number> {
  const started = performance.now();
  const text = readOutline(file);
  const result = await build(text, { baseDir: path.dirname(path.resolve(file)), strict: opts.strict ?? false, ...themeOption(opts) });
  report(result.diagnostics, file, text, io);
  if (!result.pptx) {
    const why = result.diagnostics.some((d) => d.severity === 'error') ? 'errors' : 'warnings (--strict)';
    io.err(`briefdeck: nothing written because of the ${why} above`);
    return 1;
  }
  const out = opts.out ?? defaultOutput(file);
  try {
    writeFileAtomic(out, result.pptx);
  } catch (e) {
    throw new CliError(`briefdeck: cannot write ${out}: ${(e as Error).message}`);
  }
  const ms = Math.round(performance.now() - started);
  const { slides, charts } = result.stats;
  if (!opts.quiet) io.out(`wrote ${out} (${slides} slide${slides === 1 ? '' : 's'}, ${charts} chart${charts === 1 ? '' : 's'}) in ${ms} ms`);
  return 0;
}

export async function validateCommand(file: string, opts: CommandOptions, io: Io): Promise<number> {
  const text = readOutline(file);
  const result = await build(text, { baseDir: path.dirname(path.resolve(file)), strict: opts.strict ?? false, layoutOnly: true, ...themeOption(opts) });
  report(result.diagnostics, file, text, io);
  const failed = result.diagnostics.some((d) => d.severity === 'error') || (opts.strict && result.diagnostics.length > 0);
  if (!failed && !opts.quiet) io.out(`${file}: valid (${result.stats.slides} slides)`);
  return failed ? 1 : 0;
}

export function schemaCommand(opts: { out?: string }, io: Io): number {
  const text = outlineJsonSchemaText();
  if (!opts.out) {
    process.stdout.write(text);
    return 0;
  }
  try {
    writeFileAtomic(opts.out, new TextEncoder().encode(text));
  } catch (e) {
    throw new CliError(`briefdeck: cannot write ${opts.out}: ${(e as Error).message}`);
  }
  io.out(`wrote ${opts.out}`);
  return 0;
}

/** The logo shipped with briefdeck, used as the starter deck's example picture. */
const PACKAGE_LOGO = fileURLToPath(new URL('../../assets/briefdeck-logo.png', import.meta.url));

export function initCommand(name: string, opts: { force?: boolean; quiet?: boolean }, io: Io): number {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    throw new CliError(`briefdeck: \`${name}\` is not a deck name: use letters, digits, - and _ (it becomes decks/${name}.yaml)`);
  }
  const file = path.join('decks', `${name}.yaml`);
  if (fs.existsSync(file) && !opts.force) throw new CliError(`briefdeck: ${file} already exists (use --force to replace it)`);
  const title = name.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const written = [file];
  try {
    writeFileAtomic(file, new TextEncoder().encode(STARTER_OUTLINE.replaceAll('__NAME__', name).replace('__TITLE__', title)));
    const schema = path.join('decks', 'outline.schema.json');
    writeFileAtomic(schema, new TextEncoder().encode(outlineJsonSchemaText()));
    written.push(schema);
    const logo = path.join('assets', 'briefdeck-logo.png');
    if (!fs.existsSync(logo)) {
      writeFileAtomic(logo, fs.readFileSync(PACKAGE_LOGO));
      written.push(logo);
    }
  } catch (e) {
    throw new CliError(`briefdeck: cannot write the starter deck: ${(e as Error).message}`);
  }
  if (!opts.quiet) io.out(`wrote ${written.join(', ')}\nnext: briefdeck build ${file}`);
  return 0;
}

// How the CLI talks: diagnostics for people (file:line:col with the line and a caret, coloured on a
// terminal) or as JSON for programs, and progress only on a terminal.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { colourDiagnostic, colourEnabled, coloursFor, type Colours } from './colour.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Colours for what goes to stderr; none when absent (tests, pipes). */
  colours?: Colours;
}

/** The process's own streams, coloured where they are a colour terminal. */
export function processIo(): Io & { colours: Colours } {
  return {
    out: (l: string) => process.stdout.write(`${l}\n`),
    err: (l: string) => process.stderr.write(`${l}\n`),
    colours: coloursFor(colourEnabled(process.stderr)),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Warnings that say the same thing (same code, message and hint) in several places, e.g. one per
 * native chart: printed once, located at the first, with the count and the other places listed.
 */
export function groupWarnings(diagnostics: Diagnostic[]): { first: Diagnostic; more: Diagnostic[] }[] {
  const groups = new Map<string, { first: Diagnostic; more: Diagnostic[] }>();
  const out: { first: Diagnostic; more: Diagnostic[] }[] = [];
  for (const d of diagnostics) {
    const key = d.severity === 'warning' ? JSON.stringify([d.code, d.message, d.hint ?? '']) : undefined;
    const group = key === undefined ? undefined : groups.get(key);
    if (group) {
      group.more.push(d);
      continue;
    }
    const made = { first: d, more: [] as Diagnostic[] };
    if (key !== undefined) groups.set(key, made);
    out.push(made);
  }
  return out;
}

const MAX_PLACES = 8;

/** Prints diagnostics for people, on stderr, followed by a count. */
export function report(diagnostics: Diagnostic[], file: string, text: string, io: Io): void {
  const c = io.colours ?? coloursFor(false);
  for (const { first, more } of groupWarnings(diagnostics)) {
    let shown = formatDiagnostic(first, file, text);
    if (more.length) {
      const places = more.slice(0, MAX_PLACES).map((d) => (d.span ? `${d.span.line}:${d.span.col}` : (d.path ?? '?')));
      const rest = more.length > MAX_PLACES ? `, and ${more.length - MAX_PLACES} more` : '';
      shown += `\n  ${c.dim(`(${plural(more.length + 1, 'time')} in all; also at ${places.join(', ')}${rest})`)}`;
    }
    io.err(colourDiagnostic(shown, c));
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) io.err(countLine(errors, warnings, c));
}

export function countLine(errors: number, warnings: number, c: Colours = coloursFor(false)): string {
  const e = plural(errors, 'error');
  const w = plural(warnings, 'warning');
  return `${errors ? c.red(e) : e}, ${warnings ? c.yellow(w) : w}`;
}

/** A diagnostic as a flat JSON record, with the file it belongs to. */
export function diagnosticJson(d: Diagnostic, file: string): Record<string, unknown> {
  return {
    file,
    line: d.span?.line ?? null,
    column: d.span?.col ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
    path: d.path ?? null,
    hint: d.hint ?? null,
  };
}

/**
 * "drawing charts 12/150" on one rewritten line of stderr, only when stderr is a terminal: nothing
 * animated ever reaches a log file or a pipe.
 */
export function progressLine(enabled: boolean): { update(done: number, total: number): void; clear(): void } {
  const live = enabled && process.stderr.isTTY === true;
  let shown = false;
  return {
    update(done, total) {
      if (!live || total < 2) return;
      process.stderr.write(`\r\x1b[2Kdrawing charts ${done}/${total}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

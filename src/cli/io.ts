// How the CLI talks: diagnostics for people (file:line:col with the line and a caret) or as JSON for
// programs, and progress only on a terminal.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Prints diagnostics for people, on stderr, followed by a count. */
export function report(diagnostics: Diagnostic[], file: string, text: string, io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d, file, text));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) io.err(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
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

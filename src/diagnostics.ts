// Problems are collected, never thrown: one run reports every mistake in an outline, each located at
// file:line:column, with the YAML path and a hint saying what to change.

/** A 1-based position in the outline file. */
export interface Span {
  line: number;
  col: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `unknown-key`; tests match codes, not wording. */
  code: string;
  severity: Severity;
  message: string;
  /** Where in the outline, e.g. `slides[5].series[0].values`. */
  path?: string;
  span?: Span;
  hint?: string;
}

/** Collects diagnostics for one build. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(code: string, message: string, where: { path?: string; span?: Span; hint?: string } = {}): void {
    this.list.push({ code, severity: 'error', message, ...where });
  }

  warn(code: string, message: string, where: { path?: string; span?: Span; hint?: string } = {}): void {
    this.list.push({ code, severity: 'warning', message, ...where });
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  get errors(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'warning');
  }
}

/** Sorts by position so that messages read top to bottom like the file. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.col ?? 0) - (b.span?.col ?? 0),
  );
}

/**
 * `file:line:col: error: message` then, when the source text is known, the offending line with a caret
 * under the column, the YAML path, and the hint.
 */
export function formatDiagnostic(d: Diagnostic, file: string, source?: string): string {
  const where = d.span ? `${file}:${d.span.line}:${d.span.col}` : file;
  const out = [`${where}: ${d.severity}: ${d.message} [${d.code}]`];
  if (d.span && source !== undefined) {
    const lineText = source.split(/\r?\n/)[d.span.line - 1];
    if (lineText !== undefined) {
      const gutter = `${d.span.line} | `;
      const shown = lineText.replace(/\t/g, ' ');
      out.push(`  ${gutter}${shown}`);
      out.push(`  ${' '.repeat(gutter.length - 2)}| ${' '.repeat(Math.max(0, d.span.col - 1))}^`);
    }
  }
  if (d.path) out.push(`  at ${d.path}`);
  if (d.hint) out.push(`  hint: ${d.hint}`);
  return out.join('\n');
}

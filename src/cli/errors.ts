// A user mistake (bad outline, missing file) is a CliError: one clear message and exit 1. Anything else
// is a bug in briefdeck: a one-line "internal error" and exit 2, never a stack trace unless asked for.

/** What `--json` reports for a CliError: a stable code, the message's first line and the hint. */
export interface CliErrorDetails {
  code: string;
  summary?: string;
  hint?: string;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly details?: CliErrorDetails,
  ) {
    super(message);
  }
}

export function internalErrorMessage(e: unknown): string {
  const what = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
  return `briefdeck: internal error: ${what} (a bug in briefdeck, not in your outline: please report it with the outline that caused it; BRIEFDECK_DEBUG=1 prints the stack trace)`;
}

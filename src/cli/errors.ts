// A user mistake (bad outline, missing file) is a CliError: one clear message and exit 1. Anything else
// is a bug in briefdeck: a one-line "internal error" and exit 2, never a stack trace unless asked for.

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function internalErrorMessage(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  return `briefdeck: internal error: ${what.split('\n')[0]}\n  This is a bug in briefdeck, not in your outline. Please report it to the briefdeck maintainers (an issue in the briefdeck repository) with the outline that caused it; BRIEFDECK_DEBUG=1 prints the stack trace.`;
}

// A write that did not happen, said about the target (never a temporary file), with what to do.

export class WriteError extends Error {
  constructor(
    readonly target: string,
    /** Stable code: `disk-full`, `not-a-file`, `output-is-input`, … */
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

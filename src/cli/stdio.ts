// `-` as an outline means standard input, as an output standard output (the Unix convention).
import { CliError } from './errors.js';

export const STDIO = '<stdin>';

export const isStdin = (arg: string): boolean => arg === '-';

/**
 * An outline that does not come from its own file: its bytes (decoded strictly by build()), its text
 * for excerpts, and where its relative paths start.
 */
export interface OutlineSource {
  source: Uint8Array;
  text: string;
  baseDir: string;
}

/** All of standard input; relative paths in it start from the working folder. */
export async function readStdin(maxBytes: number, stream: NodeJS.ReadableStream = process.stdin): Promise<OutlineSource> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    // Past the limit, reading on would only fill memory: parseOutline refuses it anyway.
    if (size > maxBytes) throw new CliError(`${STDIO}:1:1: error: the outline on standard input is more than ${Math.round(maxBytes / 1024 / 1024)} MiB [file-too-large]\n  hint: put large tables in a CSV file, or split the deck`, 1, { code: 'file-too-large' });
    chunks.push(buf);
  }
  const source = Buffer.concat(chunks);
  return { source, text: source.toString('utf8'), baseDir: process.cwd() };
}

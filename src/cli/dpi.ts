// --dpi for `preview`: checked when the arguments are parsed, in a module light enough for start-up.
import { InvalidArgumentError } from 'commander';

export const DEFAULT_DPI = 96;
export const MIN_DPI = 24;
export const MAX_DPI = 600;

export const isDpi = (n: number): boolean => Number.isFinite(n) && n >= MIN_DPI && n <= MAX_DPI;

/** Commander argument parser for --dpi: a bad value is a usage error before anything runs. */
export function parseDpi(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !isDpi(n)) throw new InvalidArgumentError(`it must be a number from ${MIN_DPI} to ${MAX_DPI}.`);
  return n;
}

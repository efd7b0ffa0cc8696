// Exhaustive dispatch: a switch over a kind ends in `default: return unreachable(x)`, so a kind added to
// the schema or the model without a case does not compile (x is then not `never`), instead of being
// dropped from the deck in silence.

/** Reached only when a value's type was not narrowed to `never`: at run time, an internal error. */
export function unreachable(value: never, what = 'kind'): never {
  const shown = (value as { type?: unknown; kind?: unknown } | null)?.type ?? (value as { kind?: unknown } | null)?.kind ?? value;
  throw new Error(`internal: no case for ${what} ${JSON.stringify(shown)}`);
}

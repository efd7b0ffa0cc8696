// Derived facts may state their formula over other facts ("tax_revenue / fiscal_revenue * 100"). When
// the formula is arithmetic, briefdeck computes it, so a derived number can never drift from the
// figures it comes from. Grammar: numbers, fact ids, + - * / × ÷, parentheses, unary minus.

export type FormulaResult =
  | { ok: true; value: number; ids: string[] }
  | { ok: false; reason: 'not-a-formula' }
  | { ok: false; reason: 'unknown-id'; id: string }
  /** An input fact is known but has no value, because of a problem reported where that fact is. */
  | { ok: false; reason: 'broken-input'; id: string }
  /** `divisor` is the formula text that came out as 0, e.g. `(b - c)`. */
  | { ok: false; reason: 'division-by-zero'; divisor: string }
  /** The result (or a step towards it) is too large for a number: 1e308 * 10. */
  | { ok: false; reason: 'non-finite' };

type Token = ({ kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string }) & { from: number; to: number };

function tokenize(src: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9_-]*)|([-+*/×÷()]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) return undefined;
    pos = re.lastIndex;
    const at = { from: pos - m[0].trimStart().length, to: pos };
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]), ...at });
    else if (m[2] !== undefined) tokens.push({ kind: 'id', name: m[2], ...at });
    else tokens.push({ kind: 'op', op: m[3]!, ...at });
  }
  return tokens;
}

/** The fact ids a formula uses, in order (with repeats), or undefined when `src` is not a formula. */
export function formulaIds(src: string): string[] | undefined {
  const tokens = tokenize(src);
  if (!tokens || !tokens.some((t) => t.kind === 'id')) return undefined;
  return tokens.flatMap((t) => (t.kind === 'id' ? [t.name] : []));
}

/**
 * Evaluates `src` at full precision, looking ids up with `lookup`: a number, undefined for an unknown id,
 * null for a known fact that has no value (its own problem is reported where it is).
 */
export function evaluateFormula(src: string, lookup: (id: string) => number | undefined | null): FormulaResult {
  const parsed = tokenize(src);
  if (!parsed || parsed.length === 0 || !parsed.some((t) => t.kind === 'id')) return { ok: false, reason: 'not-a-formula' };
  const tokens: Token[] = parsed;
  let i = 0;
  const ids: string[] = [];
  let failure: FormulaResult | undefined;

  const peekOp = (): string | undefined => {
    const t = tokens[i];
    return t?.kind === 'op' ? t.op : undefined;
  };
  function factor(): number {
    const t = tokens[i++];
    if (!t) throw new SyntaxError();
    if (t.kind === 'num') return t.value;
    if (t.kind === 'id') {
      const v = lookup(t.name);
      if (v === undefined || v === null) {
        failure ??= v === null ? { ok: false, reason: 'broken-input', id: t.name } : { ok: false, reason: 'unknown-id', id: t.name };
        return NaN;
      }
      ids.push(t.name);
      return v;
    }
    if (t.op === '-') return -factor();
    if (t.op === '(') {
      const v = expr();
      if (peekOp() !== ')') throw new SyntaxError();
      i++;
      return v;
    }
    throw new SyntaxError();
  }
  function term(): number {
    let v = factor();
    for (let op = peekOp(); op && '*/×÷'.includes(op); op = peekOp()) {
      i++;
      const from = tokens[i]?.from ?? src.length;
      const rhs = factor();
      if ((op === '/' || op === '÷') && rhs === 0) failure ??= { ok: false, reason: 'division-by-zero', divisor: src.slice(from, tokens[i - 1]!.to) };
      v = op === '*' || op === '×' ? v * rhs : v / rhs;
      if (!Number.isFinite(v)) failure ??= { ok: false, reason: 'non-finite' }; // 1 / (1e308 * 10) is not 0
    }
    return v;
  }
  function expr(): number {
    let v = term();
    for (let op = peekOp(); op === '+' || op === '-'; op = peekOp()) {
      i++;
      v = op === '+' ? v + term() : v - term();
      if (!Number.isFinite(v)) failure ??= { ok: false, reason: 'non-finite' };
    }
    return v;
  }

  try {
    const value = expr();
    if (i !== tokens.length) return { ok: false, reason: 'not-a-formula' };
    if (failure) return failure;
    return Number.isFinite(value) ? { ok: true, value, ids } : { ok: false, reason: 'non-finite' };
  } catch {
    return { ok: false, reason: 'not-a-formula' };
  }
}

/** The formula as an audience reads it: × and ÷ instead of * and /. */
export function prettyFormula(src: string, name: (id: string) => string): string {
  return src
    .replace(/[A-Za-z][A-Za-z0-9_-]*/g, (id) => name(id))
    .replace(/\s*\*\s*/g, ' × ')
    .replace(/\s*\/\s*/g, ' ÷ ');
}

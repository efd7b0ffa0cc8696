// Inline markup in outline text: **bold**, *italic*, {fact} (the fact with its unit) and {fact.value}
// (the bare number). A backslash escapes * and {.
import { DERIVED_MARK, factNumber, formatFact } from './format.js';
import type { Fact, RichText, Run } from './types.js';

export interface InlineContext {
  facts: Map<string, Fact>;
  /** Called for a reference to a fact that does not exist. */
  unknownFact(id: string): void;
  /** Called for every fact the text shows (for the slide's sources and footnotes). */
  usedFact(fact: Fact): void;
  /** Leave out the † after derived numbers (titles: the footnote explains them, the title stays clean). */
  unmarked?: boolean;
}

/** Replaces {fact} references in plain text (titles, notes, table cells). */
export function interpolate(text: string, ctx: InlineContext): { text: string; derived: boolean } {
  let derived = false;
  const out = text.replace(/\\\{|\{([A-Za-z][A-Za-z0-9_-]*)(\.value)?\}/g, (whole, id: string | undefined, bare: string | undefined) => {
    if (id === undefined) return '{';
    const fact = ctx.facts.get(id);
    if (!fact) {
      ctx.unknownFact(id);
      return whole;
    }
    ctx.usedFact(fact);
    derived ||= fact.derived !== undefined;
    const shown = bare ? factNumber(fact) : formatFact(fact);
    return fact.derived !== undefined && !ctx.unmarked ? `${shown}${DERIVED_MARK}` : shown;
  });
  return { text: out, derived };
}

/** Splits text into runs at ** and * markers, after resolving facts. */
export function parseInline(text: string, ctx: InlineContext): RichText {
  const { text: resolved } = interpolate(text, ctx);
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = (): void => {
    if (!buf) return;
    const run: Run = { text: buf };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    runs.push(run);
    buf = '';
  };
  for (let i = 0; i < resolved.length; i++) {
    const c = resolved[i]!;
    if (c === '\\' && resolved[i + 1] === '*') {
      buf += '*';
      i++;
    } else if (c === '*' && resolved[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else if (c === '*' && (italic || /\S/.test(resolved[i + 1] ?? ''))) {
      flush();
      italic = !italic;
    } else {
      buf += c;
    }
  }
  flush();
  return runs.length ? runs : [{ text: '' }];
}

export function plainText(rich: RichText): string {
  return rich.map((r) => r.text).join('');
}

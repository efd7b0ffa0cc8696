// Indentation help. yaml reports a mis-indented line in its own words ("All mapping items must start at
// the same column", "Nested mappings are not allowed in compact mappings"), often at the line before and
// with follow-on errors. Here the line that is out of step is found, and the message says which blocks
// it could belong to, by their YAML path, and how far those are indented. A plain text in a list that
// swallowed a line starting with `- ` (a list item indented too far) is a warning.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { Span } from '../diagnostics.js';
import { formatPath, type PathPart } from './positions.js';

/** A block open at some line: keys of a map or items (`-`) of a list, starting at `col` (0-based). */
interface Level {
  col: number;
  line: number;
  kind: 'map' | 'seq';
  /** The key (or `-`) as written on that line, for the hint. */
  token: string;
}

export interface IndentProblem {
  /** The line out of step, and its first character. */
  span: Span;
  /** 1-based line of the culprit. */
  line: number;
  message: string;
  hint: string;
}

const isContent = (l: string): boolean => l.trim() !== '' && !l.trimStart().startsWith('#');
const indentOf = (l: string): number => l.length - l.trimStart().length;

/** The blocks a line opens or continues: `- key: v` is an item of a list at the `-` and a key of a map after it. */
function levelsOf(text: string, line: number): Level[] {
  const indent = indentOf(text);
  const rest = text.slice(indent);
  const dash = /^-(\s+|$)/.exec(rest);
  if (!dash) return [{ col: indent, line, kind: 'map', token: keyOf(rest) }];
  const inner = indent + dash[0].length;
  const after = rest.slice(dash[0].length);
  const item: Level = { col: indent, line, kind: 'seq', token: '-' };
  return after && /^[^\s#"'[{][^:#]*:(\s|$)/.test(after) ? [{ col: inner, line, kind: 'map', token: keyOf(after) }, item] : [item];
}

const keyOf = (s: string): string => (/^([^:#]+):/.exec(s)?.[1] ?? s).trim();

/** Whether a line opens a block for the lines under it (`key:` with nothing after, or a `|`/`>` text). */
const opensBlock = (s: string): boolean => /:\s*([|>][-+0-9]*)?\s*(#.*)?$/.test(s) || /^\s*-\s*$/.test(s);

/** Where line `c` (0-based) would be in line with an open block, or undefined when it already is. */
function outOfStep(lines: string[], c: number): { col: number; deeper?: Level; shallower?: Level } | undefined {
  const col = indentOf(lines[c]!);
  const own = levelsOf(lines[c]!, c)[levelsOf(lines[c]!, c).length - 1]!;
  const levels: Level[] = [];
  let min = Infinity;
  let previous: number | undefined;
  for (let i = c - 1; i >= 0; i--) {
    if (!isContent(lines[i]!)) continue;
    previous ??= i;
    for (const level of levelsOf(lines[i]!, i)) {
      if (level.col < min) {
        levels.push(level);
        min = level.col;
      }
    }
    if (min === 0) break;
  }
  if (previous === undefined) return undefined;
  // Deeper than the line above, which opens a block: the first line of that block, so in step.
  const prevLevels = levelsOf(lines[previous]!, previous);
  if (col > prevLevels[0]!.col && opensBlock(lines[previous]!)) return undefined;
  if (levels.some((l) => l.col === col && (l.kind === own.kind || own.kind === 'seq'))) return undefined;
  // A key goes with the keys of a map, a `-` with the items of a list.
  const alike = levels.filter((l) => l.kind === own.kind);
  const pool = alike.length ? alike : levels;
  const deeper = [...pool].reverse().find((l) => l.col > col);
  const shallower = pool.find((l) => l.col < col);
  return { col, ...(deeper ? { deeper } : {}), ...(shallower ? { shallower } : {}) };
}

/** The YAML path of the map or list each key and item of the document sits in, by line and column. */
function containers(doc: Document, lines: LineCounter): Map<string, PathPart[]> {
  const out = new Map<string, PathPart[]>();
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return `${p.line - 1}:${p.col - 1}`;
  };
  const walk = (node: unknown, path: PathPart[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        out.set(`map@${at(pair.key.range[0])}`, path);
        walk(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        if (range) out.set(`seq@${at(range[0]).split(':')[0]}`, path);
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

/**
 * The mis-indented line behind yaml's errors at `errorLines` (1-based), said plainly; undefined when the
 * errors are not about indentation (or the line cannot be found).
 */
export function indentationProblem(text: string, doc: Document, lineCounter: LineCounter, errorLines: number[]): IndentProblem | undefined {
  const lines = text.split(/\r?\n/);
  const candidates: number[] = [];
  for (const e of errorLines) {
    candidates.push(e - 1);
    let next = e;
    while (next < lines.length && !isContent(lines[next]!)) next++;
    if (next < lines.length) candidates.push(next);
  }
  const where = containers(doc, lineCounter);
  const pathOf = (l: Level): string | undefined => {
    const p = l.kind === 'map' ? where.get(`map@${l.line}:${l.col}`) : where.get(`seq@${l.line}`);
    return p && (p.length ? formatPath(p) : 'the outline');
  };
  for (const c of candidates) {
    if (c < 0 || c >= lines.length || !isContent(lines[c]!)) continue;
    const found = outOfStep(lines, c);
    if (!found || (!found.deeper && !found.shallower)) continue;
    const token = levelsOf(lines[c]!, c)[0]!.kind === 'seq' ? 'this `-` item' : `\`${keyOf(lines[c]!.trimStart())}:\``;
    const group = (l: Level): string => {
      const path = pathOf(l);
      if (path === 'the outline') return 'the top-level keys';
      return l.kind === 'seq' ? `the items of ${path ?? 'the list'}` : `the keys of ${path ?? 'the map'}`;
    };
    const like = (l: Level): string => (l.kind === 'seq' ? `like the \`-\` on line ${l.line + 1}` : `like \`${l.token}:\` on line ${l.line + 1}`);
    const options = [found.deeper, found.shallower].filter((l): l is Level => l !== undefined);
    const message = `${token} is indented ${found.col} space${found.col === 1 ? '' : 's'}, which matches no block here: ${options.map((l) => `${group(l)} are indented ${l.col}`).join(', ')}`;
    const hint =
      options.length === 2
        ? `indent it ${options[0]!.col} spaces to put it with ${group(options[0]!)} (${like(options[0]!)}), or ${options[1]!.col} to put it with ${group(options[1]!)} (${like(options[1]!)})`
        : `indent it ${options[0]!.col} spaces, ${like(options[0]!)}`;
    return { span: { line: c + 1, col: found.col + 1 }, line: c + 1, message, hint };
  }
  return undefined;
}

export interface MergedItem {
  span: Span;
  path: string;
  /** The text of the line that looks like an item of its own. */
  item: string;
}

/**
 * Plain texts in a list that run over a line beginning with `- `: YAML folds that line into the text
 * ("…of net sales - About 161,000 employees"), which is almost always a list item indented too far.
 */
export function mergedListItems(doc: Document, text: string, lineCounter: LineCounter): MergedItem[] {
  const out: MergedItem[] = [];
  const walk = (node: unknown, path: PathPart[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isScalar(item) && item.type === 'PLAIN' && typeof item.value === 'string' && item.range) {
          const source = text.slice(item.range[0], item.range[1]);
          const m = /\n([ \t]*)- \S/.exec(source);
          if (m) {
            const offset = item.range[0] + m.index + 1 + m[1]!.length;
            const { line, col } = lineCounter.linePos(offset);
            out.push({ span: { line, col }, path: formatPath([...path, i]), item: source.slice(m.index + 1).split('\n')[0]!.trim() });
          }
        }
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

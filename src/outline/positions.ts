// Maps a path in the parsed outline (["slides", 3, "chart", "labels"]) back to a line and column of
// the YAML text, so that every later stage can point at the text that caused a problem.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostics.js';

export type PathPart = string | number;

export interface Locator {
  /** Position of the value at `path`, or of the nearest existing ancestor when it is missing. */
  value(path: readonly PathPart[]): Span;
  /** Position of the key of a map entry (for unknown keys), or of the value when there is no key. */
  key(path: readonly PathPart[]): Span;
}

/** `slides[3].chart.labels` */
export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(top level)';
}

export function makeLocator(doc: Document, lines: LineCounter): Locator {
  const at = (offset: number): Span => {
    const { line, col } = lines.linePos(offset);
    return { line, col };
  };
  const spanOf = (node: unknown, fallback: Span): Span => {
    const range = (node as Node | null)?.range;
    return range ? at(range[0]) : fallback;
  };

  // Each map's entries by key, built on first use: a 20,000-fact outline is located in linear time.
  const entries = new WeakMap<YAMLMap, Map<string, Pair>>();
  const entry = (map: YAMLMap, key: string): Pair | undefined => {
    let byKey = entries.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !byKey.has(String(p.key.value))) byKey.set(String(p.key.value), p);
      entries.set(map, byKey);
    }
    return byKey.get(key);
  };

  /** Walks as far along `path` as the document goes; returns the deepest node and the key of its entry. */
  function walk(path: readonly PathPart[]): { node: unknown; keyNode: unknown; complete: boolean } {
    let node: unknown = doc.contents;
    let keyNode: unknown = undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = entry(node as YAMLMap, String(part));
        if (!pair) return { node, keyNode, complete: false };
        keyNode = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
        keyNode = undefined;
        node = node.items[part];
      } else {
        return { node, keyNode, complete: false };
      }
    }
    return { node, keyNode, complete: true };
  }

  const start: Span = { line: 1, col: 1 };
  return {
    value(path) {
      return spanOf(walk(path).node, start);
    },
    key(path) {
      const found = walk(path);
      return spanOf(found.complete && found.keyNode ? found.keyNode : found.node, start);
    },
  };
}

// YAML reads some plain words as numbers: `010` and `007` (leading zeros), `0x1F` (hex), `0o17` (octal),
// `1.50`, `1e3`, `+5`. Where the outline turns a number back into text (chart labels, table cells,
// timeline dates, stat card values), the slide would then show `10`, `31`, `15`, `1.5`: not what was
// written. A warning says so and suggests quotes; values meant as numbers (facts, chart values) are left
// alone.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostics, Span } from '../diagnostics.js';
import { formatPath, type PathPart } from './positions.js';

type Child = { node: unknown; path: PathPart[] };

const get = (node: unknown, key: string): unknown => (isMap(node) ? node.get(key, true) : undefined);
const items = (c: Child): Child[] => (isSeq(c.node) ? c.node.items.map((node, i) => ({ node, path: [...c.path, i] })) : []);
const field = (c: Child, key: string): Child[] => {
  const node = get(c.node, key);
  return node === undefined ? [] : [{ node, path: [...c.path, key] }];
};

/** Where a number written in the outline becomes text on a slide. */
function textPositions(doc: Document): Child[] {
  const slides = items({ node: get(doc.contents, 'slides'), path: ['slides'] });
  return slides.flatMap((slide) => [
    ...field(slide, 'chart').flatMap((c) => field(c, 'labels').flatMap(items)),
    ...field(slide, 'events').flatMap(items).flatMap((e) => field(e, 'date')),
    ...field(slide, 'rows').flatMap(items).flatMap(items),
    ...field(slide, 'stats').flatMap(items).flatMap((s) => field(s, 'value')),
  ]);
}

export function reportNumberReadings(doc: Document, at: (offset: number) => Span, out: Diagnostics): void {
  for (const { node, path } of textPositions(doc)) {
    if (!isScalar(node) || typeof node.value !== 'number' || node.type !== 'PLAIN' || !node.range) continue;
    const written = (node as { source?: string }).source ?? '';
    const read = String(node.value);
    if (written === '' || written === read) continue;
    out.warn('yaml-number-reading', `\`${written}\` is read as the number ${read}, so the slide shows ${read} rather than what was written`, {
      path: formatPath(path),
      span: at((node as Node).range![0]),
      hint: `put it in quotes to keep it as written: "${written}"`,
    });
  }
}

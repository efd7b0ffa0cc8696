// Package XML is read and edited as a tree (@xmldom/xmldom), never with regular expressions: every
// edit is scoped to the element it changes, every value written is escaped by the serializer, and a
// part that is not well-formed XML is reported as such instead of being patched blindly.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
// The module object sax.js itself requires (imported, not required by path, so that a bundle patches its own copy).
import grammarModule from '@xmldom/xmldom/lib/grammar.js';
import { __DOMHandler } from '@xmldom/xmldom/lib/dom-parser.js';

export type { Document, Element, Node };

/** The namespaces briefdeck reads and writes, by their conventional prefixes. */
export const NS = {
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  /** Package relationships (`_rels/*.rels`). */
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  /** `[Content_Types].xml`. */
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  /** docProps/app.xml. */
  ep: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  p14: 'http://schemas.microsoft.com/office/powerpoint/2010/main',
  a14: 'http://schemas.microsoft.com/office/drawing/2010/main',
  a16: 'http://schemas.microsoft.com/office/drawing/2014/main',
  /** The decorative flag PowerPoint writes for shapes that screen readers skip. */
  adec: 'http://schemas.microsoft.com/office/drawing/2017/decorative',
} as const;

export type Prefix = keyof typeof NS;

// xmldom 0.9 builds the same two regular expressions afresh for every end tag (sax.js calls
// `grammar.reg(...)` with constant arguments), which was most of the time spent parsing a template's
// layouts. Memoizing `reg` by the identity of its arguments gives the same expressions (no `g` or `y`
// flag, so no state is shared) at a third of the cost.
const grammar = grammarModule as { reg?: (...args: unknown[]) => RegExp };
if (typeof grammar.reg === 'function' && !(grammar.reg as { memoized?: boolean }).memoized) {
  const build = grammar.reg;
  const root = new Map<unknown, unknown>();
  const done = Symbol('regexp');
  const memo = function (this: unknown, ...args: unknown[]): RegExp {
    let node = root;
    for (const a of args) {
      let next = node.get(a) as Map<unknown, unknown> | undefined;
      if (!next) node.set(a, (next = new Map()));
      node = next;
    }
    let re = node.get(done) as RegExp | undefined;
    if (!re) node.set(done, (re = build.apply(this, args)));
    return re;
  };
  grammar.reg = Object.assign(memo, { memoized: true });
}

// Every element and attribute name is checked against the grammar's exact-name expressions, which
// span all of Unicode: compiling one was ~10–20 ms the first time it ran. An ASCII expression is tried
// first (OOXML's names are ASCII) and the full one only when it fails. The answer is the same: every
// name the ASCII expression accepts, the full one accepts too.
const ASCII_NAMES: Record<string, RegExp> = {
  QName_exact: /^[_a-zA-Z][-._a-zA-Z0-9]*(?::[_a-zA-Z][-._a-zA-Z0-9]*)?$/,
  NCName_exact: /^[_a-zA-Z][-._a-zA-Z0-9]*$/,
  Name_exact: /^[:_a-zA-Z][-.:_a-zA-Z0-9]*$/,
};
for (const [name, ascii] of Object.entries(ASCII_NAMES)) {
  const full = (grammarModule as Record<string, unknown>)[name];
  if (full instanceof RegExp && !Object.hasOwn(full, 'test')) {
    Object.defineProperty(full, 'test', { value: (s: string) => ascii.test(s) || RegExp.prototype.test.call(full, s) });
  }
}

// xmldom's parser ends every document with normalize(), a walk of the whole tree (~5% of a parse) that
// merges adjacent text nodes. Its handler makes such nodes only when two runs of text meet (after the
// parser recovers from an error, as in `a < b`): this one notes when that happens and normalizes only
// then, so the document is the same.
/** Exported for test/xml.test.ts, which compares its trees with xmldom's own. */
export class TextMergingHandler extends __DOMHandler {
  private adjacentText = false;

  override characters(chars: string, start: number, length: number): void {
    const parent = this.currentElement ?? this.doc;
    const before = parent.lastChild;
    super.characters(chars, start, length);
    const added = parent.lastChild;
    if (added && added !== before && added.nodeType === 3 && added.previousSibling?.nodeType === 3) this.adjacentText = true;
  }

  override endDocument(): void {
    if (this.adjacentText) super.endDocument();
  }
}

/** A part that is not well-formed XML. */
export class XmlError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(`${part}: ${message}`);
  }
}

/** Parses one package part; throws XmlError (naming the part) when it is not well-formed. */
export function parseXml(text: string, part: string): Document {
  const problems: string[] = [];
  const parser = new DOMParser({
    domHandler: TextMergingHandler,
    locator: false,
    onError: (level, msg) => {
      if (level !== 'warning') problems.push(String(msg).split('\n')[0]!);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new XmlError(part, (e as Error).message.split('\n')[0]!);
  }
  if (problems.length || !doc.documentElement) throw new XmlError(part, problems[0] ?? 'no root element');
  return doc;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The part as text, with the declaration PowerPoint writes. */
export function serializeXml(doc: Document | Element): string {
  const root = 'documentElement' in doc ? doc.documentElement! : doc;
  return DECLARATION + new XMLSerializer().serializeToString(root);
}

/** Child elements of `el` with the given namespace and local name, in document order. */
export function children(el: Element, prefix: Prefix, local: string): Element[] {
  const ns = NS[prefix];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
}

/** The first child element of `el` with this name, if any. */
export function child(el: Element | undefined | null, prefix: Prefix, local: string): Element | undefined {
  if (!el) return undefined;
  const ns = NS[prefix];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local) return n as Element;
  }
  return undefined;
}

/** Follows a path of child names from `el`: `path(spPr, 'a:xfrm', 'a:off')`. */
export function path(el: Element | undefined | null, ...steps: `${Prefix}:${string}`[]): Element | undefined {
  let at: Element | undefined = el ?? undefined;
  for (const step of steps) {
    const [prefix, local] = step.split(':') as [Prefix, string];
    at = child(at, prefix, local);
    if (!at) return undefined;
  }
  return at;
}

/** Every child element of `el`, whatever its name. */
export function elements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/**
 * Calls `visit` with every element below `root` (not `root` itself), in document order, until it
 * returns false. A plain walk: xmldom's getElementsByTagNameNS builds a live list, which walks the tree
 * again whenever the document has changed since.
 */
export function eachElement(root: Element | Document, visit: (el: Element) => boolean | void): void {
  const stack: Node[] = [];
  for (let n = root.firstChild as Node | null; n; ) {
    if (n.nodeType === 1) {
      if (visit(n as Element) === false) return;
      if (n.firstChild) {
        if (n.nextSibling) stack.push(n.nextSibling);
        n = n.firstChild;
        continue;
      }
    }
    n = n.nextSibling ?? stack.pop() ?? null;
  }
}

/** Every descendant element with this name, in document order (as getElementsByTagNameNS gives them). */
export function descendants(el: Element | Document, prefix: Prefix, local: string): Element[] {
  const ns = NS[prefix];
  const out: Element[] = [];
  eachElement(el, (e) => {
    if (e.localName === local && e.namespaceURI === ns) out.push(e);
  });
  return out;
}

/** A new element in a namespace, with attributes (undefined values are left out). */
export function create(doc: Document, qname: `${Prefix}:${string}`, attrs: Record<string, string | number | undefined> = {}, ...kids: Node[]): Element {
  const [prefix] = qname.split(':') as [Prefix, string];
  const el = doc.createElementNS(NS[prefix], qname);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const k of kids) el.appendChild(k);
  return el;
}

/** A numeric attribute, or `fallback` when absent or not a number. */
export function numAttr(el: Element | undefined, name: string, fallback: number): number;
export function numAttr(el: Element | undefined, name: string): number | undefined;
export function numAttr(el: Element | undefined, name: string, fallback?: number): number | undefined {
  const v = el?.getAttribute(name);
  if (v === null || v === undefined || v === '') return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

/** Removes every child element of `el` with this name. */
export function removeChildren(el: Element, prefix: Prefix, local: string): void {
  for (const c of children(el, prefix, local)) el.removeChild(c);
}

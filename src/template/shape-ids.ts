// Which template parts already have unique shape ids. Emit repairs a master or layout that gives two
// shapes one id (assemble.ts), which needs the part parsed; the template reader has every master and
// layout parsed already, so it notes here the parts it found unique, and emit parses only the others.
// Kept by the part's bytes (the same Uint8Array emit copies), so replaced bytes are never trusted.
import { eachElement, NS, type Document } from '../xml.js';

const unique = new WeakSet<Uint8Array>();

/** Notes `bytes` as a part whose `p:cNvPr` ids are all different, when `doc` (its parse) shows so. */
export function noteShapeIds(bytes: Uint8Array, doc: Document): void {
  const seen = new Set<string>();
  let duplicate = false;
  eachElement(doc, (el) => {
    if (el.localName !== 'cNvPr' || el.namespaceURI !== NS.p) return true;
    // A missing id counts as '' as it does in emit's repair: two such shapes are duplicates too.
    const id = el.getAttribute('id') ?? '';
    duplicate = seen.has(id);
    seen.add(id);
    return !duplicate;
  });
  if (duplicate) return;
  unique.add(bytes);
}

/** True when the template reader found these bytes' shape ids unique (false: not known, parse and check). */
export function hasUniqueShapeIds(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && unique.has(bytes);
}

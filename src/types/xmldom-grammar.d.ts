// xmldom ships no types for its internal modules: xml.ts memoizes the grammar's `reg`, checks ASCII names
// first, and gives the parser a handler that normalizes only documents that need it.
declare module '@xmldom/xmldom/lib/grammar.js' {
  const grammar: Record<string, unknown>;
  export default grammar;
}

declare module '@xmldom/xmldom/lib/dom-parser.js' {
  import type { Document, Node } from '@xmldom/xmldom';
  /** The SAX handler that builds the document (exported by xmldom for its tests). */
  export class __DOMHandler {
    constructor(options: unknown);
    doc: Document;
    currentElement: Node | undefined;
    characters(chars: string, start: number, length: number): void;
    endDocument(): void;
  }
}

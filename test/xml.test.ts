// The XML tree helpers, and the speed-ups src/xml.ts gives xmldom: names checked with an ASCII
// expression first, descendants found by a plain walk instead of a live node list, and a parser handler
// that normalizes only documents that need it. Each must give exactly the answers xmldom's own code gives.
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import grammar from '@xmldom/xmldom/lib/grammar.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unzipParts } from '../src/emit/package.js';
import { create, descendants, eachElement, NS, parseXml, serializeXml, TextMergingHandler, XmlError } from '../src/xml.js';
import { buildDeck, DECKS } from './helpers.js';

const g = grammar as unknown as Record<'QName_exact' | 'NCName_exact' | 'Name_exact', RegExp>;

describe('name checks', () => {
  it('accept and refuse the names the full Unicode expressions do', () => {
    const names = ['a', 'p:sld', 'a16:creationId', '_x', 'x-y.z9', 'é', 'p:数据', '数据', 'x·y', 'a\u0300', '1a', '-a', ':a', 'a:', 'a:b:c', 'a b', '', 'p:1', '\u{10400}x', 'x\u{10400}'];
    for (const key of ['QName_exact', 'NCName_exact', 'Name_exact'] as const) {
      const full = new RegExp(g[key].source, g[key].flags);
      for (const n of names) expect(g[key].test(n), `${key} ${JSON.stringify(n)}`).toBe(full.test(n));
    }
  });

  it('agree with the full expressions on random names', () => {
    const full = new RegExp(g.QName_exact.source, g.QName_exact.flags);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '_', ':', '-', '.', '0', '9', 'é', '·', ' ', '数', '\u0300') }), (s) => g.QName_exact.test(s) === full.test(s)), { numRuns: 3000 });
  });

  it('still report a part whose element name is not a name', () => {
    expect(() => parseXml('<1a/>', 'bad.xml')).toThrow(XmlError);
    expect(parseXml('<p:数据 xmlns:p="urn:x"/>', 'ok.xml').documentElement!.localName).toBe('数据');
  });
});

describe('descendants', () => {
  const xml = `<p:sld xmlns:p="${NS.p}" xmlns:a="${NS.a}"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2"/></p:nvSpPr></p:sp>text<p:grpSp><p:sp><p:nvSpPr><p:cNvPr id="3"/></p:nvSpPr></p:sp></p:grpSp><a:cNvPr id="x"/><p:sp><p:nvSpPr><p:cNvPr id="4"/></p:nvSpPr></p:sp></p:spTree></p:cSld><p:cNvPr id="5"/></p:sld>`;

  it('gives what getElementsByTagNameNS gives, in the same order, from a document and from an element', () => {
    const doc = parseXml(xml, 'slide.xml');
    const reference = new DOMParser().parseFromString(xml, 'text/xml');
    const ids = (els: ArrayLike<{ getAttribute(n: string): string | null }>) => Array.from(els, (e) => e.getAttribute('id'));
    expect(ids(descendants(doc, 'p', 'cNvPr'))).toEqual(ids(reference.getElementsByTagNameNS(NS.p, 'cNvPr')));
    expect(ids(descendants(doc, 'p', 'cNvPr'))).toEqual(['2', '3', '4', '5']);
    const tree = descendants(doc, 'p', 'spTree')[0]!;
    expect(ids(descendants(tree, 'p', 'cNvPr'))).toEqual(['2', '3', '4']);
    expect(descendants(tree, 'p', 'spTree')).toEqual([]); // not the element itself
  });

  it('sees elements added after an earlier walk', () => {
    const doc = parseXml(xml, 'slide.xml');
    expect(descendants(doc, 'p', 'cNvPr')).toHaveLength(4);
    doc.documentElement!.appendChild(create(doc, 'p:cNvPr', { id: 6 }));
    expect(descendants(doc, 'p', 'cNvPr').map((e) => e.getAttribute('id'))).toEqual(['2', '3', '4', '5', '6']);
  });

  it('stops a walk when the visitor says so', () => {
    const seen: string[] = [];
    eachElement(parseXml(xml, 'slide.xml'), (e) => {
      seen.push(e.localName!);
      return e.localName !== 'cNvPr';
    });
    expect(seen).toEqual(['sld', 'cSld', 'spTree', 'sp', 'nvSpPr', 'cNvPr']);
  });
});

describe('serializeXml', () => {
  it('writes the declaration PowerPoint writes, and escapes what it must', () => {
    const doc = parseXml(`<a:t xmlns:a="${NS.a}"/>`, 't.xml');
    doc.documentElement!.setAttribute('v', '<"&>');
    doc.documentElement!.appendChild(doc.createTextNode('a < b & c'));
    expect(serializeXml(doc)).toBe(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a:t xmlns:a="${NS.a}" v="&lt;&quot;&amp;&gt;">a &lt; b &amp; c</a:t>`);
  });
});

describe('the parser\'s handler', () => {
  /** Every node as type and text or name, depth first: what normalize() would change shows here. */
  const shape = (n: { nodeType: number; nodeName: string; data?: string; firstChild: unknown; nextSibling: unknown }): string[] => {
    const out = [`${n.nodeType}:${n.nodeType === 3 || n.nodeType === 4 ? JSON.stringify(n.data) : n.nodeName}`];
    for (let c = n.firstChild as typeof n | null; c; c = c.nextSibling as typeof n | null) out.push(...shape(c).map((s) => ` ${s}`));
    return out;
  };
  const both = (xml: string) => {
    const opts = { onError: () => {} };
    const plain = new DOMParser(opts).parseFromString(xml, 'text/xml');
    const ours = new DOMParser({ ...opts, domHandler: TextMergingHandler }).parseFromString(xml, 'text/xml');
    return { plain: shape(plain as never), ours: shape(ours as never) };
  };

  it('gives the tree xmldom gives, also where error recovery splits a text (which normalize merges)', () => {
    for (const xml of ['<a>x < y</a>', '<a>x &amp y</a>', '<a>a<!-- c -->b<![CDATA[c]]>d</a>', '<a>x < y < z<b>q</b></a>', `<p:sld xmlns:p="${NS.p}"><p:t>1 &lt; 2</p:t>  </p:sld>`]) {
      const { plain, ours } = both(xml);
      expect(ours, xml).toEqual(plain);
    }
    expect(both('<a>x < y</a>').ours).toEqual(['9:#document', ' 1:a', '  3:"x < y"']);
  });

  it('gives the tree xmldom gives for every part of a built deck', async () => {
    const parts = unzipParts((await buildDeck(path.join(DECKS, 'etdz-briefing.yaml'))).pptx!);
    let n = 0;
    for (const [name, bytes] of parts) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const { plain, ours } = both(new TextDecoder().decode(bytes));
      expect(ours, name).toEqual(plain);
      n++;
    }
    expect(n).toBeGreaterThan(50);
  }, 60_000);
});

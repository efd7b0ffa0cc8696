// Document properties: docProps/core.xml (title, author, subject, language, fixed dates) and
// docProps/app.xml (slide titles as PowerPoint lists them, word and paragraph counts, fonts and theme),
// written through the XML tree.
import type { DeckMeta } from '../model/types.js';
import { NS, parseXml, type Document } from '../xml.js';
import { builder } from './drawing-xml.js';
import { writeXml, type Parts } from './package.js';

export const CORE = 'docProps/core.xml';
export const APP = 'docProps/app.xml';

/** ISO 8601 in UTC without milliseconds, e.g. 2024-10-21T00:00:00Z. */
const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function writeCore(parts: Parts, meta: DeckMeta, modified: Date, lang: string): void {
  const doc = parseXml(
    `<cp:coreProperties xmlns:cp="${NS.cp}" xmlns:dc="${NS.dc}" xmlns:dcterms="${NS.dcterms}" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="${NS.xsi}"/>`,
    CORE,
  );
  const root = doc.documentElement!;
  const add = (ns: string, qname: string, value: string, attrs: Record<string, string> = {}) => {
    const e = doc.createElementNS(ns, qname);
    for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(NS.xsi, k, v);
    e.appendChild(doc.createTextNode(value));
    root.appendChild(e);
  };
  add(NS.dc, 'dc:title', meta.title);
  if (meta.subtitle) add(NS.dc, 'dc:subject', meta.subtitle);
  const author = meta.author ?? meta.organisation;
  if (author) {
    add(NS.dc, 'dc:creator', author);
    add(NS.cp, 'cp:lastModifiedBy', author);
  }
  add(NS.cp, 'cp:revision', '1');
  add(NS.dcterms, 'dcterms:created', isoSeconds(modified), { 'xsi:type': 'dcterms:W3CDTF' });
  add(NS.dcterms, 'dcterms:modified', isoSeconds(modified), { 'xsi:type': 'dcterms:W3CDTF' });
  add(NS.dc, 'dc:language', lang);
  writeXml(parts, CORE, doc);
}

export interface AppFacts {
  meta: DeckMeta;
  slideTitles: string[];
  /** The text of every paragraph on the slides, to count words and paragraphs. */
  paragraphs: string[];
  notesCount: number;
  fonts: string[];
  themeName: string;
  format: string;
}

export function writeApp(parts: Parts, facts: AppFacts): void {
  const doc: Document = parseXml(`<Properties xmlns="${NS.ep}" xmlns:vt="${NS.vt}"/>`, APP);
  const root = doc.documentElement!;
  const el = builder(doc);
  let words = 0;
  let paragraphs = 0;
  for (const text of facts.paragraphs) {
    if (!text.trim()) continue;
    paragraphs += 1;
    words += countWords(text);
  }
  const plain = (name: string, value: string | number) => {
    const e = doc.createElementNS(NS.ep, name);
    e.appendChild(doc.createTextNode(String(value)));
    root.appendChild(e);
  };
  plain('TotalTime', 0);
  plain('Words', words);
  plain('Application', 'briefdeck');
  plain('PresentationFormat', facts.format);
  plain('Paragraphs', paragraphs);
  plain('Slides', facts.slideTitles.length);
  plain('Notes', facts.notesCount);
  plain('HiddenSlides', 0);
  plain('MMClips', 0);
  plain('ScaleCrop', 'false');
  const lpstr = (s: string) => {
    const e = el('vt:lpstr');
    e.appendChild(doc.createTextNode(s));
    return e;
  };
  const i4 = (n: number) => {
    const e = el('vt:i4');
    e.appendChild(doc.createTextNode(String(n)));
    return e;
  };
  const groups: [string, string[]][] = [
    ['Fonts Used', facts.fonts],
    ['Theme', [facts.themeName]],
    ['Slide Titles', facts.slideTitles],
  ];
  const pairs = doc.createElementNS(NS.ep, 'HeadingPairs');
  pairs.appendChild(el('vt:vector', { size: groups.length * 2, baseType: 'variant' }, ...groups.flatMap(([name, list]) => [el('vt:variant', {}, lpstr(name)), el('vt:variant', {}, i4(list.length))])));
  root.appendChild(pairs);
  const titles = doc.createElementNS(NS.ep, 'TitlesOfParts');
  const all = groups.flatMap(([, list]) => list);
  titles.appendChild(el('vt:vector', { size: all.length, baseType: 'lpstr' }, ...all.map(lpstr)));
  root.appendChild(titles);
  if (facts.meta.organisation) plain('Company', facts.meta.organisation);
  plain('LinksUpToDate', 'false');
  plain('SharedDoc', 'false');
  plain('HyperlinksChanged', 'false');
  plain('AppVersion', '16.0000');
  writeXml(parts, APP, doc);
}

/** Words as Office counts them: runs of letters and digits; each Han, kana or hangul character is a word. */
export function countWords(text: string): number {
  const cjk = text.match(/[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/g)?.length ?? 0;
  const rest = text.replace(/[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return cjk + rest;
}

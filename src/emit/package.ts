// An OPC package (the zip a .pptx is) as a map of parts, with its relationships and content types read
// and written through the XML tree, and a deterministic zip: fixed dates, a fixed order, fixed levels.
import path from 'node:path/posix';
import { unzipSync } from 'fflate';
import { remember } from '../bounded-cache.js';
import { child, children, NS, parseXml, serializeXml, type Document } from '../xml.js';
import { packAhead, writeZip, type ZipEntry } from './zip-write.js';

/** Part name (no leading slash) → bytes. */
export type Parts = Map<string, Uint8Array>;

export const CONTENT_TYPES = '[Content_Types].xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  slide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide',
  slideLayout: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout',
  slideMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster',
  notesMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster',
  notesSlide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide',
  handoutMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/handoutMaster',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  presProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/presProps',
  viewProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/viewProps',
  tableStyles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
} as const;

export const CT = {
  presentation: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  slide: 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
  slideLayout: 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  slideMaster: 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  notesMaster: 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  notesSlide: 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  presProps: 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml',
  viewProps: 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml',
  tableStyles: 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export const text = (bytes: Uint8Array | undefined): string => (bytes ? decoder.decode(bytes) : '');
export const bytesOf = (s: string): Uint8Array => encoder.encode(s);

/** The part's XML tree; throws XmlError naming the part when it is not well-formed. */
export function readXml(parts: Parts, name: string): Document {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`internal: the package has no part ${name}`);
  return parseXml(text(bytes), name);
}

export function writeXml(parts: Parts, name: string, doc: Document): void {
  parts.set(name, bytesOf(serializeXml(doc)));
}

/** `ppt/slides/_rels/slide1.xml.rels` for `ppt/slides/slide1.xml`. */
export function relsName(part: string): string {
  return path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
}

/** Absolute part name of a relationship target written relative to `part`. */
export function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.normalize(path.join(path.dirname(part), target));
}

/** A target for `to`, written relative to `from`, as PowerPoint writes them. */
export function relativeTarget(from: string, to: string): string {
  return path.relative(path.dirname(from), to);
}

/** Relationships by the bytes they were read from: emit reads most relationship parts more than once. */
const relsRead = new WeakMap<Uint8Array, readonly Relationship[]>();
/**
 * …and by their text, and relationship parts written by what they say: pptxgenjs writes every part
 * afresh on each rebuild (watch, serve), mostly with the same text as the last time.
 */
const relsByText = new Map<string, readonly Relationship[]>();
const relsWritten = new Map<string, Uint8Array>();
const RELS_CACHED = 4096;

/** A part's relationships (a fresh list of fresh objects: callers add to it and write it back). */
export function readRels(parts: Parts, part: string): Relationship[] {
  const name = relsName(part);
  const bytes = parts.get(name);
  if (!bytes) return [];
  let rels = relsRead.get(bytes);
  if (!rels) {
    const xml = text(bytes);
    rels = remember(relsByText, xml, RELS_CACHED, () =>
      children(parseXml(xml, name).documentElement!, 'rel', 'Relationship').map((r) => ({
        id: r.getAttribute('Id') ?? '',
        type: r.getAttribute('Type') ?? '',
        target: r.getAttribute('Target') ?? '',
        external: r.getAttribute('TargetMode') === 'External',
      })),
    );
    relsRead.set(bytes, rels);
  }
  return rels.map((r) => ({ ...r }));
}

export function writeRels(parts: Parts, part: string, rels: Relationship[]): void {
  const name = relsName(part);
  const listed = rels.map((r) => ({ id: r.id, type: r.type, target: r.target, external: r.external === true }));
  const bytes = remember(relsWritten, JSON.stringify(listed), RELS_CACHED, () => {
    const doc = parseXml(`<Relationships xmlns="${NS.rel}"/>`, name);
    const root = doc.documentElement!;
    for (const r of listed) {
      const el = doc.createElementNS(NS.rel, 'Relationship');
      el.setAttribute('Id', r.id);
      el.setAttribute('Type', r.type);
      el.setAttribute('Target', r.target);
      if (r.external) el.setAttribute('TargetMode', 'External');
      root.appendChild(el);
    }
    return bytesOf(serializeXml(doc));
  });
  parts.set(name, bytes);
  // Read back, these bytes give these relationships (the serializer escapes every character a parser
  // would normalize in an attribute), so a later readRels need not parse them.
  relsRead.set(bytes, listed);
}

/** Content types by part, from a package's [Content_Types].xml (overrides, then defaults by extension). */
export function contentTypes(parts: Parts): (part: string) => string | undefined {
  const bytes = parts.get(CONTENT_TYPES);
  if (!bytes) throw new Error(`internal: the package has no part ${CONTENT_TYPES}`);
  const xml = text(bytes);
  // By the part's text: pptxgenjs writes the same [Content_Types].xml afresh on every rebuild.
  return remember(typesByText, xml, TYPES_CACHED, () => {
    const root = parseXml(xml, CONTENT_TYPES).documentElement!;
    const overrides = new Map<string, string>();
    const defaults = new Map<string, string>();
    for (const o of children(root, 'ct', 'Override')) overrides.set((o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase(), o.getAttribute('ContentType') ?? '');
    for (const d of children(root, 'ct', 'Default')) defaults.set((d.getAttribute('Extension') ?? '').toLowerCase(), d.getAttribute('ContentType') ?? '');
    return (part: string) => overrides.get(part.toLowerCase()) ?? defaults.get(extensionOf(part));
  });
}

const typesByText = new Map<string, (part: string) => string | undefined>();
const TYPES_CACHED = 64;

/** `rels` for `_rels/.rels` too (a name that is all extension). */
const extensionOf = (name: string): string => (name.endsWith('.rels') ? 'rels' : path.extname(name).slice(1).toLowerCase());

/** Extensions that get a Default entry; everything else an Override. */
const DEFAULTS: Record<string, string> = {
  rels: CT.relationships,
  xml: 'application/xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  fntdata: 'application/x-fontdata',
};

/** [Content_Types].xml for the parts, each typed as `typeOf` says. */
export function writeContentTypes(parts: Parts, typeOf: (part: string) => string | undefined): void {
  const doc = parseXml(`<Types xmlns="${NS.ct}"/>`, CONTENT_TYPES);
  const root = doc.documentElement!;
  const used = new Set<string>();
  const overrides: [string, string][] = [];
  for (const name of [...parts.keys()].sort(naturalCompare)) {
    if (name === CONTENT_TYPES) continue;
    const ext = extensionOf(name);
    const type = typeOf(name) ?? DEFAULTS[ext];
    if (!type) throw new Error(`internal: no content type for ${name}`);
    if (DEFAULTS[ext] === type) used.add(ext);
    else overrides.push([name, type]);
  }
  used.add('rels');
  used.add('xml');
  // Unprefixed, in the default namespace, as every Office application writes and some readers require.
  const entry = (local: string, attrs: Record<string, string>) => {
    const e = doc.createElementNS(NS.ct, local);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    root.appendChild(e);
  };
  for (const ext of [...used].sort()) entry('Default', { Extension: ext, ContentType: DEFAULTS[ext]! });
  for (const [name, type] of overrides) entry('Override', { PartName: `/${name}`, ContentType: type });
  writeXml(parts, CONTENT_TYPES, doc);
}

export function unzipParts(bytes: Uint8Array): Parts {
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (!name.endsWith('/')) parts.set(name, data);
  return parts;
}

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const STORED = /\.(?:png|jpe?g|gif|xlsx|docx|pptx|zip|fntdata)$/i;
const DEFLATE_LEVEL = 6;

/** The level a part is zipped at: pictures and other compressed formats stored, XML deflated. */
export function zipLevel(name: string): number {
  return STORED.test(name) ? 0 : DEFLATE_LEVEL;
}

/**
 * XML at a fixed DEFLATE level, pictures stored, one fixed date, no folder entries,
 * [Content_Types].xml first, then natural order (slide2 before slide10).
 */
export function zipParts(parts: Parts, date: Date): Uint8Array {
  const names = [...parts.keys()].filter((n) => n !== CONTENT_TYPES).sort(naturalCompare);
  const entries: ZipEntry[] = [];
  for (const name of [CONTENT_TYPES, ...names]) {
    const data = parts.get(name);
    if (data !== undefined) entries.push({ name, data, level: zipLevel(name) });
  }
  return writeZip(entries, date);
}

/** Deflates the parts that zipParts will deflate, now (while other work, the charts, is not done yet). */
export function deflatePartsAhead(parts: Parts): void {
  for (const [name, data] of parts) packAhead(data, zipLevel(name));
}

/** Part names split into digit and other runs, once each: a package's sort compares each name ~log n times. */
const runsOf = new Map<string, readonly string[]>();
const RUNS_CACHED = 1 << 14;

function runs(s: string): readonly string[] {
  return remember(runsOf, s, RUNS_CACHED, () => s.match(/\d+|\D+/g) ?? []);
}

/** Compares code point by code point, except that digit runs compare as numbers (slide2 before slide10). */
export function naturalCompare(a: string, b: string): number {
  const xs = runs(a);
  const ys = runs(b);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i] as string;
    const y = ys[i] as string;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return xs.length - ys.length;
}

/** The first child element, or undefined: re-exported for the emit modules. */
export { child };

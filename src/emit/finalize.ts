// Post-processing of the bytes pptxgenjs 4.0.1 writes. It repairs the schema faults pptxgenjs is known to
// produce for the features briefdeck uses, so that `validate-pptx --strict` reports 0 problems, and it
// rewrites the package byte-deterministically: fixed core-property dates, fixed zip entry dates, a
// fixed entry order, fixed DEFLATE level and no folder entries. Each fix is a small, idempotent string
// transformation on the exact element shapes pptxgenjs emits, so finalizing twice changes nothing.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { fixChartParts } from './chart-parts.js';

export interface FinalizeOptions {
  /** Face for East Asian characters in every run (a:ea). */
  eastAsianFont?: string;
  /** Written as dcterms:created and dcterms:modified, and used as the date of every zip entry. */
  modified: Date;
  title?: string;
  author?: string;
  subject?: string;
  /** An IETF language tag such as `en-US` or `zh-CN`, written as dc:language. */
  language?: string;
  /** The real bytes for a media part that holds a stand-in (see media.ts). */
  media?: (bytes: Uint8Array) => Uint8Array | undefined;
}

/** Parts of the package: XML parts as text, everything else as bytes. */
type Parts = Map<string, string | Uint8Array>;

const CONTENT_TYPES = '[Content_Types].xml';
/** The earliest and latest instants a zip (DOS) timestamp can hold. */
const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);
const DEFLATE_LEVEL = 6;

/** Repairs and normalizes a .pptx package written by pptxgenjs; see the file comment. */
export async function finalizePackage(pptx: Uint8Array, opts: FinalizeOptions): Promise<Uint8Array> {
  const modified = checkedDate(opts.modified);
  const parts = await readParts(pptx);
  if (opts.media) swapMedia(parts, opts.media);
  // native-chart: chart parts renumbered, repaired and made deterministic, workbooks re-zipped (chart-parts.ts).
  await fixChartParts(parts, modified, opts.eastAsianFont);
  const names = new Set(parts.keys());
  editPart(parts, CONTENT_TYPES, (xml) => normalizeJpegContentType(dropOrphanOverrides(xml, names)));
  editPart(parts, 'ppt/presentation.xml', (xml) => stabilizeSectionIds(moveNotesMasterIdLst(xml)));
  editPart(parts, 'docProps/core.xml', (xml) => setCoreProperties(xml, { ...opts, modified }));
  editPart(parts, 'docProps/app.xml', escapeAppCompany);
  for (const name of names) {
    if (!isDrawingPart(name)) continue;
    editPart(parts, name, (xml) => {
      const fixed = fixSlideNumberFieldText(dedupeShapeIds(singleParagraphProps(xml)));
      return opts.eastAsianFont ? setEastAsianFont(fixed, opts.eastAsianFont) : fixed;
    });
  }
  return writeParts(parts, modified);
}

// ---------------------------------------------------------------------------------------------------
// Package faults

/**
 * pptxgenjs writes one face for every script (`a:latin`, `a:ea` and `a:cs` alike), so Chinese text would
 * ask for Calibri, which has no Chinese glyphs. Name a real East Asian face for `a:ea`.
 */
export function setEastAsianFont(xml: string, face: string): string {
  return xml.replace(/<a:ea typeface="[^"]*"/g, `<a:ea typeface="${escapeXml(face)}"`);
}

/** pptxgenjs #1444: [Content_Types].xml gets an Override for slideMaster2..N (one per slide) that do not exist. */
export function dropOrphanOverrides(xml: string, names: ReadonlySet<string>): string {
  return xml.replace(/\s*<Override\b[^>]*?\bPartName="\/([^"]*)"[^>]*\/>/g, (whole, part: string) =>
    names.has(part) || names.has(safeDecodeUri(part)) ? whole : '',
  );
}

/** pptxgenjs writes the unregistered MIME type `image/jpg` for .jpg media; the registered one is image/jpeg. */
export function normalizeJpegContentType(xml: string): string {
  return xml.replace(/ContentType="image\/jpg"/g, 'ContentType="image/jpeg"');
}

/** pptxgenjs #446 (probably; pandoc#11310): p:notesMasterIdLst is written after p:sldIdLst, the schema wants it before. */
export function moveNotesMasterIdLst(xml: string): string {
  const list = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>|<p:notesMasterIdLst\/>/.exec(xml);
  if (!list) return xml;
  const without = xml.slice(0, list.index) + xml.slice(list.index + list[0].length);
  const anchor = /<\/p:sldMasterIdLst>|<p:sldMasterIdLst\/>/.exec(without);
  if (!anchor) return xml;
  const at = anchor.index + anchor[0].length;
  return without.slice(0, at) + list[0] + without.slice(at);
}

/** pptxgenjs gives each p14:section a Math.random() GUID; number them instead so output is reproducible. */
export function stabilizeSectionIds(xml: string): string {
  let n = 0;
  return xml.replace(/(<p14:section\b[^>]*?\bid=")\{[0-9A-Fa-f-]{36}\}"/g, (_whole, head: string) => {
    n += 1;
    return `${head}{00000000-0000-4000-8000-${n.toString(16).toUpperCase().padStart(12, '0')}}"`;
  });
}

/** pptxgenjs (PR #1427): app.xml <Company> is not XML-escaped, so `&` or `<` in pptx.company breaks the part. */
export function escapeAppCompany(xml: string): string {
  const open = xml.indexOf('<Company>');
  const close = xml.lastIndexOf('</Company>');
  if (open < 0 || close < open) return xml;
  const text = xml.slice(open + '<Company>'.length, close);
  if (!/[<>]|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(text)) return xml;
  return xml.slice(0, open) + `<Company>${escapeXml(text)}` + xml.slice(close);
}

/** Sets dates, title, creator, subject and language; pptxgenjs writes `new Date()` into created/modified. */
export function setCoreProperties(xml: string, opts: FinalizeOptions): string {
  const stamp = isoSeconds(opts.modified);
  let out = setElement(xml, 'dcterms:created', stamp, ' xsi:type="dcterms:W3CDTF"');
  out = setElement(out, 'dcterms:modified', stamp, ' xsi:type="dcterms:W3CDTF"');
  const text: Array<[string, string | undefined]> = [
    ['dc:title', opts.title],
    ['dc:subject', opts.subject],
    ['dc:creator', opts.author],
    ['cp:lastModifiedBy', opts.author],
    ['dc:language', opts.language],
  ];
  for (const [tag, value] of text) if (value !== undefined) out = setElement(out, tag, escapeXml(value));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Slide, layout, master and notes faults

/** Slides, layouts, masters, notes slides and the notes master: the parts holding a p:spTree. */
function isDrawingPart(name: string): boolean {
  return /^ppt\/(?:slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name);
}

const PARAGRAPH = /(<a:p(?:\s[^>]*?[^/>])?>)([\s\S]*?)(<\/a:p>)/g;
const PARAGRAPH_PROPS = /<a:pPr\b[^>]*?\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;
const FIELD = /<a:fld\b[\s\S]*?<\/a:fld>/g;

/** pptxgenjs #1081 (PR #1083): runs sharing a paragraph each get an a:pPr; CT_TextParagraph allows one, first. */
export function singleParagraphProps(xml: string): string {
  return xml.replace(PARAGRAPH, (whole, open: string, body: string, close: string) => {
    const fields: string[] = [];
    const masked = body.replace(FIELD, (f) => `\u0000${fields.push(f) - 1}\u0000`);
    const props = masked.match(PARAGRAPH_PROPS) ?? [];
    const first = props[0];
    if (first === undefined || (props.length === 1 && masked.trimStart().startsWith(first))) return whole;
    const rest = masked.replace(PARAGRAPH_PROPS, '');
    const fixed = (first + rest).replace(/\u0000(\d+)\u0000/g, (_m, i: string) => fields[Number(i)] ?? '');
    return open + fixed + close;
  });
}

/** pptxgenjs #1532: a table's p:cNvPr id collides with other shapes' (and the slide number's fixed id 25). */
export function dedupeShapeIds(xml: string): string {
  const ID = /(<p:cNvPr\b[^>]*?\bid=")(\d+)(")/g;
  let next = 0;
  for (const m of xml.matchAll(ID)) next = Math.max(next, Number(m[2]));
  const seen = new Set<string>();
  return xml.replace(ID, (whole, head: string, id: string, tail: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      return whole;
    }
    next += 1;
    return `${head}${next}${tail}`;
  });
}

/** pptxgenjs writes the master's slide-number field text as `null` (layouts: a stray number); PowerPoint writes ‹#›. */
export function fixSlideNumberFieldText(xml: string): string {
  if (!/^<\?xml[^>]*>\s*<p:(?:sldMaster|sldLayout)\b/.test(xml)) return xml;
  return xml.replace(
    /(<a:fld\b[^>]*\btype="slidenum"[^>]*>[\s\S]*?<a:t>)(?:null|\d*)(<\/a:t>)/g,
    (_m, head: string, tail: string) => `${head}\u2039#\u203A${tail}`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Reading and writing the package

async function readParts(pptx: Uint8Array): Promise<Parts> {
  const parts: Parts = new Map();
  for (const [name, bytes] of Object.entries(unzipSync(pptx))) {
    if (name.endsWith('/')) continue;
    parts.set(name, /\.(?:xml|rels)$/i.test(name) ? new TextDecoder().decode(bytes) : bytes);
  }
  if (!parts.has(CONTENT_TYPES)) throw new Error(`finalizePackage: not an OPC package (no ${CONTENT_TYPES})`);
  return parts;
}

function swapMedia(parts: Parts, real: (bytes: Uint8Array) => Uint8Array | undefined): void {
  for (const [name, content] of parts) {
    if (!name.startsWith('ppt/media/') || typeof content === 'string') continue;
    const bytes = real(content);
    if (bytes) parts.set(name, bytes);
  }
}

function editPart(parts: Parts, name: string, edit: (xml: string) => string): void {
  const xml = parts.get(name);
  if (typeof xml === 'string') parts.set(name, edit(xml));
}

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const STORED = /\.(?:png|jpe?g|gif|xlsx|docx|pptx|zip)$/i;

/**
 * XML at a fixed DEFLATE level, pictures stored, one fixed date, no folder entries,
 * [Content_Types].xml first, then natural order. fflate (native-speed JS) rather than JSZip: the
 * package is written on every save in watch mode.
 */
async function writeParts(parts: Parts, date: Date): Promise<Uint8Array> {
  // fflate writes the DOS date from local-time fields; give it a Date whose local fields are the UTC
  // fields of `date`, so that the bytes do not depend on the TZ variable.
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  const names = [...parts.keys()].filter((n) => n !== CONTENT_TYPES).sort(naturalCompare);
  const files: Zippable = {};
  for (const name of [CONTENT_TYPES, ...names]) {
    const content = parts.get(name);
    if (content === undefined) continue;
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    files[name] = [bytes, { level: STORED.test(name) ? 0 : DEFLATE_LEVEL, mtime }];
  }
  return zipSync(files);
}

/** Compares code point by code point, except that digit runs compare as numbers (slide2 before slide10). */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const xs = split(a);
  const ys = split(b);
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

// ---------------------------------------------------------------------------------------------------
// Small helpers

function checkedDate(d: Date): Date {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new Error('finalizePackage: opts.modified is not a valid Date');
  return new Date(Math.min(Math.max(Math.floor(t / 1000) * 1000, DOS_MIN), DOS_MAX));
}

/** ISO 8601 in UTC without milliseconds, e.g. 2024-10-21T00:00:00Z. */
function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Replaces the text of the element `tag` (all attributes rewritten to `attrs`), or appends the element. */
function setElement(xml: string, tag: string, text: string, attrs = ''): string {
  const element = `<${tag}${attrs}>${text}</${tag}>`;
  const re = new RegExp(`<${tag}(?:\\s[^>]*?[^/>])?>[\\s\\S]*?</${tag}>|<${tag}(?:\\s[^>]*)?/>`);
  if (re.test(xml)) return xml.replace(re, () => element);
  return xml.replace(/<\/cp:coreProperties>/, () => `${element}</cp:coreProperties>`);
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Escapes markup characters and drops the control characters XML 1.0 forbids. */
function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

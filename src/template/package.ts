// The Open Packaging Conventions layer of a template: content types, relationships and parsed XML
// parts, each part parsed at most once. Part names are matched case-insensitively, as OPC requires.
import { children, NS, parseXml, XmlError, type Document, type Element } from '../xml.js';
import { noteShapeIds } from './shape-ids.js';

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash), or the URL for an external target. */
  target: string;
  external: boolean;
}

/** Relationship types briefdeck follows, by their last path segment. */
export const REL = {
  officeDocument: 'officeDocument',
  slideMaster: 'slideMaster',
  slideLayout: 'slideLayout',
  slide: 'slide',
  theme: 'theme',
  notesMaster: 'notesMaster',
  handoutMaster: 'handoutMaster',
  vbaProject: 'vbaProject',
  image: 'image',
} as const;

/** Largest XML part briefdeck parses (DOM memory grows several times the text). */
const MAX_XML_BYTES = 48 * 1024 * 1024;

export class Package {
  private readonly byLower = new Map<string, string>();
  private readonly docs = new Map<string, Document>();
  /** Parts known to be well-formed, including those whose tree has been let go. */
  private readonly wellFormed = new Set<string>();
  private readonly rels = new Map<string, Relationship[]>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  readonly overrides = new Map<string, string>();
  readonly defaults = new Map<string, string>();

  constructor(readonly parts: Map<string, Uint8Array>) {
    for (const name of parts.keys()) this.byLower.set(name.toLowerCase(), name);
    const ct = this.has('[Content_Types].xml') ? this.xml('[Content_Types].xml') : undefined;
    if (ct) {
      for (const d of children(ct.documentElement!, 'ct', 'Default')) this.defaults.set((d.getAttribute('Extension') ?? '').toLowerCase(), d.getAttribute('ContentType') ?? '');
      for (const o of children(ct.documentElement!, 'ct', 'Override')) this.overrides.set(stripSlash(o.getAttribute('PartName') ?? '').toLowerCase(), o.getAttribute('ContentType') ?? '');
    }
  }

  /** The part's name as stored in the zip, whatever case the reference used. */
  resolve(name: string): string | undefined {
    return this.byLower.get(stripSlash(name).toLowerCase());
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  bytes(name: string): Uint8Array | undefined {
    const real = this.resolve(name);
    return real === undefined ? undefined : this.parts.get(real);
  }

  contentType(name: string): string | undefined {
    const lower = stripSlash(name).toLowerCase();
    return this.overrides.get(lower) ?? this.defaults.get(lower.slice(lower.lastIndexOf('.') + 1));
  }

  /** The parsed part; throws XmlError when it is not well-formed (or too large to parse safely). */
  xml(name: string): Document {
    const real = this.resolve(name);
    if (real === undefined) throw new XmlError(name, 'missing');
    let doc = this.docs.get(real);
    if (!doc) {
      const data = this.parts.get(real)!;
      if (data.length > MAX_XML_BYTES) throw new XmlError(real, `is ${Math.round(data.length / 1024 / 1024)} MB, larger than briefdeck parses`);
      doc = parseXml(decodeXml(data, this.decoder), real);
      this.docs.set(real, doc);
      this.wellFormed.add(real);
      // Emit reads parts as UTF-8: only a parse it would repeat exactly may spare it the repeat.
      if (!utf16(data)) noteShapeIds(data, doc);
    }
    return doc;
  }

  /** Lets go of a part's tree (a layout, once read): a DOM costs many times its text in memory. */
  forget(name: string): void {
    const real = this.resolve(name);
    if (real !== undefined) this.docs.delete(real);
  }

  /** Parses the part, unless it was parsed before, only to prove it well-formed. */
  check(name: string): void {
    const real = this.resolve(name);
    if (real !== undefined && !this.wellFormed.has(real)) {
      this.xml(real);
      this.forget(real);
    }
  }

  /** The root element of a part, or undefined when the part is missing. */
  root(name: string): Element | undefined {
    return this.has(name) ? this.xml(name).documentElement ?? undefined : undefined;
  }

  /** Relationships of a part (empty when it has no .rels part). */
  relationships(source: string): Relationship[] {
    const real = this.resolve(source) ?? stripSlash(source);
    let list = this.rels.get(real);
    if (list) return list;
    list = [];
    const relsName = relsPartOf(real);
    if (this.has(relsName)) {
      for (const r of children(this.xml(relsName).documentElement!, 'rel', 'Relationship')) {
        const external = r.getAttribute('TargetMode') === 'External';
        const target = r.getAttribute('Target') ?? '';
        list.push({
          id: r.getAttribute('Id') ?? '',
          type: r.getAttribute('Type') ?? '',
          target: external ? target : resolveTarget(real, target),
          external,
        });
      }
    }
    this.rels.set(real, list);
    return list;
  }

  /** The target part of relationship `id` of `source`, when it is internal and exists. */
  target(source: string, id: string | null | undefined): string | undefined {
    if (!id) return undefined;
    const rel = this.relationships(source).find((r) => r.id === id);
    return rel && !rel.external ? this.resolve(rel.target) : undefined;
  }

  /** Targets of `source`'s relationships of one type (matched on the type URI's last segment). */
  targetsOfType(source: string, type: string): string[] {
    return this.relationships(source)
      .filter((r) => !r.external && relType(r.type) === type)
      .map((r) => this.resolve(r.target))
      .filter((t): t is string => t !== undefined);
  }
}

/** XML text from a part's bytes: UTF-8 unless a byte order mark says UTF-16 (which some writers use). */
const utf16 = (data: Uint8Array): boolean => (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);

function decodeXml(data: Uint8Array, utf8: { decode(bytes: Uint8Array): string }): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return utf8.decode(data);
}

/** `http://…/relationships/slideLayout` → `slideLayout` (both the transitional and strict URIs). */
export function relType(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function stripSlash(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

/** `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`; the package's own rels for ''. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part's folder (`../media/a.png` → `ppt/media/a.png`). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep the target as written
  }
  if (t.startsWith('/')) return normalize(t.slice(1));
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  return normalize(base + t);
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export { NS };

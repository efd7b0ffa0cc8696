// Which slides of a rebuilt deck look different, and a deck of just those slides for LibreOffice.
// A slide's picture depends on its own part and on every part its relationships reach (layout,
// master, theme, pictures, charts), never on its notes; a fingerprint hashes exactly those bytes, so
// comparing fingerprints between builds finds the slides to render again. A deck of a few slides loads
// into LibreOffice in a tenth of the time of the whole deck.
import { createHash } from 'node:crypto';
import path from 'node:path/posix';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { children, descendants, NS, parseXml, serializeXml } from '../../xml.js';

const NOTES_SLIDE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide';
const SLIDE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';

export interface DeckParts {
  files: Record<string, Uint8Array>;
  /** Slide part names in presentation order (sldIdLst). */
  slides: string[];
  /** One fingerprint per slide, in the same order. */
  keys: string[];
  /** Some slide shows its number: a subset must keep the slides before it. */
  numbered: boolean;
  /** The slide size (presentation.xml's sldSz), in inches. */
  sizeIn: { w: number; h: number };
}

const EMU_PER_IN = 914_400;

const decoder = new TextDecoder();

// Most parts are the same from one build to the next: what was learnt from a part's bytes (its
// relationships, whether it shows a slide number) is kept by a hash of those bytes. Bounded, so that a
// long session does not grow it for good.
const MAX_MEMO = 2000;
const memo = new Map<string, unknown>();
function remembered<T>(kind: string, bytes: Uint8Array, work: () => T): T {
  const key = `${kind}:${createHash('sha1').update(bytes).digest('base64')}`;
  if (memo.has(key)) return memo.get(key) as T;
  const value = work();
  if (memo.size >= MAX_MEMO) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}

function relsOf(part: string): string {
  return path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
}

/** Internal relationships of a part: [type, target part name]. */
function relationships(files: Record<string, Uint8Array>, part: string): { type: string; target: string; id: string }[] {
  const rels = files[relsOf(part)];
  if (!rels) return [];
  const base = path.dirname(part);
  return remembered(`rels:${base}`, rels, () => parseRels(rels, relsOf(part), base));
}

function parseRels(rels: Uint8Array, name: string, base: string): { type: string; target: string; id: string }[] {
  const doc = parseXml(decoder.decode(rels), name);
  return children(doc.documentElement!, 'rel', 'Relationship')
    .filter((r) => r.getAttribute('TargetMode') !== 'External')
    .map((r) => ({
      type: r.getAttribute('Type') ?? '',
      id: r.getAttribute('Id') ?? '',
      target: path.normalize(path.join(base, r.getAttribute('Target') ?? '')).replace(/^\//, ''),
    }));
}

export function readDeckParts(pptx: Uint8Array): DeckParts {
  const files = unzipSync(pptx);
  const presentation = 'ppt/presentation.xml';
  const doc = parseXml(decoder.decode(files[presentation]!), presentation);
  const byId = new Map(relationships(files, presentation).filter((r) => r.type === SLIDE).map((r) => [r.id, r.target]));
  const slides = descendants(doc, 'p', 'sldId').flatMap((el) => {
    const target = byId.get(el.getAttributeNS(NS.r, 'id') ?? '');
    return target ? [target] : [];
  });
  // The slide size and the deck-wide text styles affect every slide.
  const deckWide = createHash('sha256').update(files[presentation]!).digest('hex');
  const partHash = new Map<string, string>();
  const reach = (part: string, seen: Set<string>, hash: ReturnType<typeof createHash>): void => {
    if (seen.has(part)) return;
    seen.add(part);
    let h = partHash.get(part);
    if (h === undefined) {
      h = createHash('sha256').update(files[part] ?? new Uint8Array()).digest('hex');
      partHash.set(part, h);
    }
    hash.update(`${part}\0${h}\0`);
    for (const r of relationships(files, part)) if (r.type !== NOTES_SLIDE && r.type !== SLIDE) reach(r.target, seen, hash);
  };
  const numbered = slides.some((s) => usesSlideNumber(files, s));
  const keys = slides.map((s, i) => {
    const hash = createHash('sha256').update(deckWide);
    // A slide-number field shows the slide's position, so then the position is part of the picture.
    if (numbered) hash.update(`#${i}`);
    reach(s, new Set(), hash);
    return hash.digest('hex').slice(0, 20);
  });
  const sz = descendants(doc, 'p', 'sldSz')[0];
  const sizeIn = { w: Number(sz?.getAttribute('cx') ?? 12_192_000) / EMU_PER_IN, h: Number(sz?.getAttribute('cy') ?? 6_858_000) / EMU_PER_IN };
  return { files, slides, keys, numbered, sizeIn };
}

/** Whether the slide, its layout or its master shows a slide-number field. */
function usesSlideNumber(files: Record<string, Uint8Array>, slide: string): boolean {
  const seen = new Set<string>();
  const visit = (part: string): boolean => {
    if (seen.has(part) || !files[part] || !part.endsWith('.xml')) return false;
    seen.add(part);
    const bytes = files[part];
    if (remembered('slidenum', bytes, () => descendants(parseXml(decoder.decode(bytes), part), 'a', 'fld').some((f) => f.getAttribute('type') === 'slidenum'))) return true;
    return relationships(files, part).some((r) => /slideLayout|slideMaster/.test(r.type) && visit(r.target));
  };
  return visit(slide);
}

/** A slide with nothing on it: stands in for a slide that only has to be counted. */
const EMPTY_SLIDE = `<p:sld xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld></p:sld>`;
const SLIDE_LAYOUT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';

/**
 * A deck of only the slides at `indices` (0-based, in order): the package unchanged but for the
 * presentation's slide list. When slides show their number, the slides before the last one asked for
 * must stay so that each keeps its number (LibreOffice ignores `firstSlideNum`); those not asked for stay
 * as empty slides on their layout, which cost LibreOffice next to nothing to load.
 * Returns the deck and, for each index asked for, its page in the deck's PDF (0-based).
 */
export function subsetDeck(parts: DeckParts, indices: number[]): { pptx: Uint8Array; pages: number[] } {
  const asked = new Set(indices);
  const wanted = parts.numbered ? Array.from({ length: Math.max(...indices) + 1 }, (_, i) => i) : [...indices].sort((a, b) => a - b);
  const keep = new Set(wanted.map((i) => parts.slides[i]!));
  const presentation = 'ppt/presentation.xml';
  const doc = parseXml(decoder.decode(parts.files[presentation]!), presentation);
  const byId = new Map(relationships(parts.files, presentation).filter((r) => r.type === SLIDE).map((r) => [r.id, r.target]));
  for (const el of descendants(doc, 'p', 'sldId')) {
    const target = byId.get(el.getAttributeNS(NS.r, 'id') ?? '');
    if (!target || !keep.has(target)) el.parentNode?.removeChild(el);
  }
  const encoder = new TextEncoder();
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(parts.files)) zippable[name] = [bytes, { level: 0 }];
  zippable[presentation] = [encoder.encode(serializeXml(doc)), { level: 0 }];
  for (const i of wanted) {
    if (asked.has(i)) continue;
    const slide = parts.slides[i]!;
    zippable[slide] = [encoder.encode(serializeXml(parseXml(EMPTY_SLIDE, slide))), { level: 0 }];
    const rels = parts.files[relsOf(slide)];
    if (rels) {
      const relsDoc = parseXml(decoder.decode(rels), relsOf(slide));
      for (const r of children(relsDoc.documentElement!, 'rel', 'Relationship')) if (r.getAttribute('Type') !== SLIDE_LAYOUT) relsDoc.documentElement!.removeChild(r);
      zippable[relsOf(slide)] = [encoder.encode(serializeXml(relsDoc)), { level: 0 }];
    }
  }
  return { pptx: zipSync(zippable), pages: indices.map((i) => wanted.indexOf(i)) };
}

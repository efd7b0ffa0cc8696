// Measures text with the metrics of the faces the audience may see it in — the named face's metric
// twin and the generic sans a viewer without it falls back to (Carlito and Arimo for Calibri), the
// widest counting — wraps it to a width, and finds the largest size that fits a box. Widths scale
// linearly with size, so each word is measured once per face list at a reference size and cached.
import { createCanvas, type SKRSContext2D } from '../canvas.js';
import { FAMILIES, familyFont, measuringFaces, type FaceMap, type Family } from '../font-faces.js';
import { CJK_TEXT, registerFamily, registerFonts } from '../fonts.js';
import type { PlacedParagraph, PlacedRun } from './placed.js';
import { inToPt, ptToIn } from './units.js';
import { remember } from '../bounded-cache.js';

const REF = 100;
const widthCache = new Map<string, number>();
// One context per font: setting a context's font parses it again, which cost as much as measuring
// when every word switched between the two faces of a list.
const contexts = new Map<string, SKRSContext2D>();

let fontsRegistered = false;

function context(font: string): SKRSContext2D {
  let c = contexts.get(font);
  if (!c) {
    c = createCanvas(10, 10).getContext('2d');
    c.font = font;
    contexts.set(font, c);
  }
  return c;
}

interface FaceList {
  families: readonly Family[];
  /** The list as a cache key: faces measured alike share their widths. */
  key: string;
  lineHeight: number;
}

// Resolving a face is on the hot path (every word): resolved lists are kept per face and alias map.
const plainLists = new Map<string, FaceList>();
const aliasedLists = new WeakMap<FaceMap, Map<string, FaceList>>();

function faceList(face: string, faces?: FaceMap): FaceList {
  let cache = plainLists;
  if (faces) {
    cache = aliasedLists.get(faces) ?? new Map();
    aliasedLists.set(faces, cache);
  }
  let list = cache.get(face);
  if (!list) {
    const families = measuringFaces(face, faces);
    list = { families, key: families.join('+'), lineHeight: Math.max(...families.map((f) => FAMILIES[f].lineHeight)) };
    cache.set(face, list);
  }
  return list;
}

/**
 * Width in points of `text` at 1 pt in the given face and style: the widest of the faces it is measured
 * with. `faces` is the theme's or template's own alias map (pure data: no build sees another's).
 */
export function unitWidth(text: string, face: string, bold = false, italic = false, faces?: FaceMap): number {
  const list = faceList(face, faces);
  const key = `${list.key}|${bold ? 1 : 0}${italic ? 1 : 0}|${text}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    if (!fontsRegistered) registerFonts();
    fontsRegistered = true;
    w = 0;
    for (const family of list.families) {
      registerFamily(family, text);
      w = Math.max(w, context(familyFont(family, REF, bold, italic)).measureText(text).width / REF);
    }
    widthCache.set(key, w);
  }
  return w;
}

/** Single-spacing line height as a multiple of the size: the tallest of the faces the text is measured with. */
export function lineHeightOf(face: string, faces?: FaceMap): number {
  return faceList(face, faces).lineHeight;
}

// Renderers round and hint differently; leave a little room so that "fits here" means "fits there".
export const WIDTH_SLACK = 0.96;

export interface TextStyle {
  face: string;
  bold?: boolean;
  italic?: boolean;
  /** The theme's or template's face aliases, when it has any. */
  faces?: FaceMap;
}

/** Bullet indent in points at level 0 and the extra per level; emit writes the same values. */
export const BULLET_INDENT_PT = 0.9;
export const bulletIndentPt = (sizePt: number, level: number): number => sizePt * BULLET_INDENT_PT * (level + 1);

const CJK = CJK_TEXT;

// Where a line may break. Only ordinary spaces break: a no-break space (U+00A0, U+2007, U+202F) joins a
// number to its unit. CJK text breaks between characters, except where the line-breaking rules (kinsoku)
// forbid it: no line starts with closing punctuation, %, or a unit character (元, 万, 亿 …), none ends
// with an opening bracket, and a number keeps the character that follows it.
const BREAKING_SPACE = /([\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+)/u;
const CJK_CHAR = /([\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF])/u;
const NO_START = /^[、。，．：；？！）］｝」』】〕〉》〗〙〛”’％‰℃…‥·・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ元万亿千百%)\]},.;:!?]/u;
const NO_END = /[（［｛「『【〔〈《〖〘〚“‘([{]$/u;
const AFTER_SLASH = /(?<=\/)(?=[^/])/u;
const AFTER_HYPHEN = /(?<=[\p{L}\p{N}][-\u2010])(?=[\p{L}\p{N}])/u;
// PowerPoint and LibreOffice add a little space where CJK meets Latin letters or digits.
const AUTOSPACE_EM = 0.25;
const LATIN_END = /[\p{L}\p{N}]$/u;
const LATIN_START = /^[\p{L}\p{N}]/u;

/** A piece no line may break inside: a word, a number with its unit, CJK characters kinsoku joins. */
interface Cluster {
  /** Width at 1 pt. */
  width: number;
  /** Width at 1 pt of the breaking space before it (0 when there is none, as between CJK characters). */
  gap: number;
  text: string;
  /** Part of a web address, which may break anywhere; a word may not. */
  address: boolean;
}

/** Single CJK characters and the Latin text between them, split after hyphens ("State-" / "level"). */
function* tokens(segment: string): Generator<{ token: string; afterHyphen: boolean; address: boolean }> {
  // A web address breaks after its slashes, as PowerPoint and LibreOffice break it, and anywhere in a
  // part longer than the line.
  if (ADDRESS.test(segment)) {
    for (const [i, token] of segment.split(AFTER_SLASH).entries()) if (token) yield { token, afterHyphen: i > 0, address: true };
    return;
  }
  for (const piece of segment.split(CJK_CHAR)) {
    for (const [i, token] of piece.split(AFTER_HYPHEN).entries()) if (token) yield { token, afterHyphen: i > 0, address: false };
  }
}

// Fitting tries several sizes of the same paragraphs: their clusters are kept per run list and style.
const clusterCache = new WeakMap<PlacedRun[], { style: TextStyle; clusters: Cluster[] }>();
// The two layout passes and every rebuild make new run lists of the same text: kept by content too.
const clustersByText = new Map<string, Cluster[]>();
const CLUSTER_TEXTS = 20_000;

/** What splitting `runs` in `style` depends on, as a key. */
export function runsKey(runs: readonly PlacedRun[], style: TextStyle): string {
  const b = style.bold ? 1 : 0;
  const i = style.italic ? 1 : 0;
  let key = `${faceList(style.face, style.faces).key}|${b}${i}`;
  for (const r of runs) key += `|${r.bold === undefined ? b : r.bold ? 1 : 0}${r.italic === undefined ? i : r.italic ? 1 : 0}${r.keep ? 1 : 0}${r.scale ?? 1}:${r.text.length}:${r.text}`;
  return key;
}

/** Splits runs into clusters with widths at 1 pt (cached for the same run list and style object). */
function clusters(runs: PlacedRun[], style: TextStyle): Cluster[] {
  const hit = clusterCache.get(runs);
  if (hit && hit.style === style) return hit.clusters;
  // Clusters are never changed once split, so one list serves every run list of the same content.
  const out = remember(clustersByText, runsKey(runs, style), CLUSTER_TEXTS, () => splitClusters(runs, style));
  clusterCache.set(runs, { style, clusters: out });
  return out;
}

function splitClusters(runs: PlacedRun[], style: TextStyle): Cluster[] {
  const out: Cluster[] = [];
  let gap = 0;
  let prev = '';
  for (const run of runs) {
    const bold = run.bold ?? style.bold ?? false;
    const italic = run.italic ?? style.italic ?? false;
    const scale = run.scale ?? 1;
    for (const segment of run.text.split(BREAKING_SPACE)) {
      if (!segment) continue;
      if (BREAKING_SPACE.test(segment)) {
        if (out.length) gap = unitWidth(' ', style.face, bold, italic, style.faces) * scale;
        prev = ' ';
        continue;
      }
      for (const { token, afterHyphen, address } of run.keep ? [{ token: segment, afterHyphen: false, address: false }] : tokens(segment)) {
        if (afterHyphen) prev = ' ';
        const width = unitWidth(token, style.face, bold, italic, style.faces) * scale;
        const cjk = CJK.test(token);
        const prevCjk = CJK.test(prev.slice(-1));
        const touching = prev !== ' ' && prev !== '';
        const autospace = touching && ((cjk && LATIN_END.test(prev)) || (prevCjk && LATIN_START.test(token))) ? AUTOSPACE_EM * scale : 0;
        const last = out[out.length - 1];
        const joined = last && touching && ((!cjk && !prevCjk) || NO_START.test(token) || NO_END.test(prev) || (cjk && /\p{N}$/u.test(prev)));
        if (joined) {
          last.width += autospace + width;
          last.text += token;
        } else {
          // The space where CJK meets Latin falls at the break, like an ordinary space: gone at a line's start.
          out.push({ width, gap: out.length ? gap + autospace : 0, text: token, address });
        }
        gap = 0;
        prev = token;
      }
    }
  }
  return out;
}

// A web address may break anywhere (PowerPoint breaks it at slashes); a word may not.
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|[/@\\]/i;

export interface Wrapped {
  lines: number;
  widest: number;
  /** A word (not an address) wider than the whole line, which the renderer would break mid-word. */
  brokenWord?: string;
}

/** Number of lines a paragraph takes at `sizePt` in a column `widthPt` wide, and its widest line. */
export function wrap(runs: PlacedRun[], style: TextStyle, sizePt: number, widthPt: number): Wrapped {
  const max = widthPt * WIDTH_SLACK;
  let lines = 1;
  let line = 0;
  let widest = 0;
  let brokenWord: string | undefined;
  for (const c of clusters(runs, style)) {
    const w = c.width * sizePt;
    const gap = c.gap * sizePt;
    if (line > 0 && line + gap + w > max) {
      widest = Math.max(widest, line);
      lines++;
      line = 0;
    } else if (line > 0) {
      line += gap;
    }
    // Wider than the whole line: broken between characters, as PowerPoint does.
    let rest = w;
    if (rest > max && !c.address) brokenWord ??= c.text;
    while (rest > max && line === 0) {
      lines++;
      rest -= max;
      widest = max;
    }
    line += rest;
  }
  return { lines, widest: Math.max(widest, line), ...(brokenWord !== undefined ? { brokenWord } : {}) };
}

export interface FitRequest {
  paragraphs: PlacedParagraph[];
  style: TextStyle;
  widthIn: number;
  heightIn: number;
  /** Allowed sizes in points, [min, max]. */
  range: readonly [number, number];
  /** Largest number of lines a single paragraph may take (titles: 2). */
  maxLinesPerParagraph?: number;
  /** Line pitch in points at a size; single spacing of the face by default. */
  pitch?: (sizePt: number) => number;
  /** Count a word wider than the line as broken over lines rather than as not fitting (for reporting). */
  allowBrokenWords?: boolean;
  /** Where the text of a bulleted paragraph starts, in inches from the left inset, by level. */
  bulletIndentIn?: (level: number, sizePt: number) => number;
  /** What `pitch` and `bulletIndentIn` depend on, as a key: without it, a fit that has either is not kept. */
  rulesKey?: string;
}

export interface FitResult {
  sizePt: number;
  neededH: number;
  fits: boolean;
  /** Line pitch in points at sizePt. */
  linePitchPt: number;
  /** When it does not fit because of one word wider than the box: that word. */
  tooWide?: string;
}

/** Single spacing: the face's own line height at a size. */
export const singlePitch = (face: string, faces?: FaceMap) => (sizePt: number): number => sizePt * lineHeightOf(face, faces);

/** Height in inches that the paragraphs need at `sizePt`, or Infinity when a paragraph has too many lines. */
export function heightAt(req: FitRequest, sizePt: number): number {
  const pitch = (req.pitch ?? singlePitch(req.style.face, req.style.faces))(sizePt);
  const widthPt = inToPt(req.widthIn);
  let total = 0;
  req.paragraphs.forEach((p, i) => {
    const indent = p.bullet ? (req.bulletIndentIn ? inToPt(req.bulletIndentIn(p.level, sizePt)) : bulletIndentPt(sizePt, p.level)) : 0;
    const { lines, brokenWord } = wrap(p.runs, req.style, sizePt, widthPt - indent);
    if (req.maxLinesPerParagraph !== undefined && lines > req.maxLinesPerParagraph) total = Infinity;
    if (brokenWord !== undefined && !req.allowBrokenWords) total = Infinity;
    const biggest = Math.max(...p.runs.map((r) => r.scale ?? 1));
    total += lines * pitch * biggest + (i > 0 ? (p.spaceBefore ?? 0) * sizePt : 0);
  });
  return ptToIn(total);
}

function firstBrokenWord(req: FitRequest, sizePt: number): string | undefined {
  for (const p of req.paragraphs) {
    const indent = p.bullet ? (req.bulletIndentIn ? inToPt(req.bulletIndentIn(p.level, sizePt)) : bulletIndentPt(sizePt, p.level)) : 0;
    const word = wrap(p.runs, req.style, sizePt, inToPt(req.widthIn) - indent).brokenWord;
    if (word !== undefined) return word;
  }
  return undefined;
}

// Both layout passes, the pagination checks and every rebuild fit the same texts in the same boxes.
const fits = new Map<string, FitResult>();
const FITS = 20_000;

/** Everything a fit depends on, as a key; undefined when a rule (pitch, indent) has no key. */
function fitKey(req: FitRequest): string | undefined {
  if ((req.pitch || req.bulletIndentIn) && req.rulesKey === undefined) return undefined;
  let key = `${req.rulesKey ?? ''}|${req.widthIn}|${req.heightIn}|${req.range[0]}|${req.range[1]}|${req.maxLinesPerParagraph ?? ''}|${req.allowBrokenWords ? 1 : 0}`;
  for (const p of req.paragraphs) key += `\n${p.bullet ? 1 : 0}${p.level}|${p.spaceBefore ?? 0}|${runsKey(p.runs, req.style)}`;
  return key;
}

/** Largest size (in half points) in the range whose wrapped text fits the box (a result is shared: do not change it). */
export function fitText(req: FitRequest): FitResult {
  const key = fitKey(req);
  return key === undefined ? fitUncached(req) : remember(fits, key, FITS, () => fitUncached(req));
}

function fitUncached(req: FitRequest): FitResult {
  const [min, max] = req.range;
  const pitch = req.pitch ?? singlePitch(req.style.face, req.style.faces);
  let lo = Math.round(min * 2);
  let hi = Math.round(max * 2);
  if (heightAt(req, lo / 2) > req.heightIn) {
    const needed = heightAt({ ...req, maxLinesPerParagraph: undefined, allowBrokenWords: true }, lo / 2);
    const tooWide = firstBrokenWord(req, lo / 2);
    return { sizePt: lo / 2, neededH: needed, fits: false, linePitchPt: pitch(lo / 2), ...(tooWide !== undefined ? { tooWide } : {}) };
  }
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (heightAt(req, mid / 2) <= req.heightIn) lo = mid;
    else hi = mid - 1;
  }
  return { sizePt: lo / 2, neededH: heightAt(req, lo / 2), fits: true, linePitchPt: pitch(lo / 2) };
}

/** Width in inches of a single line of runs at `sizePt` (no wrapping). */
export function lineWidthIn(runs: PlacedRun[], style: TextStyle, sizePt: number): number {
  return ptToIn(clusters(runs, style).reduce((sum, c) => sum + c.gap + c.width, 0) * sizePt);
}

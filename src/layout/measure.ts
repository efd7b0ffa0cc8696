// Measures text with the metrics of the faces the audience may see it in — the named face's metric
// twin and the generic sans a viewer without it falls back to (Carlito and Arimo for Calibri), the
// widest counting — wraps it to a width, and finds the largest size that fits a box. Widths scale
// linearly with size, so each word is measured once per face list at a reference size and cached.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { FAMILIES, familyFont, measuringFaces, type FaceMap, type Family } from '../font-faces.js';
import { CJK_TEXT, registerFamily, registerFonts } from '../fonts.js';
import type { PlacedParagraph, PlacedRun } from './placed.js';
import { inToPt, ptToIn } from './units.js';

const REF = 100;
let ctx: SKRSContext2D | undefined;
const widthCache = new Map<string, number>();

function context(): SKRSContext2D {
  if (!ctx) {
    registerFonts();
    ctx = createCanvas(10, 10).getContext('2d');
  }
  return ctx;
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
    const c = context();
    w = 0;
    for (const family of list.families) {
      registerFamily(family, text);
      c.font = familyFont(family, REF, bold, italic);
      w = Math.max(w, c.measureText(text).width / REF);
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

interface Piece {
  text: string;
  width: number;
  space: boolean;
}

/** Splits runs into breakable pieces (words, spaces, single CJK characters) with widths at 1 pt. */
function pieces(runs: PlacedRun[], style: TextStyle): Piece[] {
  const out: Piece[] = [];
  for (const run of runs) {
    const bold = run.bold ?? style.bold ?? false;
    const italic = run.italic ?? style.italic ?? false;
    const scale = run.scale ?? 1;
    for (const token of run.text.split(/(\s+|[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF])/u)) {
      if (!token) continue;
      const space = /^\s+$/.test(token);
      out.push({ text: token, width: unitWidth(space ? ' ' : token, style.face, bold, italic, style.faces) * scale, space });
    }
  }
  return out;
}

/** Number of lines a paragraph takes at `sizePt` in a column `widthPt` wide, and its widest line. */
export function wrap(runs: PlacedRun[], style: TextStyle, sizePt: number, widthPt: number): { lines: number; widest: number } {
  const max = widthPt * WIDTH_SLACK;
  let lines = 1;
  let line = 0;
  let widest = 0;
  let pendingSpace = 0;
  for (const p of pieces(runs, style)) {
    const w = p.width * sizePt;
    if (p.space) {
      if (line > 0) pendingSpace = w;
      continue;
    }
    // A CJK character glues to the previous piece unless the line is full: no space needed.
    const glue = CJK.test(p.text) ? 0 : pendingSpace;
    if (line > 0 && line + glue + w > max) {
      widest = Math.max(widest, line);
      lines++;
      line = 0;
    } else {
      line += glue;
    }
    pendingSpace = 0;
    // A word longer than the whole line is broken between characters, as PowerPoint does.
    let rest = w;
    while (rest > max && line === 0) {
      lines++;
      rest -= max;
      widest = max;
    }
    line += rest;
  }
  return { lines, widest: Math.max(widest, line) };
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
  /** Where the text of a bulleted paragraph starts, in inches from the left inset, by level. */
  bulletIndentIn?: (level: number, sizePt: number) => number;
}

export interface FitResult {
  sizePt: number;
  neededH: number;
  fits: boolean;
  /** Line pitch in points at sizePt. */
  linePitchPt: number;
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
    const { lines } = wrap(p.runs, req.style, sizePt, widthPt - indent);
    if (req.maxLinesPerParagraph !== undefined && lines > req.maxLinesPerParagraph) total = Infinity;
    const biggest = Math.max(...p.runs.map((r) => r.scale ?? 1));
    total += lines * pitch * biggest + (i > 0 ? (p.spaceBefore ?? 0) * sizePt : 0);
  });
  return ptToIn(total);
}

/** Largest size (in half points) in the range whose wrapped text fits the box. */
export function fitText(req: FitRequest): FitResult {
  const [min, max] = req.range;
  const pitch = req.pitch ?? singlePitch(req.style.face, req.style.faces);
  let lo = Math.round(min * 2);
  let hi = Math.round(max * 2);
  if (heightAt(req, lo / 2) > req.heightIn) {
    const needed = heightAt({ ...req, maxLinesPerParagraph: undefined }, lo / 2);
    return { sizePt: lo / 2, neededH: needed, fits: false, linePitchPt: pitch(lo / 2) };
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
  return ptToIn(pieces(runs, style).reduce((sum, p) => sum + p.width, 0) * sizePt);
}

// Which open faces stand in for the faces a deck names: pure data, no canvas, so that pure modules
// (chart configs, layout decisions, the template reader) can ask without loading the canvas library.
//
// A face is measured with the widest of the faces its audience may see it in: its metric twin (Carlito
// has Calibri's advance widths, so text measured with it takes Calibri's room) and the generic sans a
// viewer without the face falls back to (Arimo, Arial's and Helvetica's widths). A face with no twin
// here is measured with a wider stand-in, DejaVu Sans. Nothing here is written at run time: a theme's
// own aliases ("Segoe UI, Arial") travel with the theme as a FaceMap.

/** An open face briefdeck bundles from npm, registered in the canvas under `family`. */
export interface BundledFamily {
  family: string;
  pkg: string;
  /** File prefix inside the package's files/ folder. */
  prefix: string;
  /** Unicode subsets the package has woff2 files for (latin always). */
  subsets: readonly string[];
  /** Single line spacing as a multiple of the size (ascent + descent + line gap, as PowerPoint sets it). */
  lineHeight: number;
}

export const FAMILIES = {
  Carlito: { family: 'Carlito', pkg: '@fontsource/carlito', prefix: 'carlito', subsets: ['latin', 'latin-ext'], lineHeight: 1.22 },
  Arimo: { family: 'Arimo', pkg: '@fontsource/arimo', prefix: 'arimo', subsets: ['latin', 'latin-ext'], lineHeight: 1.15 },
  Caladea: { family: 'Caladea', pkg: '@fontsource/caladea', prefix: 'caladea', subsets: ['latin', 'latin-ext'], lineHeight: 1.17 },
  Tinos: { family: 'Tinos', pkg: '@fontsource/tinos', prefix: 'tinos', subsets: ['latin', 'latin-ext'], lineHeight: 1.15 },
  Cousine: { family: 'Cousine', pkg: '@fontsource/cousine', prefix: 'cousine', subsets: ['latin', 'latin-ext'], lineHeight: 1.13 },
  'DejaVu Sans': { family: 'DejaVu Sans', pkg: '@fontsource/dejavu-sans', prefix: 'dejavu-sans', subsets: ['latin'], lineHeight: 1.17 },
} as const satisfies Record<string, BundledFamily>;

export type Family = keyof typeof FAMILIES;

/** Where a viewer without the face ends up: Arial's or Helvetica's widths. */
export const GENERIC_SANS: Family = 'Arimo';
/** Measures faces with no twin here: wider than most sans faces (Verdana's proportions), so text fits. */
export const STAND_IN: Family = 'DejaVu Sans';

/** Faces with a metric-compatible open twin (same advance widths), by lower-case name. */
const TWINS: Record<string, Family> = {
  calibri: 'Carlito',
  carlito: 'Carlito',
  arial: 'Arimo',
  helvetica: 'Arimo',
  'helvetica neue': 'Arimo',
  'liberation sans': 'Arimo',
  arimo: 'Arimo',
  cambria: 'Caladea',
  caladea: 'Caladea',
  'times new roman': 'Tinos',
  times: 'Tinos',
  'liberation serif': 'Tinos',
  tinos: 'Tinos',
  'courier new': 'Cousine',
  courier: 'Cousine',
  'liberation mono': 'Cousine',
  cousine: 'Cousine',
  'dejavu sans': 'DejaVu Sans',
};

/** Charts draw a narrow or condensed face with no twin in the generic sans: closer to it than the stand-in. */
const CONDENSED = /\b(narrow|condensed|compressed|cond)\b/;
const standInFor = (face: string): Family => (CONDENSED.test(normal(face)) ? GENERIC_SANS : STAND_IN);

/** Faces that every machine with the family has (Office's and the open twins); others may be missing. */
const WIDELY_INSTALLED = new Set(['calibri', 'calibri light', 'carlito', 'arial', 'helvetica', 'liberation sans', 'arimo', 'cambria', 'caladea', 'times new roman', 'times', 'liberation serif', 'tinos', 'courier new', 'courier', 'liberation mono', 'cousine', 'dejavu sans']);

/** Lighter weights keep their family's advance widths (Calibri Light, Helvetica Light). */
const SAME_WIDTH_WEIGHTS = /\s+(light|thin|ultra ?light|extra ?light|regular|book)$/;

/** Office face (lower case) → the canvas families it is measured with, widest wins. */
export type FaceMap = Readonly<Record<string, readonly Family[]>>;

const normal = (face: string): string => face.trim().replace(/^["']|["']$/g, '').replace(/\s+/g, ' ').toLowerCase();

/** The metric twin of a face, when briefdeck bundles one. */
export function twinOf(face: string): Family | undefined {
  const n = normal(face);
  return TWINS[n] ?? TWINS[n.replace(SAME_WIDTH_WEIGHTS, '')];
}

/** The families a face is measured with: a theme's own alias first, then its twin and the generic sans, else the stand-in. */
export function measuringFaces(face: string, faces?: FaceMap): readonly Family[] {
  const own = faces?.[normal(face)];
  if (own && own.length) return own;
  const twin = twinOf(face);
  if (!twin) return [STAND_IN];
  const usual = twin === GENERIC_SANS || twin === STAND_IN ? [twin] : [twin, GENERIC_SANS];
  // A face found only by its family (Helvetica Light, Helvetica Neue) is missing from many machines, and
  // a viewer without it falls back to its own default sans (DejaVu Sans in LibreOffice on Linux).
  return WIDELY_INSTALLED.has(normal(face)) || usual.includes(STAND_IN) ? usual : [...usual, STAND_IN];
}

/** A theme's alias: measure `face` as `like` is measured. Returns a new map; nothing is written elsewhere. */
export function withAlias(faces: FaceMap | undefined, face: string, like: string): FaceMap {
  return { ...faces, [normal(face)]: measuringFaces(like, faces) };
}

/** Office font names a theme may name without a fallback (each has a metric twin here). */
export const SUPPORTED_FONTS = ['Calibri', 'Arial', 'Helvetica', 'Cambria', 'Times New Roman', 'Courier New', 'Carlito', 'Arimo', 'Caladea', 'Tinos', 'Cousine'] as const;

/** True when briefdeck bundles a metric twin for this face. */
export function isBundledFont(officeFace: string): boolean {
  return twinOf(officeFace) !== undefined;
}

/** The registered canvas family that draws like `officeFace`: its twin, else the stand-in. */
export function canvasFamily(officeFace: string, faces?: FaceMap): Family {
  const own = faces?.[normal(officeFace)];
  return own?.[0] ?? twinOf(officeFace) ?? standInFor(officeFace);
}

/** Family that draws Chinese (and other CJK) characters; it stands in for the deck's East Asian face. */
export const CJK_FAMILY = 'Noto Sans SC';

/** Han, kana, hangul, CJK punctuation and full-width forms. */
export const CJK_TEXT = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/** The canvas family list: the Latin face first, then the CJK face for characters it lacks. */
export function fontStack(officeFace: string, faces?: FaceMap): string {
  return `"${canvasFamily(officeFace, faces)}", "${CJK_FAMILY}"`;
}

/** A CSS font string for the canvas: size in CSS pixels. */
export function cssFont(officeFace: string, sizePx: number, bold = false, italic = false, faces?: FaceMap): string {
  return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${sizePx}px ${fontStack(officeFace, faces)}`;
}

/** A CSS font string for one bundled family. */
export function familyFont(family: Family, sizePx: number, bold = false, italic = false): string {
  return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${sizePx}px "${family}", "${CJK_FAMILY}"`;
}

/** How briefdeck measures a face, for warnings and `briefdeck template`. */
export interface FaceCoverage {
  face: string;
  /** The families text in this face is measured with (the widest counts). */
  measuredWith: readonly Family[];
  /** The face has a metric twin; false means a wider stand-in measures it and the user should know. */
  twin: boolean;
}

export function faceCoverage(face: string, faces?: FaceMap): FaceCoverage {
  return { face, measuredWith: measuringFaces(face, faces), twin: faces?.[normal(face)] !== undefined || twinOf(face) !== undefined };
}

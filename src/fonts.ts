// Fonts come from npm packages, never from the system, so that measuring text (layout) and drawing
// chart text (render) give the same result on every machine. Which open face stands in for which
// Office face is pure data in font-faces.ts; this module registers the files with the canvas, each
// family the first time something needs it (most decks use two), Latin Extended only for text that has
// such letters, Noto Sans SC only for CJK text; the files are the build's decoded copies (font-files.ts).
import { GlobalFonts } from './canvas.js';
import { CJK_FAMILY, CJK_TEXT, FAMILIES, measuringFaces, type Family, type FaceMap } from './font-faces.js';
import { cjkFiles, CJK_PACKAGE, familyFiles, registrableFile } from './font-files.js';

export { canvasFamily, CJK_TEXT, cssFont, fontStack, isBundledFont, SUPPORTED_FONTS } from './font-faces.js';

/** Letters beyond Latin-1 that the latin-ext files cover (ą, ő, ř, ş, Vietnamese…). */
const LATIN_EXT = /[\u0100-\u024F\u1E00-\u1EFF]/;

const registered = new Set<string>();

function registerSubset(family: Family, subset: string): void {
  const key = `${family}|${subset}`;
  if (registered.has(key)) return;
  registered.add(key);
  const face = FAMILIES[family];
  for (const file of familyFiles(family, subset)) GlobalFonts.registerFromPath(registrableFile(face.pkg, file), face.family);
}

/** Registers a bundled family (its Latin files, and Latin Extended when `text` needs them); later calls are free. */
export function registerFamily(family: Family, text = ''): void {
  registerSubset(family, 'latin');
  if (LATIN_EXT.test(text)) registerSubset(family, 'latin-ext');
  if (CJK_TEXT.test(text)) registerCjkFonts();
}

/** Registers the faces of the built-in themes (Calibri's and Arial's twins). */
export function registerFonts(): void {
  registerFamily('Carlito', 'ą');
  registerFamily('Arimo', 'ą');
}

let cjkRegistered = false;

/**
 * Registers Noto Sans SC (about 100 unicode-range subsets per weight, all under one family) the first
 * time text needs it: ~0.3 s from the WOFF2 files (a few tens of ms decoded: font-files.ts), which
 * decks without Chinese text should not pay.
 */
export function registerCjkFonts(): void {
  if (cjkRegistered) return;
  cjkRegistered = true;
  for (const file of cjkFiles()) GlobalFonts.registerFromPath(registrableFile(CJK_PACKAGE, file), CJK_FAMILY);
}

/** Registers what drawing `texts` in the given Office faces needs: their families, Latin Extended, CJK. */
export function registerFontsFor(texts: Iterable<string>, officeFaces: readonly string[] = [], faces?: FaceMap): void {
  registerFonts();
  const all = [...texts].join('\n');
  for (const face of officeFaces) for (const family of measuringFaces(face, faces)) registerFamily(family, all);
  for (const family of ['Carlito', 'Arimo'] as const) registerFamily(family, all);
  if (CJK_TEXT.test(all)) registerCjkFonts();
}

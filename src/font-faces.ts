// Which open face stands in for each Office face a theme may name: pure data, no canvas, so that pure
// modules (chart configs, layout decisions) can ask without loading the canvas library.

/** An Office face a deck may name, and the npm package whose metrics stand in for it. */
export interface BundledFace {
  /** Family name registered in the canvas font registry. */
  family: string;
  /** npm package holding the woff2 files. */
  pkg: string;
  /** File prefix inside the package's files/ folder. */
  prefix: string;
}

export const FACES: Record<string, BundledFace> = {
  calibri: { family: 'Carlito', pkg: '@fontsource/carlito', prefix: 'carlito' },
  carlito: { family: 'Carlito', pkg: '@fontsource/carlito', prefix: 'carlito' },
  arial: { family: 'Arimo', pkg: '@fontsource/arimo', prefix: 'arimo' },
  arimo: { family: 'Arimo', pkg: '@fontsource/arimo', prefix: 'arimo' },
};

/**
 * Lets a theme name a face briefdeck does not bundle ("Segoe UI") by measuring it with a bundled one
 * ("Arial" → Arimo). The file still asks PowerPoint for the named face.
 */
export function aliasFace(face: string, bundled: string): void {
  const target = FACES[bundled.toLowerCase()];
  if (!target) throw new Error(`internal: ${bundled} is not a bundled face`);
  FACES[face.toLowerCase()] ??= target;
}

/** Office font names a theme may use; anything else needs a fallback from this list. */
export const SUPPORTED_FONTS = ['Calibri', 'Arial', 'Carlito', 'Arimo'] as const;

/** True when briefdeck bundles metrics for this Office face. */
export function isBundledFont(officeFace: string): boolean {
  return officeFace.toLowerCase() in FACES;
}

/** The registered canvas family that measures like `officeFace` (Carlito for unknown faces). */
export function canvasFamily(officeFace: string): string {
  return (FACES[officeFace.toLowerCase()] ?? FACES.calibri!).family;
}

/** Family that draws Chinese (and other CJK) characters; it stands in for the deck's East Asian face. */
export const CJK_FAMILY = 'Noto Sans SC';

/** Han, kana, hangul, CJK punctuation and full-width forms. */
export const CJK_TEXT = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/** The canvas family list: the Latin face first, then the CJK face for characters it lacks. */
export function fontStack(officeFace: string): string {
  return `"${canvasFamily(officeFace)}", "${CJK_FAMILY}"`;
}

/** A CSS font string for the canvas: size in CSS pixels. */
export function cssFont(officeFace: string, sizePx: number, bold = false, italic = false): string {
  return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${sizePx}px ${fontStack(officeFace)}`;
}

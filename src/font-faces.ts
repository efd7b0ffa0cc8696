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

/** A CSS font string for the canvas: size in CSS pixels. */
export function cssFont(officeFace: string, sizePx: number, bold = false, italic = false): string {
  return `${italic ? 'italic ' : ''}${bold ? 'bold ' : ''}${sizePx}px "${canvasFamily(officeFace)}"`;
}

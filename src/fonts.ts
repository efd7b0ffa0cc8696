// Fonts come from npm packages, never from the system, so that measuring text (layout) and drawing
// chart text (render) give the same result on every machine. Each Office face that a theme may name is
// mapped to a metric-compatible open face: text measured with Carlito takes the same room as Calibri in
// PowerPoint.
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);

/** An Office face a deck may name, and the npm package whose metrics stand in for it. */
interface BundledFace {
  /** Family name registered in the canvas font registry. */
  family: string;
  /** npm package holding the woff2 files. */
  pkg: string;
  /** File prefix inside the package's files/ folder. */
  prefix: string;
}

const FACES: Record<string, BundledFace> = {
  calibri: { family: 'Carlito', pkg: '@fontsource/carlito', prefix: 'carlito' },
  carlito: { family: 'Carlito', pkg: '@fontsource/carlito', prefix: 'carlito' },
  arial: { family: 'Arimo', pkg: '@fontsource/arimo', prefix: 'arimo' },
  arimo: { family: 'Arimo', pkg: '@fontsource/arimo', prefix: 'arimo' },
};

/** Office font names a theme may use; anything else needs a fallback from this list. */
export const SUPPORTED_FONTS = ['Calibri', 'Arial', 'Carlito', 'Arimo'] as const;

const SUBSETS = ['latin', 'latin-ext'];
const STYLES = ['400-normal', '400-italic', '700-normal', '700-italic'];

let registered = false;

/** Registers every bundled face once per process; later calls are free. */
export function registerFonts(): void {
  if (registered) return;
  registered = true;
  const done = new Set<string>();
  for (const face of Object.values(FACES)) {
    if (done.has(face.family)) continue;
    done.add(face.family);
    const dir = path.join(path.dirname(require.resolve(`${face.pkg}/package.json`)), 'files');
    for (const subset of SUBSETS) {
      for (const style of STYLES) {
        GlobalFonts.registerFromPath(path.join(dir, `${face.prefix}-${subset}-${style}.woff2`), face.family);
      }
    }
  }
}

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

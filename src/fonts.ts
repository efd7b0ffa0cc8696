// Fonts come from npm packages, never from the system, so that measuring text (layout) and drawing
// chart text (render) give the same result on every machine. Each Office face that a theme may name is
// mapped (font-faces.ts) to a metric-compatible open face: text measured with Carlito takes the same
// room as Calibri in PowerPoint.
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { FACES } from './font-faces.js';

export { canvasFamily, cssFont, isBundledFont, SUPPORTED_FONTS } from './font-faces.js';

const require = createRequire(import.meta.url);

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


// Fonts come from npm packages, never from the system, so that measuring text (layout) and drawing
// chart text (render) give the same result on every machine. Each Office face that a theme may name is
// mapped (font-faces.ts) to a metric-compatible open face: text measured with Carlito takes the same
// room as Calibri in PowerPoint.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { CJK_FAMILY, CJK_TEXT, FACES } from './font-faces.js';

export { canvasFamily, CJK_TEXT, cssFont, fontStack, isBundledFont, SUPPORTED_FONTS } from './font-faces.js';

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

let cjkRegistered = false;

/**
 * Registers Noto Sans SC (about 100 unicode-range subsets per weight, all under one family) the first
 * time text needs it: it costs ~0.3 s, which decks without Chinese text should not pay.
 */
export function registerCjkFonts(): void {
  if (cjkRegistered) return;
  cjkRegistered = true;
  const dir = path.join(path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');
  for (const file of fs.readdirSync(dir).sort()) {
    if (/^noto-sans-sc-\d+-(400|700)-normal\.woff2$/.test(file)) GlobalFonts.registerFromPath(path.join(dir, file), CJK_FAMILY);
  }
}

/** Registers the CJK face when any of the texts needs it. */
export function registerFontsFor(texts: Iterable<string>): void {
  registerFonts();
  for (const t of texts) {
    if (CJK_TEXT.test(t)) {
      registerCjkFonts();
      return;
    }
  }
}

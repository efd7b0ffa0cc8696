// The canvas library, in one place, loaded without the machine's fonts. As it comes, it registers
// every font installed on the system at load, and a system font of the same family as a bundled one
// wins: with Debian's fonts-crosextra-carlito installed, the ETDZ deck's chart pictures changed. Fonts
// come from npm packages only (fonts.ts), so the variable that turns the scan off is set while it loads,
// and put back at once, so that programs this process starts (LibreOffice) do not see it. It is loaded
// with require() because it is a CommonJS package: an import would make Node scan its source for export
// names first (~4 ms of every start); and on a machine with many fonts the font scan took tens of ms.
import { createRequire } from 'node:module';

type CanvasModule = typeof import('@napi-rs/canvas');

function load(): CanvasModule {
  const before = process.env.DISABLE_SYSTEM_FONTS_LOAD;
  process.env.DISABLE_SYSTEM_FONTS_LOAD = '1';
  try {
    return createRequire(import.meta.url)('@napi-rs/canvas') as CanvasModule;
  } finally {
    if (before === undefined) delete process.env.DISABLE_SYSTEM_FONTS_LOAD;
    else process.env.DISABLE_SYSTEM_FONTS_LOAD = before;
  }
}

export const { createCanvas, GlobalFonts, Image, loadImage } = load();
export type { Canvas, Image as CanvasImage, SKRSContext2D } from '@napi-rs/canvas';

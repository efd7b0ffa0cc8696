// The canvas library, in one place. It is a CommonJS package: loaded with require(), Node does not scan
// its source for export names first, as it does for an import (~4 ms of every start). And its scan of
// the machine's font folders is turned off while it loads: briefdeck's fonts come from npm packages
// (fonts.ts), never from the system, and on a machine with many fonts the scan takes tens of ms. The
// variable is put back at once, so that programs this process starts (LibreOffice) do not see it.
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

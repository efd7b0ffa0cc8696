// Where the bundled fonts' files are. The npm packages ship WOFF2, which the canvas decompresses on
// every registration (Brotli and the glyf transform): ~2 ms a file, ~30 ms for the Latin faces a deck
// uses and ~0.3 s for the 204 files of Noto Sans SC. `npm run build` decodes them once into
// dist/fonts/ (scripts/decode-fonts.mjs, Google's reference decoder); a decoded file registers ~15×
// faster and has the same glyphs, so text measures and draws the same (test/font-files.test.ts checks
// it pixel for pixel). Without the decoded copy, the WOFF2 is registered as before.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FAMILIES, type Family } from './font-faces.js';
import { packagePath } from './package-root.js';

const require = createRequire(import.meta.url);

/** The four faces of a family that are registered. */
const STYLES = ['400-normal', '400-italic', '700-normal', '700-italic'] as const;
export const CJK_PACKAGE = '@fontsource/noto-sans-sc';
const CJK_FILE = /^noto-sans-sc-\d+-(400|700)-normal\.woff2$/;

interface FontPackage {
  /** The package's files/ folder. */
  files: string;
  /** Where its decoded copies are: dist/fonts/<name>@<version>/, so that an upgrade never meets stale ones. */
  decoded: string;
}

const packages = new Map<string, FontPackage>();

/** dist/fonts/ of the briefdeck package; '' when this code runs outside it (copied elsewhere): then no decoded fonts. */
function decodedRoot(): string {
  try {
    return packagePath('dist', 'fonts');
  } catch {
    return '';
  }
}

function fontPackage(pkg: string): FontPackage {
  let p = packages.get(pkg);
  if (!p) {
    const manifest = require.resolve(`${pkg}/package.json`);
    const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
    p = { files: path.join(path.dirname(manifest), 'files'), decoded: path.join(decodedRoot(), `${pkg.replace('@fontsource/', '')}@${version}`) };
    packages.set(pkg, p);
  }
  return p;
}

/** The WOFF2 files of one subset of a bundled family, in a fixed order (those the package has). */
export function familyFiles(family: Family, subset: string): string[] {
  const face = FAMILIES[family];
  if (!(face.subsets as readonly string[]).includes(subset)) return [];
  const { files } = fontPackage(face.pkg);
  return STYLES.map((style) => path.join(files, `${face.prefix}-${subset}-${style}.woff2`)).filter((f) => fs.existsSync(f));
}

/** Noto Sans SC's WOFF2 files (about 100 unicode-range subsets for each of two weights), sorted. */
export function cjkFiles(): string[] {
  const { files } = fontPackage(CJK_PACKAGE);
  return fs.readdirSync(files).filter((f) => CJK_FILE.test(f)).sort().map((f) => path.join(files, f));
}

/** Every WOFF2 file briefdeck may register, with the package it comes from. */
export function bundledFontFiles(): { pkg: string; file: string }[] {
  const out: { pkg: string; file: string }[] = [];
  for (const family of Object.keys(FAMILIES) as Family[]) {
    for (const subset of FAMILIES[family].subsets) for (const file of familyFiles(family, subset)) out.push({ pkg: FAMILIES[family].pkg, file });
  }
  for (const file of cjkFiles()) out.push({ pkg: CJK_PACKAGE, file });
  return out;
}

/** Where the decoded copy of a package's WOFF2 file goes. */
export function decodedPath(pkg: string, woff2: string): string {
  return path.join(fontPackage(pkg).decoded, path.basename(woff2, '.woff2') + '.ttf');
}

const decodedListing = new Map<string, Set<string>>();

/** The file to register for a package's WOFF2 file: its decoded copy when the build made one. */
export function registrableFile(pkg: string, woff2: string): string {
  const dir = fontPackage(pkg).decoded;
  let names = decodedListing.get(dir);
  if (!names) {
    try {
      names = new Set(decodedRoot() ? fs.readdirSync(dir) : []);
    } catch {
      names = new Set();
    }
    decodedListing.set(dir, names);
  }
  const ttf = path.basename(woff2, '.woff2') + '.ttf';
  return names.has(ttf) ? path.join(dir, ttf) : woff2;
}

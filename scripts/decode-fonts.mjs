#!/usr/bin/env node
// Decodes the bundled WOFF2 fonts once, at build time, into dist/fonts/<package>@<version>/*.ttf, so
// that a build registers the decoded files instead of decompressing WOFF2 at every start (see
// src/font-files.ts). Google's reference decoder (wawoff2); a file already decoded is kept, each is
// written to a temporary name and renamed, and other versions' folders are removed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { bundledFontFiles, decodedPath } = await import(path.join(root, 'dist', 'font-files.js'));

let decompress;
try {
  ({ default: { decompress } } = await import('wawoff2'));
} catch {
  // Without the decoder (a production install), fonts are registered from their WOFF2 files as before.
  console.warn('decode-fonts: wawoff2 is not installed; fonts stay WOFF2 (slower to register, same result)');
  process.exit(0);
}

const wanted = bundledFontFiles().map(({ pkg, file }) => ({ file, out: decodedPath(pkg, file) }));
const folders = new Set(wanted.map(({ out }) => path.dirname(out)));
const fontsDir = path.join(root, 'dist', 'fonts');
for (const name of fs.existsSync(fontsDir) ? fs.readdirSync(fontsDir) : []) {
  if (!folders.has(path.join(fontsDir, name))) fs.rmSync(path.join(fontsDir, name), { recursive: true, force: true });
}
for (const dir of folders) fs.mkdirSync(dir, { recursive: true });

let decoded = 0;
for (const { file, out } of wanted) {
  if (fs.existsSync(out)) continue;
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, await decompress(fs.readFileSync(file)));
  fs.renameSync(tmp, out);
  decoded++;
}
if (decoded) console.log(`decode-fonts: ${decoded} of ${wanted.length} font files decoded into dist/fonts/`);

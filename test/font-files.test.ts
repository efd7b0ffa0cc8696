// The decoded fonts in dist/fonts/ (scripts/decode-fonts.mjs) stand in for the npm packages' WOFF2
// files only because they are the same fonts: every bundled file must have its decoded copy after
// `npm run build`, and each copy must measure and draw text exactly as its WOFF2 does.
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '../src/canvas.js';
import { describe, expect, it } from 'vitest';
import { bundledFontFiles, decodedPath, registrableFile } from '../src/font-files.js';

const files = bundledFontFiles();

/** Pixels and advance widths of `text` in an alias registered for one file. */
function draw(family: string, text: string, weight: string, style: string): { width: number; pixels: Uint8ClampedArray } {
  const canvas = createCanvas(900, 90);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 900, 90);
  ctx.fillStyle = '#123';
  ctx.font = `${style} ${weight} 44px "${family}"`;
  ctx.fillText(text, 6, 62);
  return { width: ctx.measureText(text).width, pixels: ctx.getImageData(0, 0, 900, 90).data };
}

describe('decoded fonts', () => {
  it('has a decoded copy of every bundled WOFF2 file, and registers it', () => {
    expect(files.length).toBeGreaterThan(200); // the Latin faces and Noto Sans SC's subsets
    const missing = files.filter(({ pkg, file }) => !fs.existsSync(decodedPath(pkg, file)));
    expect(missing.map(({ file }) => path.basename(file))).toEqual([]);
    for (const { pkg, file } of files) expect(registrableFile(pkg, file)).toBe(decodedPath(pkg, file));
  });

  it('measures and draws every Latin face exactly as its WOFF2 file does', () => {
    const latin = files.filter(({ pkg }) => !pkg.endsWith('noto-sans-sc'));
    expect(latin.length).toBeGreaterThanOrEqual(40);
    latin.forEach(({ pkg, file }, i) => {
      const [, weight, style] = /-(\d00)-(normal|italic)\.woff2$/.exec(file)!;
      const text = path.basename(file).includes('latin-ext') ? 'Łódź, Ørsted, şişe, Dvořák, Điện 2024 – €' : 'Quarterly revenue 12.5% · 2024 H1, “AVA” fi ﬂ';
      GlobalFonts.registerFromPath(file, `woff2-${i}`);
      GlobalFonts.registerFromPath(decodedPath(pkg, file), `decoded-${i}`);
      const a = draw(`woff2-${i}`, text, weight!, style!);
      const b = draw(`decoded-${i}`, text, weight!, style!);
      expect(b.width, path.basename(file)).toBe(a.width);
      expect(Buffer.from(b.pixels).equals(Buffer.from(a.pixels)), path.basename(file)).toBe(true);
    });
  });

  it('measures and draws Chinese text in both weights exactly as the WOFF2 subsets do', () => {
    const cjk = files.filter(({ pkg }) => pkg.endsWith('noto-sans-sc'));
    for (const { pkg, file } of cjk) {
      GlobalFonts.registerFromPath(file, 'cjk-woff2');
      GlobalFonts.registerFromPath(decodedPath(pkg, file), 'cjk-decoded');
    }
    const text = '国家级经济技术开发区 2024年上半年，实际使用外资';
    for (const weight of ['400', '700']) {
      const a = draw('cjk-woff2', text, weight, 'normal');
      const b = draw('cjk-decoded', text, weight, 'normal');
      expect(b.width).toBe(a.width);
      expect(Buffer.from(b.pixels).equals(Buffer.from(a.pixels))).toBe(true);
    }
  });
});

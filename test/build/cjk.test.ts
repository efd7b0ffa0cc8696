// Chinese text: real glyphs in chart pictures (from the bundled Noto Sans SC), and runs in the package
// that name an East Asian face and language so that PowerPoint and Keynote pick a CJK font.
import path from 'node:path';
import { createCanvas } from '../../src/canvas.js';
import { describe, expect, it } from 'vitest';
import { cssFont, registerCjkFonts, registerFonts } from '../../src/fonts.js';
import { child, descendants, parseXml } from '../../src/xml.js';
import { buildDeck, DECKS, partText, slideXmls } from '../helpers.js';

const FILE = path.join(DECKS, 'etdz-terms-zh.yaml');

function ink(ch: string): Uint8ClampedArray {
  const c = createCanvas(64, 64);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 64, 64);
  ctx.fillStyle = '#000';
  ctx.font = cssFont('Calibri', 48);
  ctx.fillText(ch, 4, 52);
  return ctx.getImageData(0, 0, 64, 64).data;
}

describe('Chinese text', () => {
  it('draws distinct, full-width glyphs for Chinese characters (no empty boxes)', () => {
    registerFonts();
    registerCjkFonts();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = cssFont('Calibri', 100);
    expect(ctx.measureText('经济技术开发区').width).toBeCloseTo(700, -1);
    const a = ink('经');
    const b = ink('济');
    let differing = 0;
    for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i]) differing++;
    expect(differing).toBeGreaterThan(100);
  });

  it('tags CJK runs zh-CN and gives them the theme\'s East Asian face', async () => {
    const pptx = (await buildDeck(FILE)).pptx!;
    const runs = (await slideXmls(pptx)).flatMap((xml) => descendants(parseXml(xml, 'slide'), 'a', 'r'));
    const cjk = runs.filter((r) => /[\u4e00-\u9fff]/.test(r.textContent ?? ''));
    expect(cjk.length).toBeGreaterThan(10);
    for (const r of cjk) {
      const rPr = child(r, 'a', 'rPr')!;
      expect(rPr.getAttribute('lang')).toBe('zh-CN');
      // Either inherited from the placeholder (the master's +mn-ea / +mj-ea) or the theme reference itself.
      const ea = child(rPr, 'a', 'ea')?.getAttribute('typeface');
      if (ea !== undefined) expect(ea).toMatch(/^\+m[jn]-ea$/);
    }
    const theme = parseXml(await partText(pptx, 'ppt/theme/theme1.xml'), 'theme');
    for (const font of ['majorFont', 'minorFont']) expect(child(descendants(theme, 'a', font)[0]!, 'a', 'ea')!.getAttribute('typeface')).toBe('Microsoft YaHei');
  });
});

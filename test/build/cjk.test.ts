// Chinese text: real glyphs in chart pictures (from the bundled Noto Sans SC), and runs in the package
// that name an East Asian face and language so that PowerPoint and Keynote pick a CJK font.
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { cssFont, registerCjkFonts, registerFonts } from '../../src/fonts.js';
import { buildDeck, DECKS, slideXmls } from '../helpers.js';

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

  it('writes an East Asian face and a Chinese language tag on CJK runs', async () => {
    const slides = await slideXmls((await buildDeck(FILE)).pptx!);
    const xml = slides.join('');
    const cjkRuns = [...xml.matchAll(/<a:r><a:rPr ([^>]*)>([\s\S]*?)<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g)].filter((m) => /[\u4e00-\u9fff]/.test(m[3]!));
    expect(cjkRuns.length).toBeGreaterThan(10);
    for (const m of cjkRuns) {
      expect(m[1]).toMatch(/lang="zh-CN"/);
      expect(m[2]).toMatch(/<a:ea typeface="Microsoft YaHei"/);
    }
    expect(xml).not.toMatch(/<a:ea typeface="Calibri"/);
  });
});

import { createCanvas, loadImage } from '../../src/canvas.js';
import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../src/render/chart-png.js';
import { font } from '../../src/render/plugins.js';
import { chartStyle } from '../../src/render/style.js';
import { registerFontsFor } from '../../src/fonts.js';
import { CHART_KINDS, type ChartSpec } from '../../src/model/types.js';
import { parseHex } from '../../src/render/style.js';
import { combo, FULL, HALF, pie, series, spec, theme, twoSeries } from './fixtures.js';

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

async function decode(png: Buffer): Promise<Pixels> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  return { width: img.width, height: img.height, data };
}

function pixel(p: Pixels, x: number, y: number): [number, number, number, number] {
  const i = (y * p.width + x) * 4;
  return [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!, p.data[i + 3]!];
}

/** How many pixels have exactly this colour (opaque). */
function countColour(p: Pixels, hex: string): number {
  const [r, g, b] = parseHex(hex);
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    if (p.data[i] === r && p.data[i + 1] === g && p.data[i + 2] === b && p.data[i + 3] === 255) n++;
  }
  return n;
}

function distinctColours(p: Pixels, step = 5): number {
  const seen = new Set<number>();
  for (let i = 0; i < p.data.length; i += 4 * step) {
    seen.add((p.data[i]! << 24) | (p.data[i + 1]! << 16) | (p.data[i + 2]! << 8) | p.data[i + 3]!);
  }
  return seen.size;
}

const samples: ChartSpec[] = CHART_KINDS.map((kind) =>
  kind === 'combo' ? combo : kind === 'pie' || kind === 'doughnut' ? { ...pie, kind } : spec(kind, { series: twoSeries, unit: 'trillion yuan', dataLabels: true }),
);

describe('renderChartPng', () => {
  it('draws labels in the theme face at their size (a font the canvas accepts, not its 10 px default)', () => {
    registerFontsFor(['x']);
    const ctx = createCanvas(10, 10).getContext('2d');
    const family = chartStyle(theme, HALF).family;
    ctx.font = font({ family, weight: 'bold' }, 21.33);
    expect(ctx.font).toMatch(/^bold 21\.33px Carlito/);
  });

  it('makes a PNG twice the placed size at 96 px/in', async () => {
    for (const [size, w, h] of [
      [FULL, 2285, 941],
      [HALF, 1190, 941],
      [{ widthIn: 3, heightIn: 2 }, 576, 384],
    ] as const) {
      const out = (await renderChartPng(spec('bar'), theme, size));
      expect(pngSize(out.png)).toEqual({ width: w, height: h });
      expect(out.widthPx).toBe(w);
      expect(out.heightPx).toBe(h);
    }
  });

  it.each(samples.map((s) => ({ kind: s.kind, s })))('$kind: draws a non-blank chart with palette colours on the theme background', async ({ s }) => {
    const out = (await renderChartPng(s, theme, HALF));
    const p = await decode(out.png);
    expect(distinctColours(p)).toBeGreaterThan(20);
    expect(pixel(p, 0, 0)).toEqual([255, 255, 255, 255]); // background filled, not transparent
    expect(pixel(p, p.width - 1, p.height - 1)).toEqual([255, 255, 255, 255]);
    expect(countColour(p, theme.palette[0]!)).toBeGreaterThan(500);
    expect(countColour(p, theme.palette[1]!)).toBeGreaterThan(100);
  });

  it('pie: one palette colour per slice', async () => {
    const p = await decode((await renderChartPng(pie, theme, FULL)).png);
    for (const c of theme.palette.slice(0, pie.labels.length)) expect(countColour(p, c), c).toBeGreaterThan(100);
    expect(countColour(p, theme.palette[5]!)).toBe(0);
  });

  it('uses the theme background and text colours', async () => {
    const dark = { ...theme, colors: { ...theme.colors, background: '#101820', text: '#F5F5F5', grid: '#3A4350' } };
    const p = await decode((await renderChartPng(spec('bar', { title: 'Dark', unit: 'u' }), dark, HALF)).png);
    expect(pixel(p, 0, 0)).toEqual([16, 24, 32, 255]);
    expect(countColour(p, '#F5F5F5')).toBeGreaterThan(50); // title and tick glyph cores
  });

  it('same spec, same bytes (also after drawing other charts)', async () => {
    const a = (await renderChartPng(combo, theme, FULL)).png;
    const b = (await renderChartPng(combo, theme, FULL)).png;
    expect(b.equals(a)).toBe(true);
    await renderChartPng(pie, theme, HALF);
    await renderChartPng(spec('hbar', { dataLabels: true }), theme, { widthIn: 4, heightIn: 3 });
    expect((await renderChartPng(combo, theme, FULL)).png.equals(a)).toBe(true);
  });

  it('data labels add ink; different data gives different pixels', async () => {
    const without = (await renderChartPng(spec('bar'), theme, HALF)).png;
    const withLabels = (await renderChartPng(spec('bar', { dataLabels: true }), theme, HALF)).png;
    expect(withLabels.equals(without)).toBe(false);
    const other = (await renderChartPng(spec('bar', { series: [series('Exports', [1.2, 1.5, 2.75])] }), theme, HALF)).png;
    expect(other.equals(without)).toBe(false);
  });

  it('combo: draws a right axis (tick labels in the right margin), when values are not all labelled', async () => {
    const axes = { ...combo, dataLabels: false };
    const withRight = await decode((await renderChartPng(axes, theme, HALF)).png);
    const leftOnly = await decode((await renderChartPng({ ...axes, series: axes.series.map((s) => ({ ...s, axis: 'left' as const })) }, theme, HALF)).png);
    const [br, bg, bb] = parseHex(theme.colors.background);
    const inkRight = (p: Pixels): number => {
      let n = 0;
      for (let y = 0; y < p.height; y++) {
        for (let x = Math.floor(p.width * 0.9); x < p.width; x++) {
          const [r, g, b] = pixel(p, x, y);
          if (Math.abs(r - br) + Math.abs(g - bg) + Math.abs(b - bb) > 200) n++;
        }
      }
      return n;
    };
    const right = inkRight(withRight);
    const left = inkRight(leftOnly);
    expect(right, `${right} vs ${left}`).toBeGreaterThan(2 * left + 200);
  });
});

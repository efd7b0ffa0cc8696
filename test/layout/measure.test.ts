import { describe, expect, it } from 'vitest';
import { fitText, heightAt, lineWidthIn, wrap } from '../../src/layout/measure.js';

const style = { face: 'Calibri' };
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('measure', () => {
  it('measures with Calibri-compatible metrics (Carlito), not a fallback face', () => {
    // "Hello world" at 20 px: Carlito 93.4 px; a wider fallback (DejaVu Sans) would give about 112.
    expect(lineWidthIn([{ text: 'Hello world' }], style, 15) * 96).toBeCloseTo(93.4, 0);
  });
  it('bold is wider than regular', () => {
    expect(lineWidthIn([{ text: 'Figures', bold: true }], style, 20)).toBeGreaterThan(lineWidthIn([{ text: 'Figures' }], style, 20));
  });
  it('wraps more lines in a narrower column', () => {
    const runs = [{ text: words(40) }];
    expect(wrap(runs, style, 20, 300).lines).toBeGreaterThan(wrap(runs, style, 20, 600).lines);
    expect(wrap([{ text: 'short' }], style, 20, 600).lines).toBe(1);
  });
  it('breaks Chinese text between characters', () => {
    expect(wrap([{ text: '经济技术开发区'.repeat(10) }], style, 20, 200).lines).toBeGreaterThan(1);
  });
  it('picks the largest size that fits, and smaller for more text', () => {
    const box = { widthIn: 6, heightIn: 2, range: [12, 40] as const, style };
    const little = fitText({ ...box, paragraphs: [{ runs: [{ text: words(5) }], level: 0 }] });
    const lots = fitText({ ...box, paragraphs: [{ runs: [{ text: words(60) }], level: 0 }] });
    expect(little.fits && lots.fits).toBe(true);
    expect(little.sizePt).toBeGreaterThan(lots.sizePt);
    expect(lots.neededH).toBeLessThanOrEqual(2);
    const req = { ...box, paragraphs: [{ runs: [{ text: words(60) }], level: 0 as const }] };
    expect(heightAt(req, lots.sizePt + 0.5)).toBeGreaterThan(2);
  });
  it('reports text that cannot fit even at the smallest size', () => {
    const r = fitText({ widthIn: 3, heightIn: 0.5, range: [14, 20], style, paragraphs: [{ runs: [{ text: words(80) }], level: 0 }] });
    expect(r.fits).toBe(false);
    expect(r.sizePt).toBe(14);
    expect(r.neededH).toBeGreaterThan(0.5);
  });
});

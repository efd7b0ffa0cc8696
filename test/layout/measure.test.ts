import { describe, expect, it } from 'vitest';
import { fitText, heightAt, lineHeightOf, lineWidthIn, unitWidth, wrap } from '../../src/layout/measure.js';

const style = { face: 'Calibri' };
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('measure', () => {
  it('measures with Calibri-compatible metrics (Carlito) where only Calibri is shown', () => {
    // "Hello world" at 20 px: Carlito 93.4 px; a wider fallback (DejaVu Sans) would give about 112.
    const onlyCarlito = { face: 'Calibri', faces: { calibri: ['Carlito'] as const } };
    expect(lineWidthIn([{ text: 'Hello world' }], onlyCarlito, 15) * 96).toBeCloseTo(93.4, 0);
  });
  it('measures Calibri with the widest of its twin and the sans a viewer without it sees (Arimo)', () => {
    const carlito = unitWidth('Hello world', 'Calibri', false, false, { calibri: ['Carlito'] });
    const arimo = unitWidth('Hello world', 'Arial');
    expect(arimo).toBeGreaterThan(carlito);
    expect(unitWidth('Hello world', 'Calibri')).toBe(arimo);
    expect(lineWidthIn([{ text: 'Hello world' }], style, 15) * 96).toBeCloseTo(98.9, 0);
    // Line height: the taller of the two (Carlito's 1.22).
    expect(lineHeightOf('Calibri')).toBe(1.22);
    expect(lineHeightOf('Arial')).toBe(1.15);
  });
  it('measures a face with no twin with a wider stand-in', () => {
    expect(unitWidth('Hello world', 'Aptos')).toBeGreaterThan(unitWidth('Hello world', 'Arial') * 1.05);
    expect(unitWidth('Hello world', 'Times New Roman')).toBe(unitWidth('Hello world', 'Arial')); // Tinos is narrower than the generic sans
    expect(unitWidth('Hello world', 'Courier New')).toBeGreaterThan(unitWidth('Hello world', 'Arial'));
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
  it('keeps a number with its unit across a no-break space, and breaks at an ordinary one', () => {
    const width = (lineWidthIn([{ text: 'trillion' }], style, 20) * 72 * 1.1) / 0.96;
    expect(wrap([{ text: '4.7 trillion' }], style, 20, width).lines).toBe(2);
    const glued = wrap([{ text: '4.7\u00A0trillion' }], style, 20, width);
    expect(glued.brokenWord).toBe('4.7\u00A0trillion'); // one unbreakable piece wider than the line
  });
  it('treats a word wider than its box as not fitting, but lets an address break', () => {
    const req = { widthIn: 1, heightIn: 5, range: [10, 40] as const, style };
    const word = fitText({ ...req, paragraphs: [{ runs: [{ text: 'anniversary' }], level: 0 }] });
    expect(word.fits).toBe(true);
    expect(lineWidthIn([{ text: 'anniversary' }], style, word.sizePt)).toBeLessThanOrEqual(1);
    const tooLong = fitText({ ...req, range: [30, 40], paragraphs: [{ runs: [{ text: 'anniversary' }], level: 0 }] });
    expect(tooLong.fits).toBe(false);
    expect(Number.isFinite(tooLong.neededH)).toBe(true);
    const url = fitText({ ...req, range: [30, 40], paragraphs: [{ runs: [{ text: 'https://example.org/a/very/long/address' }], level: 0 }] });
    expect(url.fits).toBe(true);
  });
  it('follows the CJK line-breaking rules: no line starts with a unit or closing punctuation, a number keeps its unit', () => {
    const one = (text: string) => lineWidthIn([{ text }], style, 20) * 72;
    // Room for "89,755亿" but not for "元": the break may not fall before 元, so 亿元 goes down with 89,755.
    const w = one('收入89,755亿') + 2;
    const r = wrap([{ text: '收入89,755亿元' }], style, 20, w / 0.96);
    expect(r.lines).toBe(2);
    expect(Math.abs(r.widest - one('89,755亿元'))).toBeLessThan(1);
    // A closing bracket or full stop stays on the line it closes.
    const s = wrap([{ text: '开发区（经开区）。' }], style, 20, (one('开发区（经开区') + 1) / 0.96);
    expect(s.lines).toBe(2);
    expect(Math.abs(s.widest - one('开发区（经开'))).toBeLessThan(1);
  });
});

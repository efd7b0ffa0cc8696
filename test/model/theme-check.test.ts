import { describe, expect, it } from 'vitest';
import {
  adjustForContrast,
  contrastRatio,
  deltaE,
  deltaE2000Lab,
  labToHex,
  parseHex,
  relativeLuminance,
  simulateColorBlind,
  toLab,
} from '../../src/model/color.js';
import { checkTheme, MIN_CVD_DELTA_E, MIN_PALETTE_DELTA_E, TEXT_PAIRS } from '../../src/model/theme-check.js';
import { THEMES } from '../../src/model/themes.js';
import type { Theme } from '../../src/model/types.js';
import { contrastRatio as chartContrastRatio } from '../../src/render/style.js';

const briefing = THEMES.briefing!;
/** The briefing theme with a palette that passes every check, so each test sees only its own problem. */
const base: Theme = { ...briefing, palette: ['#1F4E79', '#C8741B', '#2F8F6B', '#8E3B8E', '#5B8DB8', '#B5472F'] };
const withColors = (colors: Partial<Theme['colors']>): Theme => ({ ...base, colors: { ...base.colors, ...colors } });
const withPalette = (palette: string[]): Theme => ({ ...base, palette });
const sim = (a: string, b: string, kind: 'deutan' | 'protan'): number => deltaE(simulateColorBlind(a, kind), simulateColorBlind(b, kind));

describe('colour formulas', () => {
  it('parses the hex forms a theme may use and nothing else', () => {
    expect(parseHex('#1F4E79')).toEqual([31, 78, 121]);
    expect(parseHex('1f4e79')).toEqual([31, 78, 121]);
    expect(parseHex('#abc')).toEqual([170, 187, 204]);
    for (const bad of ['', '#12345', '#1234567', '#GGGGGG', 'red', 'rgb(0,0,0)', '#1F4E79FF']) expect(parseHex(bad)).toBeUndefined();
  });

  it('computes WCAG luminance and contrast', () => {
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeLessThan(4.5);
    expect(contrastRatio('#767676', '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#1F4E79', '#1F4E79')).toBe(1);
  });

  it('agrees with the chart module on contrast', () => {
    for (const [a, b] of [['#777777', '#FFFFFF'], ['#0A0A0A', '#0B0B0B'], ['#5FB3F9', '#0F1B2D'], ['#D9822B', '#EEF3F8']] as const) {
      expect(contrastRatio(a, b)).toBeCloseTo(chartContrastRatio(a, b), 12);
    }
  });

  it('converts sRGB to CIE Lab (D65) and back', () => {
    const close = (got: number[], want: number[], digits: number): void => got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, digits));
    close(toLab('#FFFFFF'), [100, 0, 0], 3);
    close(toLab('#000000'), [0, 0, 0], 6);
    close(toLab('#FF0000'), [53.24, 80.09, 67.2], 1);
    close(toLab('#0000FF'), [32.3, 79.19, -107.86], 1);
    for (const hex of ['#1F4E79', '#D9822B', '#EEF3F8', '#0F1B2D', '#7BD389']) expect(labToHex(toLab(hex))).toBe(hex);
  });

  it('computes CIEDE2000 as in Sharma, Wu & Dalal (2005)', () => {
    // Rows 1, 2, 4, 7, 9, 11, 13, 17, 19 and 25 of their Table 1, including the hue-wrap cases.
    const pairs: [[number, number, number], [number, number, number], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
      [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
      [[50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [56, -27, -3], 31.903],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    ];
    for (const [a, b, want] of pairs) {
      expect(Math.abs(deltaE2000Lab(a, b) - want)).toBeLessThan(1e-3);
      expect(Math.abs(deltaE2000Lab(b, a) - want)).toBeLessThan(1e-3);
    }
    expect(deltaE('#1F4E79', '#1F4E79')).toBe(0);
    expect(deltaE('#000000', '#FFFFFF')).toBeCloseTo(100, 4);
  });

  it('simulates colour-vision deficiency (Machado 2009): greys stay, red and green meet under deutan', () => {
    for (const kind of ['protan', 'deutan', 'tritan'] as const) {
      expect(simulateColorBlind('#FFFFFF', kind)).toBe('#FFFFFF');
      expect(simulateColorBlind('#000000', kind)).toBe('#000000');
      expect(deltaE(simulateColorBlind('#808080', kind), '#808080')).toBeLessThan(0.5);
    }
    expect(deltaE('#D62728', '#2CA02C')).toBeGreaterThan(60);
    expect(sim('#D62728', '#2CA02C', 'deutan')).toBeLessThan(MIN_CVD_DELTA_E);
    // Blue against orange stays far apart for every deficiency.
    for (const kind of ['protan', 'deutan'] as const) expect(sim('#1F4E79', '#D9822B', kind)).toBeGreaterThan(30);
    expect(deltaE(simulateColorBlind('#1F4E79', 'tritan'), simulateColorBlind('#D9822B', 'tritan'))).toBeGreaterThan(30);
  });

  it('finds the nearest lightness that reaches a contrast', () => {
    const c = adjustForContrast('#8A94A6', ['#FFFFFF'], 4.5)!;
    expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c, '#FFFFFF')).toBeLessThan(4.7);
    expect(toLab(c)[0]).toBeLessThan(toLab('#8A94A6')[0]);
    const light = adjustForContrast('#3A4A5C', ['#0F1B2D'], 4.5)!;
    expect(toLab(light)[0]).toBeGreaterThan(toLab('#3A4A5C')[0]);
    expect(contrastRatio(light, '#0F1B2D')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('checkTheme', () => {
  it('passes both built-in themes', () => {
    expect(Object.keys(THEMES).sort()).toEqual(['briefing', 'midnight']);
    for (const theme of Object.values(THEMES)) expect(checkTheme(theme), theme.name).toEqual([]);
  });

  it('rejects the orange briefing used to have (#D9822B, 2.92:1 on white) for chart marks', () => {
    const palette = [...briefing.palette];
    palette[1] = '#D9822B';
    expect(checkTheme({ ...briefing, palette }).map((i) => [i.code, i.key])).toEqual([['palette-low-contrast', 'palette[1]']]);
  });

  it('passes the test base theme, so that each failure below is caused by its own change', () => {
    expect(checkTheme(base)).toEqual([]);
  });

  it('lists only real colour keys in TEXT_PAIRS, and covers every text colour', () => {
    const keys = Object.keys(base.colors);
    for (const p of TEXT_PAIRS) {
      expect(keys).toContain(p.text);
      expect(keys).toContain(p.on);
    }
    const pairs = TEXT_PAIRS.map((p) => `${p.text}/${p.on}`);
    for (const p of ['text/background', 'muted/background', 'titleText/background', 'accent/background', 'sectionText/sectionBackground', 'cardText/card', 'muted/card']) {
      expect(pairs).toContain(p);
    }
  });

  it('reports muted text too light, on the background and on cards, with a colour that passes', () => {
    const issues = checkTheme(withColors({ muted: '#8A94A6' }));
    expect(issues.map((i) => [i.code, i.key])).toEqual([
      ['low-contrast', 'colors.muted'],
      ['low-contrast', 'colors.muted'],
    ]);
    const [onBg, onCard] = issues;
    expect(onBg!.message).toBe(
      'colors.muted #8A94A6 on colors.background #FFFFFF has contrast 3.05:1; text needs at least 4.5:1 (footer, slide number, footnotes, captions, quote attribution, timeline notes)',
    );
    expect(onCard!.message).toContain('on colors.card #EEF3F8');
    const suggested = /darken colors\.muted to about (#[0-9A-F]{6})$/.exec(onBg!.hint)?.[1];
    expect(suggested).toBeDefined();
    // One suggestion that works on both fills muted text is drawn on.
    expect(contrastRatio(suggested!, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(suggested!, '#EEF3F8')).toBeGreaterThanOrEqual(4.5);
    expect(onCard!.hint).toBe(onBg!.hint);
    expect(checkTheme(withColors({ muted: suggested! }))).toEqual([]);
  });

  it('reports each failing pair by the text key, and lightens on dark fills', () => {
    expect(checkTheme(withColors({ sectionText: '#3A5A80' })).map((i) => i.key)).toEqual(['colors.sectionText']);
    expect(checkTheme(withColors({ accent: '#6FA8DC' })).map((i) => i.key)).toEqual(['colors.accent']);
    const onCard = checkTheme(withColors({ card: '#52606D' }));
    expect(onCard.map((i) => i.key)).toEqual(['colors.cardText', 'colors.muted']); // tables have no stripes: body text is never on a card
    for (const i of onCard) expect(i.message).toContain('on colors.card #52606D');
    const dark = THEMES.midnight!;
    const issues = checkTheme({ ...dark, colors: { ...dark.colors, muted: '#52606D' } });
    expect(issues.map((i) => i.key)).toEqual(['colors.muted', 'colors.muted']);
    expect(issues[0]!.hint).toMatch(/^lighten colors\.muted to about #[0-9A-F]{6}$/);
  });

  it('reports two near-identical blues in the palette', () => {
    const palette = ['#1F4E79', '#22517D', '#C8741B', '#2F8F6B'];
    expect(deltaE(palette[0]!, palette[1]!)).toBeLessThan(MIN_PALETTE_DELTA_E);
    const issues = checkTheme(withPalette(palette));
    expect(issues.map((i) => [i.code, i.key])).toEqual([['palette-too-similar', 'palette[1]']]);
    expect(issues[0]!.message).toMatch(/^palette\[1\] #22517D and palette\[0\] #1F4E79 differ by only ΔE00 \d\.\d/);
    // The suggested replacement clears the check.
    const suggested = /(#[0-9A-F]{6})/.exec(issues[0]!.hint)?.[1];
    expect(suggested).toBeDefined();
    expect(checkTheme(withPalette(['#1F4E79', suggested!, '#C8741B', '#2F8F6B']))).toEqual([]);
  });

  it('reports near-identical colours that are not neighbours too', () => {
    const issues = checkTheme(withPalette(['#1F4E79', '#C8741B', '#22517D', '#2F8F6B']));
    expect(issues.map((i) => [i.code, i.key])).toEqual([['palette-too-similar', 'palette[2]']]);
    expect(issues[0]!.message).toContain('palette[0] #1F4E79');
  });

  it('reports a red/green pair that collapses for deuteranopes only when they are neighbours', () => {
    const adjacent = checkTheme(withPalette(['#1F4E79', '#D62728', '#2CA02C', '#8E3B8E', '#C8741B']));
    expect(adjacent.map((i) => [i.code, i.key])).toEqual([['palette-too-similar', 'palette[2]']]);
    expect(adjacent[0]!.message).toContain('palette[1] #D62728');
    expect(adjacent[0]!.message).toContain('deuteranopia');
    // Apart, with blue and purple between them, the same two colours are accepted.
    expect(checkTheme(withPalette(['#D62728', '#1F4E79', '#2CA02C', '#8E3B8E', '#C8741B']))).toEqual([]);
  });

  it('treats the last and first palette colours as neighbours (series cycle through the palette)', () => {
    const issues = checkTheme(withPalette(['#2CA02C', '#1F4E79', '#C8741B', '#8E3B8E', '#D62728']));
    expect(issues.map((i) => [i.code, i.key])).toEqual([['palette-too-similar', 'palette[4]']]);
    expect(issues[0]!.message).toContain('palette[0] #2CA02C');
    // With two colours there is no wrap-around pair beyond the one pair itself.
    expect(checkTheme(withPalette(['#1F4E79', '#C8741B']))).toEqual([]);
  });

  it('reports palette colours too faint on the background (non-text contrast 3:1)', () => {
    const issues = checkTheme(withPalette(['#1F4E79', '#D9822B', '#2F8F6B']));
    expect(issues.map((i) => [i.code, i.key])).toEqual([['palette-low-contrast', 'palette[1]']]);
    expect(issues[0]!.message).toBe('palette[1] #D9822B on colors.background #FFFFFF has contrast 2.92:1; chart marks need at least 3:1');
    const suggested = /darken palette\[1\] to about (#[0-9A-F]{6})$/.exec(issues[0]!.hint)?.[1];
    expect(contrastRatio(suggested!, '#FFFFFF')).toBeGreaterThanOrEqual(3);
  });

  it('needs at least two palette colours', () => {
    expect(checkTheme(withPalette(['#1F4E79'])).map((i) => [i.code, i.key])).toEqual([['palette-too-similar', 'palette']]);
    expect(checkTheme(withPalette([])).map((i) => [i.code, i.key])).toEqual([['palette-too-similar', 'palette']]);
  });

  it('reports malformed colours and skips the checks that need them', () => {
    const issues = checkTheme(withColors({ muted: 'grey', background: '#FFFFF' }));
    expect(issues.map((i) => [i.code, i.key])).toEqual([
      ['bad-color', 'colors.background'],
      ['bad-color', 'colors.muted'],
    ]);
    expect(issues[1]!.message).toBe('colors.muted is "grey", not a hex colour');
    const missing = checkTheme({ ...base, colors: { ...base.colors, grid: undefined as unknown as string } });
    expect(missing).toEqual([expect.objectContaining({ code: 'bad-color', key: 'colors.grid', message: 'colors.grid is missing, not a hex colour' })]);
    const palette = checkTheme(withPalette(['#1F4E79', '#12G456', '#2F8F6B']));
    expect(palette.map((i) => [i.code, i.key])).toEqual([['bad-color', 'palette[1]']]);
  });
});

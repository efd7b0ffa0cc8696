// Sizes, fonts and colours of a chart at its placed size. Pure: numbers and strings only.
//
// Units: chart.js works in CSS pixels (96 per inch) and draws at `DEVICE_PIXEL_RATIO` device pixels per CSS
// pixel, so the PNG is twice the placed size at 96 px/in. A point is 1/72 in, so 12 pt = 16 CSS px.
import { fontStack } from '../font-faces.js';
import { contrastRatio, parseHex as parseColor, relativeLuminance } from '../model/color.js';
import type { Theme } from '../model/types.js';

export const CSS_PX_PER_IN = 96;
export const DEVICE_PIXEL_RATIO = 2;
/** Smallest text on a chart, in points at the placed size. */
export const MIN_TEXT_PT = 12;

export interface PlacedSize {
  widthIn: number;
  heightIn: number;
}

/** CSS pixels for a size in points. */
export function ptToPx(pt: number): number {
  return Math.round(((pt * CSS_PX_PER_IN) / 72) * 100) / 100;
}

/** Pixel size of the PNG for a placed size: 2× at 96 px/in. */
export function pngPixelSize(size: PlacedSize): { widthPx: number; heightPx: number } {
  return {
    widthPx: Math.max(2, Math.round(size.widthIn * CSS_PX_PER_IN * DEVICE_PIXEL_RATIO)),
    heightPx: Math.max(2, Math.round(size.heightIn * CSS_PX_PER_IN * DEVICE_PIXEL_RATIO)),
  };
}

export interface ChartStyle {
  family: string;
  /** Placed size in CSS pixels (may be fractional by half a pixel). */
  widthPx: number;
  heightPx: number;
  text: string;
  grid: string;
  /** The zero line of a value axis that has negative values. */
  zeroLine: string;
  background: string;
  /** Text drawn on dark fills. */
  light: string;
  /** Text drawn on light fills. */
  dark: string;
  palette: string[];
  /** Font sizes in CSS px. */
  tickPx: number;
  legendPx: number;
  axisTitlePx: number;
  dataLabelPx: number;
  titlePx: number;
  subtitlePx: number;
}

export function chartStyle(theme: Theme, size: PlacedSize): ChartStyle {
  const { widthPx, heightPx } = pngPixelSize(size);
  // A full-width chart is seen from further away relative to its text: give it a step more.
  const large = size.widthIn >= 9 && size.heightIn >= 4;
  const basePt = large ? 16 : 14;
  const dark = pickDark(theme);
  return {
    family: fontStack(theme.bodyFont, theme.faces),
    widthPx: widthPx / DEVICE_PIXEL_RATIO,
    heightPx: heightPx / DEVICE_PIXEL_RATIO,
    text: theme.colors.text,
    grid: theme.colors.grid,
    zeroLine: theme.colors.muted,
    background: theme.colors.background,
    light: '#FFFFFF',
    dark,
    palette: theme.palette.length > 0 ? theme.palette : [theme.colors.accent, theme.colors.accent2],
    tickPx: ptToPx(basePt),
    legendPx: ptToPx(basePt),
    axisTitlePx: ptToPx(14),
    dataLabelPx: ptToPx(basePt),
    titlePx: ptToPx(large ? 20 : 18),
    subtitlePx: ptToPx(14),
  };
}

/** The darker of the theme's text colours, for labels on light fills. */
function pickDark(theme: Theme): string {
  const candidates = [theme.colors.text, theme.colors.cardText, theme.colors.titleText, '#1A1A1A'];
  let best = '#1A1A1A';
  let bestLum = relativeLuminance(best);
  for (const c of candidates) {
    const l = relativeLuminance(c);
    if (l < bestLum) {
      best = c;
      bestLum = l;
    }
  }
  return best;
}

/** The colour of series `i`, cycling through the palette. */
export function paletteColor(style: Pick<ChartStyle, 'palette'>, i: number): string {
  return style.palette[i % style.palette.length] ?? '#1F4E79';
}

/** [r, g, b] 0-255 of "#RGB", "#RRGGBB" or "RRGGBB"; black when unreadable. */
export function parseHex(color: string): [number, number, number] {
  return parseColor(color ?? '') ?? [0, 0, 0];
}

/** `a` moved a fraction `t` of the way towards `b`, as #RRGGBB (opaque, so legend keys match the fills). */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return `#${x.map((c, i) => Math.round(c + (y[i]! - c) * t).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/**
 * `color` as text on `background`: itself when it has 4.5:1 contrast (WCAG AA), else moved towards
 * `ink` (the text colour) just far enough, so that it keeps its hue but stays readable.
 */
export function readableOn(color: string, background: string, ink: string): string {
  if (contrastRatio(color, background) >= 4.5) return color;
  for (let t = 0.1; t < 1; t += 0.1) {
    const c = mix(color, ink, t);
    if (contrastRatio(c, background) >= 4.5) return c;
  }
  return ink;
}

/** CSS colour with alpha, e.g. for area fills. */
export function withAlpha(color: string, alpha: number): string {
  const [r, g, b] = parseHex(color);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export { contrastRatio, relativeLuminance as luminance };

/** Whichever of `light` and `dark` reads better on `fill`. */
export function contrastText(fill: string, light: string, dark: string): string {
  return contrastRatio(fill, light) >= contrastRatio(fill, dark) ? light : dark;
}

/**
 * Rough width of text in CSS px, calibrated on Carlito and Arimo (errs a few % on the wide side). Pure
 * on purpose: configs are computed without a canvas; chart.js measures exactly when it draws.
 */
export function estimateTextPx(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[MW]/.test(ch)) em += 0.9;
    else if (/[mw]/.test(ch)) em += 0.76;
    else if (/[A-Z]/.test(ch)) em += 0.62;
    else if (/[0-9$%#]/.test(ch)) em += /[%]/.test(ch) ? 0.75 : 0.53;
    else if (/[ijltfr.,:;'|!() \-]/.test(ch)) em += 0.3;
    else if (ch.charCodeAt(0) > 0x2e7f) em += 1; // CJK and other wide scripts
    else em += 0.5;
  }
  return em * fontPx;
}

/**
 * Greedy word wrap to `maxPx`. Returns the string itself when it fits on one line, else its lines
 * (chart.js draws a string[] label on several lines). A single word longer than a line stays whole.
 */
export function wrapLabel(text: string, maxPx: number, fontPx: number, maxLines = 3): string | string[] {
  if (estimateTextPx(text, fontPx) <= maxPx) return text;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateTextPx(next, fontPx) > maxPx) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    // Never cut words silently: fold the rest onto the last allowed line.
    const head = lines.slice(0, maxLines - 1);
    head.push(lines.slice(maxLines - 1).join(' '));
    return head;
  }
  return lines.length === 1 ? lines[0]! : lines;
}

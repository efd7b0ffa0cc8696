// Checks a theme before any slide is drawn: is every text colour readable on what it is drawn on, and can
// chart series be told apart, also by colour-blind readers? Pure: returns issues, prints nothing.
import { adjustForContrast, contrastRatio, deltaE, labToHex, parseHex, simulateColorBlind, toLab, type ColorBlindness } from './color.js';
import type { Theme, ThemeColors } from './types.js';

export type ThemeIssueCode = 'low-contrast' | 'palette-too-similar' | 'palette-low-contrast' | 'bad-color';

export interface ThemeIssue {
  code: ThemeIssueCode;
  /** Path inside the theme of the colour to change, e.g. 'colors.muted' or 'palette[2]'. */
  key: string;
  message: string;
  hint: string;
}

export interface TextPair {
  text: keyof ThemeColors;
  on: keyof ThemeColors;
  where: string;
}

/** Every text colour with the fill it is drawn on, as the layout code does it (src/layout/slides). */
export const TEXT_PAIRS: readonly TextPair[] = [
  { text: 'text', on: 'background', where: 'body text: bullets, agenda items, stat intro, timeline, sources, table rows, chart text' },
  { text: 'muted', on: 'background', where: 'footer, slide number, footnotes, captions, quote attribution, timeline notes' },
  { text: 'titleText', on: 'background', where: 'slide titles, quotes and table headers' },
  { text: 'accent', on: 'background', where: 'agenda numbers and timeline dates' },
  { text: 'sectionText', on: 'sectionBackground', where: 'title, section and closing slides' },
  { text: 'cardText', on: 'card', where: 'stat card numbers and labels' },
  { text: 'muted', on: 'card', where: 'stat card units, labels and notes' },
];

/** WCAG 2.x SC 1.4.3 (AA) for normal-size text; titles are large but footers and notes are 10–13 pt. */
export const MIN_TEXT_CONTRAST = 4.5;
/** WCAG 2.x SC 1.4.11: graphical objects needed to understand content (bars, lines, slices) vs. background. */
export const MIN_GRAPHIC_CONTRAST = 3;
/**
 * CIEDE2000 between any two palette colours. ΔE00 ≈ 1 is just noticeable for large patches seen side by
 * side; chart marks are small (legend swatches, 2 px lines) and are matched to the legend from a distance,
 * and small areas need several times the difference (Stone, Szafir & Setlur 2014), so 10 asks for colours
 * that are different at a glance, not merely distinguishable.
 */
export const MIN_PALETTE_DELTA_E = 10;
/**
 * CIEDE2000 between neighbouring palette colours under protan and deutan simulation (together about 8% of
 * men). Lower than for normal vision because the simulation is an approximation and neighbours are
 * compared directly (shared edge), but still well above noticeable.
 */
export const MIN_CVD_DELTA_E = 6;
/** The deficiencies checked for neighbouring palette colours; tritan (≈0.01%) is left out. */
export const CVD_CHECKED: readonly ColorBlindness[] = ['deutan', 'protan'];

const CVD_NAME: Record<ColorBlindness, string> = { protan: 'protanopia', deutan: 'deuteranopia', tritan: 'tritanopia' };

export function checkTheme(theme: Theme): ThemeIssue[] {
  const issues: ThemeIssue[] = [];
  const colors = (theme.colors ?? {}) as unknown as Record<string, unknown>;
  const valid = new Set<string>();
  for (const key of COLOR_KEYS) {
    const value = colors[key];
    if (typeof value === 'string' && parseHex(value)) valid.add(key);
    else issues.push(badColor(`colors.${key}`, value));
  }

  const hex = (key: keyof ThemeColors): string => (theme.colors as unknown as Record<string, string>)[key]!;
  for (const pair of TEXT_PAIRS) {
    if (!valid.has(pair.text) || !valid.has(pair.on)) continue;
    const fg = hex(pair.text);
    const bg = hex(pair.on);
    const ratio = contrastRatio(fg, bg);
    if (ratio >= MIN_TEXT_CONTRAST) continue;
    // Suggest one colour that works on every fill this text colour is drawn on, if there is one.
    const fills = TEXT_PAIRS.filter((p) => p.text === pair.text && valid.has(p.on)).map((p) => hex(p.on));
    const better = adjustForContrast(fg, fills, MIN_TEXT_CONTRAST) ?? adjustForContrast(fg, [bg], MIN_TEXT_CONTRAST);
    issues.push({
      code: 'low-contrast',
      key: `colors.${pair.text}`,
      message: `colors.${pair.text} ${fg} on colors.${pair.on} ${bg} has contrast ${ratioText(ratio)}; text needs at least ${MIN_TEXT_CONTRAST}:1 (${pair.where})`,
      hint: better
        ? `${toLab(better)[0] < toLab(fg)[0] ? 'darken' : 'lighten'} colors.${pair.text} to about ${better}`
        : `change colors.${pair.text} or colors.${pair.on} so that they differ more in lightness`,
    });
  }

  checkPalette(theme, valid.has('background') ? hex('background') : undefined, issues);
  return issues;
}

const COLOR_KEYS: readonly (keyof ThemeColors)[] = [
  'background',
  'text',
  'muted',
  'accent',
  'accent2',
  'titleText',
  'sectionBackground',
  'sectionText',
  'card',
  'cardText',
  'grid',
];

function checkPalette(theme: Theme, background: string | undefined, issues: ThemeIssue[]): void {
  const raw: unknown[] = Array.isArray(theme.palette) ? theme.palette : [];
  const palette: (string | undefined)[] = raw.map((c, i) => {
    if (typeof c === 'string' && parseHex(c)) return c;
    issues.push(badColor(`palette[${i}]`, c));
    return undefined;
  });
  if (raw.length < 2) {
    issues.push({
      code: 'palette-too-similar',
      key: 'palette',
      message: `the chart palette has ${raw.length} colour${raw.length === 1 ? '' : 's'}; charts with several series need at least 2`,
      hint: 'give the palette at least 2 (better 5–6) colours that differ in hue and lightness',
    });
  }

  palette.forEach((c, i) => {
    if (!c || !background) return;
    const ratio = contrastRatio(c, background);
    if (ratio >= MIN_GRAPHIC_CONTRAST) return;
    const better = adjustForContrast(c, [background], MIN_GRAPHIC_CONTRAST);
    issues.push({
      code: 'palette-low-contrast',
      key: `palette[${i}]`,
      message: `palette[${i}] ${c} on colors.background ${background} has contrast ${ratioText(ratio)}; chart marks need at least ${MIN_GRAPHIC_CONTRAST}:1`,
      hint: better
        ? `${toLab(better)[0] < toLab(c)[0] ? 'darken' : 'lighten'} palette[${i}] to about ${better}`
        : `change palette[${i}] so that it differs more in lightness from the background`,
    });
  });

  for (let j = 1; j < palette.length; j++) {
    for (let i = 0; i < j; i++) {
      const problem = pairProblem(palette, i, j);
      if (!problem) continue;
      const better = suggestPaletteColor(palette, j, background);
      issues.push({
        code: 'palette-too-similar',
        key: `palette[${j}]`,
        message: `palette[${j}] ${palette[j]} and palette[${i}] ${palette[i]} ${problem}`,
        hint: better
          ? `make palette[${j}] ${toLab(better)[0] < toLab(palette[j]!)[0] ? 'darker' : 'lighter'}, e.g. ${better}, or pick another hue`
          : `change palette[${j}] in lightness as well as hue, so that it stands apart from palette[${i}]`,
      });
    }
  }
}

/**
 * Chart series take palette colours in order and cycle, so i and i+1 are drawn side by side (bars,
 * stacked segments, pie slices), and so are the last and the first once a chart has more series than
 * colours, or when a pie has as many slices as there are colours.
 */
function adjacent(n: number, i: number, j: number): boolean {
  return j - i === 1 || (n >= 3 && i === 0 && j === n - 1);
}

/** Why palette[i] and palette[j] are too alike, or undefined when they are fine (or not both valid). */
function pairProblem(palette: readonly (string | undefined)[], i: number, j: number): string | undefined {
  const a = palette[i];
  const b = palette[j];
  if (!a || !b) return undefined;
  const d = deltaE(a, b);
  if (d < MIN_PALETTE_DELTA_E) {
    return `differ by only ΔE00 ${d.toFixed(1)}; chart series need at least ${MIN_PALETTE_DELTA_E} to be told apart`;
  }
  if (!adjacent(palette.length, i, j)) return undefined;
  for (const kind of CVD_CHECKED) {
    const dc = deltaE(simulateColorBlind(a, kind), simulateColorBlind(b, kind));
    if (dc < MIN_CVD_DELTA_E) {
      return `sit next to each other in charts but differ by only ΔE00 ${dc.toFixed(1)} under ${CVD_NAME[kind]} (simulated); neighbours need at least ${MIN_CVD_DELTA_E}`;
    }
  }
  return undefined;
}

/** The smallest change in lightness of palette[j] that clears every palette check it takes part in. */
function suggestPaletteColor(palette: readonly (string | undefined)[], j: number, background: string | undefined): string | undefined {
  const current = palette[j];
  if (!current) return undefined;
  const [L, a, b] = toLab(current);
  for (let step = 2; step <= 60; step += 2) {
    for (const dir of [-1, 1]) {
      const l = L + dir * step;
      if (l < 0 || l > 100) continue;
      const candidate = labToHex([l, a, b]);
      const trial = palette.map((c, k) => (k === j ? candidate : c));
      const clear = trial.every((_, k) => k === j || !pairProblem(trial, Math.min(j, k), Math.max(j, k)));
      if (clear && (!background || contrastRatio(candidate, background) >= MIN_GRAPHIC_CONTRAST)) return candidate;
    }
  }
  return undefined;
}

function badColor(key: string, value: unknown): ThemeIssue {
  return {
    code: 'bad-color',
    key,
    message: `${key} is ${value === undefined ? 'missing' : JSON.stringify(value)}, not a hex colour`,
    hint: `write ${key} as "#RRGGBB", e.g. "#1F4E79"`,
  };
}

/** A ratio rounded down, so that a failing ratio never prints as the threshold ("4.49:1", not "4.5:1"). */
function ratioText(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}

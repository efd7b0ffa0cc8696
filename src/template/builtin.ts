// The built-in templates (briefing, midnight, and custom themes built on them) as a TemplateModel, the
// same model a user's template is read into: layout chooses and places from it alike, and emit writes it
// out as the deck's master, layouts and theme (emit/builtin-template.ts). A test reads the written parts
// back with the template reader and expects this model.
import type { Box } from '../geometry.js';
import type { Theme } from '../model/types.js';
import {
  DEFAULT_COLOR_MAP,
  type Background,
  type ColorMap,
  type ColorRole,
  type ColorValue,
  type Decoration,
  type LayoutInfo,
  type LevelStyle,
  type MasterInfo,
  type Placeholder,
  type PlaceholderType,
  type SchemeSlot,
  type TemplateModel,
  type TemplateTheme,
} from './model.js';

/** PowerPoint's widescreen slide: 12,192,000 × 6,858,000 EMU. */
export const BUILTIN_SLIDE = { w: 12_192_000 / 914_400, h: 7.5 } as const;
/** PowerPoint's own notes page: portrait 7.5 × 10 in. */
export const BUILTIN_NOTES = { w: 7.5, h: 10 } as const;

const M = 0.6;
const W = BUILTIN_SLIDE.w - 2 * M;

/** The grid every built-in layout shares, so that titles never jump between slides. */
export const GRID = {
  margin: M,
  contentW: W,
  title: { x: M, y: 0.35, w: W, h: 1.0 },
  titleRule: { x: M, y: 1.45, w: 1.1, h: 0.06 },
  body: { x: M, y: 1.75, w: W, h: 4.7 },
  /** Derivation notes and the source line, bottom-aligned just above the footer rule. */
  notes: { x: M, y: 6.5, w: W, h: 0.34 },
  footerRule: { x: M, y: 6.9, w: W, h: 0 },
  footer: { x: M, y: 6.98, w: 8.2, h: 0.32 },
  date: { x: 8.95, y: 6.98, w: 2.9, h: 0.32 },
  slideNumber: { x: BUILTIN_SLIDE.w - M - 0.8, y: 6.98, w: 0.8, h: 0.32 },
  /** Title, section and closing slides. */
  feature: {
    bar: { x: M, y: 2.0, w: 0.12, h: 3.2 },
    title: { x: M + 0.45, y: 1.9, w: W - 0.9, h: 2.0 },
    subtitle: { x: M + 0.45, y: 4.05, w: W - 0.9, h: 1.0 },
    byline: { x: M + 0.45, y: 5.35, w: W - 0.9, h: 0.6 },
  },
  gutter: 0.35,
} as const satisfies Record<string, unknown>;

/** Line height of a face at single spacing, as a multiple of its size (what measuring uses). */
export type LineHeightOf = (face: string) => number;

/** Where the built-in theme's colours sit in the colour scheme, and which role each deck colour plays. */
export function builtinScheme(theme: Theme): { colors: Record<SchemeSlot, string>; map: ColorMap; dark: boolean } {
  const c = theme.colors;
  const dark = isDark(c.background);
  const palette = Array.from({ length: 6 }, (_, i) => theme.palette[i % theme.palette.length]!);
  // A dark theme keeps dark colours in the dark slots and maps the background onto them (bg1 → dk1), as
  // PowerPoint's own dark themes do, so text a user inserts comes out light.
  const colors: Record<SchemeSlot, string> = {
    dk1: dark ? c.background : c.text,
    lt1: dark ? c.text : c.background,
    dk2: dark ? c.card : c.titleText,
    lt2: dark ? c.titleText : c.card,
    accent1: palette[0]!,
    accent2: palette[1]!,
    accent3: palette[2]!,
    accent4: palette[3]!,
    accent5: palette[4]!,
    accent6: palette[5]!,
    hlink: c.accent,
    folHlink: c.muted,
  };
  const map: ColorMap = dark ? { ...DEFAULT_COLOR_MAP, bg1: 'dk1', tx1: 'lt1', bg2: 'dk2', tx2: 'lt2' } : DEFAULT_COLOR_MAP;
  return { colors, map, dark };
}

/** The colour role (bg1, tx1, accent1, …) that names this #RRGGBB under a colour map, if any. */
export function roleOf(hex: string, colors: Record<SchemeSlot, string>, map: ColorMap): ColorRole | undefined {
  const want = hex.toUpperCase();
  const order: ColorRole[] = ['tx1', 'bg1', 'tx2', 'bg2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink'];
  return order.find((role) => colors[map[role]].toUpperCase() === want);
}

export function isDark(hex: string): boolean {
  const n = parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** The built-in template for a theme. */
export function builtinTemplate(theme: Theme, lineHeightOf: LineHeightOf): TemplateModel {
  const scheme = builtinScheme(theme);
  const tmTheme: TemplateTheme = {
    name: theme.name,
    colors: scheme.colors,
    major: { latin: theme.headingFont, ea: theme.eastAsianFont, scripts: scriptFaces(theme.eastAsianFont) },
    minor: { latin: theme.bodyFont, ea: theme.eastAsianFont, scripts: scriptFaces(theme.eastAsianFont) },
  };
  const color = (hex: string, map: ColorMap): ColorValue => {
    const role = roleOf(hex, scheme.colors, map);
    return role ? { hex: hex.toUpperCase(), role } : { hex: hex.toUpperCase() };
  };
  const c = theme.colors;
  const map = scheme.map;
  const featureMap: ColorMap = isDark(c.sectionBackground) && !scheme.dark ? { ...DEFAULT_COLOR_MAP, bg1: 'dk1', tx1: 'lt1', bg2: 'dk2', tx2: 'lt2' } : map;

  const level = (face: string, sizePt: number, hex: string, m: ColorMap, extra: Partial<LevelStyle> = {}): LevelStyle => ({
    sizePt,
    font: face,
    eaFont: theme.eastAsianFont,
    bold: false,
    italic: false,
    color: color(hex, m),
    align: 'l',
    marginIn: 0,
    indentIn: 0,
    lineSpacing: { pt: round1(sizePt * lineHeightOf(face)) },
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    bullet: { kind: 'none' },
    caps: 'none',
    ...extra,
  });
  const nine = (first: LevelStyle[], rest: LevelStyle): LevelStyle[] => [...first, ...Array.from({ length: 9 - first.length }, () => rest)];

  const [, titleMax] = theme.sizes.title;
  const [, bodyMax] = theme.sizes.body;
  const titleLevels = nine([], level(theme.headingFont, titleMax, c.titleText, map, { bold: true }));
  const bulletIndent = (sizePt: number, lvl: number) => (sizePt * 0.9 * (lvl + 1)) / 72;
  const bodyLevel = (lvl: number): LevelStyle => {
    const size = lvl === 0 ? bodyMax : Math.round(bodyMax * 0.9 * 2) / 2;
    return level(theme.bodyFont, size, c.text, map, {
      marginIn: bulletIndent(bodyMax, lvl),
      indentIn: -(bodyMax * 0.9) / 72,
      spaceBeforePt: Math.round(bodyMax * (lvl === 0 ? 0.55 : 0.25)),
      bullet: { kind: 'char', char: lvl === 0 ? '•' : '–' },
    });
  };
  const bodyLevels = nine([bodyLevel(0)], bodyLevel(1));
  const otherLevels = nine([], level(theme.bodyFont, 18, c.text, map));
  // A layout placeholder states its first level; the others it inherits from the master's text style.
  const over = (base: LevelStyle[], first: LevelStyle): LevelStyle[] => [first, ...base.slice(1)];
  const small = (hex: string, m: ColorMap, align: LevelStyle['align'] = 'l'): LevelStyle[] => over(otherLevels, level(theme.bodyFont, 10, hex, m, { align }));
  const notesLevels = over(bodyLevels, level(theme.bodyFont, 10.5, c.muted, map));

  const ph = (type: PlaceholderType, idx: number, name: string, box: Box, levels: LevelStyle[], extra: Partial<Placeholder> = {}): Placeholder => ({
    type,
    idx,
    ambiguous: false,
    name,
    box: { ...box },
    insets: { l: 0, t: 0, r: 0, b: 0 },
    anchor: 't',
    autofit: 'none',
    wrap: true,
    vertical: false,
    levels,
    ...extra,
  });

  const footerPhs = (m: ColorMap): Placeholder[] => [
    ph('dt', 10, 'Date Placeholder', GRID.date, small(c.muted, m, 'r'), { anchor: 'ctr' }),
    ph('ftr', 11, 'Footer Placeholder', GRID.footer, small(c.muted, m), { anchor: 'ctr' }),
    ph('sldNum', 12, 'Slide Number Placeholder', GRID.slideNumber, small(c.muted, m, 'r'), { anchor: 'ctr' }),
  ];
  const title = ph('title', 0, 'Title', GRID.title, titleLevels, { anchor: 'b' });
  const body = ph('body', 1, 'Content Placeholder', GRID.body, bodyLevels, { autofit: 'norm' });
  const notes = ph('body', 13, 'Notes and Source', GRID.notes, notesLevels, { anchor: 'b' });

  const masterDecorations: Decoration[] = [
    { box: GRID.titleRule, kind: 'shape' },
    { box: GRID.footerRule, kind: 'shape' },
  ];
  const logo = logoBox(theme);
  if (logo) masterDecorations.push({ box: logo, kind: 'picture' });

  const background: Background = { hex: c.background.toUpperCase(), kind: 'solid' };
  const featureBackground: Background = { hex: c.sectionBackground.toUpperCase(), kind: 'solid' };
  const master: MasterInfo = {
    part: 'ppt/slideMasters/slideMaster1.xml',
    name: 'briefdeck',
    colorMap: map,
    theme: tmTheme,
    background,
    placeholders: [title, { ...body, idx: 1 }, ...footerPhs(map)],
    decorations: masterDecorations,
    textStyles: { title: titleLevels, body: bodyLevels, other: otherLevels },
  };

  const [, featureTitleMax] = [0, Math.round(titleMax * 1.5)];
  const featureText = (sizePt: number, bold: boolean): LevelStyle[] => over(bold ? titleLevels : bodyLevels, level(bold ? theme.headingFont : theme.bodyFont, sizePt, c.sectionText, featureMap, { bold }));
  const f = GRID.feature;
  const content = (name: string, type: string, phs: Placeholder[]): LayoutInfo => ({
    part: '',
    name,
    type,
    master: 0,
    placeholders: [...phs, ...footerPhs(map)],
    colorMap: map,
    background,
    decorations: masterDecorations,
    dark: scheme.dark,
  });
  const half = (GRID.body.w - GRID.gutter) / 2;
  const layouts: LayoutInfo[] = [
    {
      part: '',
      name: 'Title Slide',
      type: 'title',
      master: 0,
      placeholders: [
        ph('ctrTitle', 0, 'Title', f.title, featureText(featureTitleMax, true), { anchor: 'b' }),
        ph('subTitle', 1, 'Subtitle', f.subtitle, featureText(bodyMax + 2, false)),
        ph('body', 13, 'Byline', f.byline, featureText(16, false)),
        ...footerPhs(featureMap).map((p) => ({ ...p, levels: small(c.sectionText, featureMap, p.levels[0]!.align) })),
      ],
      colorMap: featureMap,
      background: featureBackground,
      decorations: [],
      dark: isDark(c.sectionBackground),
    },
    content('Title and Content', 'obj', [title, body, notes]),
    {
      part: '',
      name: 'Section Header',
      type: 'secHead',
      master: 0,
      placeholders: [
        ph('title', 0, 'Title', f.title, featureText(Math.round(titleMax * 1.33), true), { anchor: 'b' }),
        ph('body', 1, 'Text Placeholder', f.subtitle, featureText(bodyMax + 2, false)),
        ...footerPhs(featureMap).map((p) => ({ ...p, levels: small(c.sectionText, featureMap, p.levels[0]!.align) })),
      ],
      colorMap: featureMap,
      background: featureBackground,
      decorations: [],
      dark: isDark(c.sectionBackground),
    },
    content('Two Content', 'twoObj', [
      title,
      { ...body, idx: 1, name: 'Content Placeholder Left', box: { ...GRID.body, w: half } },
      { ...body, idx: 2, name: 'Content Placeholder Right', box: { ...GRID.body, x: GRID.body.x + half + GRID.gutter, w: half } },
      notes,
    ]),
    content('Title Only', 'titleOnly', [title, notes]),
    content('Picture with Caption', 'picTx', [
      title,
      ph('pic', 1, 'Picture Placeholder', { ...GRID.body, h: GRID.body.h - 0.55 }, bodyLevels),
      ph('body', 2, 'Caption', { ...GRID.body, y: GRID.body.y + GRID.body.h - 0.45, h: 0.45 }, over(bodyLevels, level(theme.bodyFont, 14, c.muted, map))),
      notes,
    ]),
    { ...content('Blank', 'blank', []), decorations: masterDecorations.slice(1) },
  ];
  layouts.forEach((l, i) => (l.part = `ppt/slideLayouts/slideLayout${i + 1}.xml`));

  return {
    name: theme.name,
    builtin: true,
    slideSize: { ...BUILTIN_SLIDE },
    notesSize: { ...BUILTIN_NOTES },
    theme: tmTheme,
    masters: [master],
    layouts,
  };
}

const LOGO_H = 0.5;
const LOGO_MAX_W = 1.8;

/** Top right of content slides, level with the bottom of the title. */
export function logoBox(theme: { logo?: { widthPx: number; heightPx: number } }): Box | undefined {
  if (!theme.logo) return undefined;
  const ratio = theme.logo.widthPx / theme.logo.heightPx;
  const w = Math.min(LOGO_MAX_W, LOGO_H * ratio);
  const h = w / ratio;
  return { x: BUILTIN_SLIDE.w - M - w, y: GRID.title.y + GRID.title.h - h, w, h };
}

/** Faces PowerPoint uses for Chinese, Japanese and Korean text by script, as Office's own themes list them. */
function scriptFaces(eastAsian: string): Record<string, string> {
  return { Hans: eastAsian, Hant: 'Microsoft JhengHei', Jpan: 'Yu Gothic', Hang: 'Malgun Gothic' };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

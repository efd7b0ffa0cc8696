// What every slide layout gets: the theme, the template and the layout chosen for the slide, a place for
// warnings, and helpers that place fitted text — in a layout placeholder (inheriting its box, insets,
// face, colour and size) or in a box of the layout's own.
import { Diagnostics, type Span } from '../diagnostics.js';
import type { Labels } from '../model/labels.js';
import type { FaceMap } from '../font-faces.js';
import type { DeckMeta, Slide, Theme } from '../model/types.js';
import type { LevelStyle, Placeholder, TemplateModel } from '../template/model.js';
import type { LayoutChoice } from '../template/choose.js';
import { fitText, lineHeightOf, singlePitch } from './measure.js';
import { MIN_LINE_SPACING } from './placed.js';
import { NO_INSETS, type Insets, type PlacedParagraph, type PlacedRun, type PlacedText, type TextRole } from './placed.js';
import type { TypeScale } from './type-scale.js';
import type { Box } from './units.js';

export interface LayoutContext {
  theme: Theme;
  meta: DeckMeta;
  labels: Labels;
  template: TemplateModel;
  /** The layout this slide is on, and the roles of its placeholders. */
  choice: LayoutChoice;
  diags: Diagnostics;
  /**
   * How large the slide is against the 13.33 in built-in one: fixed sizes and distances of free-placed
   * content scale by it (a 10 in 4:3 slide 0.75, Keynote's 26.67 in slide 2).
   */
  k: number;
  /** 1-based number of the slide being laid out. */
  number: number;
  slide: Slide;
  /** The deck's sizes for content titles and bullets, once chosen (absent while they are measured). */
  scale?: TypeScale;
}

export interface TextSpec {
  role: TextRole;
  /** The box; defaults to the placeholder's. */
  box?: Box;
  paragraphs: PlacedParagraph[];
  /** Defaults to the placeholder's first level colour. */
  color?: string;
  /** Allowed sizes; with a placeholder, the top is the size its layout sets (unless `fixed`). */
  range: readonly [number, number];
  /** Fill this layout placeholder: its box, insets, anchor and style are the defaults. */
  placeholder?: Placeholder;
  /** The placeholder is not on the slide's layout (see PlacedPlaceholder.inherits); default true. */
  inherits?: boolean;
  face?: string;
  bold?: boolean;
  italic?: boolean;
  align?: PlacedText['align'];
  valign?: PlacedText['valign'];
  /** Never wrapped by the application (a stat number that must not break where its face is wider). */
  noWrap?: boolean;
  insets?: Insets;
  maxLinesPerParagraph?: number;
  /** Set at the deck's size for content titles or bullets (see type-scale.ts) where the text allows. */
  scaled?: 'title' | 'body';
  /** What the text is, for the warning: "9 bullets", "the title". */
  what: string;
  span?: Span;
}

/** A size range in points, scaled to the slide. */
export const sized = (ctx: Pick<LayoutContext, 'k'>, r: readonly [number, number]): [number, number] => [Math.round(r[0] * ctx.k * 2) / 2, Math.round(r[1] * ctx.k * 2) / 2];

export const para = (text: PlacedRun[] | string, extra: Partial<PlacedParagraph> = {}): PlacedParagraph => ({
  runs: typeof text === 'string' ? [{ text }] : text,
  level: 0,
  ...extra,
});

const ALIGN: Record<LevelStyle['align'], PlacedText['align']> = { l: 'left', ctr: 'center', r: 'right', just: 'left', dist: 'left' };
const VALIGN: Record<Placeholder['anchor'], PlacedText['valign']> = { t: 'top', ctr: 'middle', b: 'bottom' };

/** Line pitch at a size for a level's spacing: exact points scale with the size, percentages with the face. */
export function levelPitch(level: LevelStyle | undefined, face: string, faces?: FaceMap): (sizePt: number) => number {
  if (!level) return singlePitch(face, faces);
  const spacing = level.lineSpacing;
  // Lines closer than 95% of single spacing collide where a taller face stands in (the glyphs of one
  // line reach into the next): tighter spacing in a template is loosened to that.
  const single = (s: number) => s * lineHeightOf(face, faces) * MIN_LINE_SPACING;
  if ('pt' in spacing) return (s) => Math.max(single(s), (spacing.pt * s) / level.sizePt);
  return (s) => s * lineHeightOf(face, faces) * Math.max(MIN_LINE_SPACING, spacing.pct);
}

/**
 * Fits the text into its box and warns, located at the outline, when even the smallest size is too big.
 * A text on the deck's type scale takes the deck's size where it fits, then the scale's next size, and
 * only then a size of its own.
 */
export function placeText(ctx: LayoutContext, spec: TextSpec): PlacedText {
  const sizes = spec.scaled === 'title' ? ctx.scale?.titles : spec.scaled === 'body' && ctx.scale?.body !== undefined ? [ctx.scale.body] : undefined;
  if (sizes?.length) {
    const quiet = { ...ctx, diags: new Diagnostics() };
    for (const s of sizes) {
      const at = placeFitted(quiet, { ...spec, range: [s, s] });
      if (at.fits) return at;
    }
    const last = sizes[sizes.length - 1]!;
    return placeFitted(ctx, { ...spec, range: [Math.min(spec.range[0], last), last] });
  }
  return placeFitted(ctx, spec);
}

/** What levelPitch and the bullet indents read from the level and placeholder (the face is in the text's key). */
function rulesKey(first: LevelStyle | undefined, ph: Placeholder | undefined, paragraphs: PlacedParagraph[]): string {
  const pitch = first ? `${'pt' in first.lineSpacing ? `${first.lineSpacing.pt}pt` : `${first.lineSpacing.pct}%`}/${first.sizePt}` : 'single';
  if (!ph) return pitch;
  // Only the levels fitting reads: a template's levels 2–9 are resolved when first read.
  const second = paragraphs.some((p) => p.bullet && p.level === 1) ? ph.levels[1]?.marginIn : undefined;
  return `${pitch}|${ph.levels[0]?.marginIn}|${second}`;
}

function placeFitted(ctx: LayoutContext, spec: TextSpec): PlacedText {
  const ph = spec.placeholder;
  const first = ph?.levels[0];
  const face = spec.face ?? first?.font ?? (spec.role === 'title' || spec.role === 'stat' ? ctx.theme.headingFont : ctx.theme.bodyFont);
  const bold = spec.bold ?? first?.bold ?? false;
  const italic = spec.italic ?? first?.italic ?? false;
  const box = spec.box ?? ph?.box;
  if (!box) throw new Error(`internal: ${spec.what} has neither a box nor a placeholder`);
  const insets = spec.insets ?? ph?.insets ?? NO_INSETS;
  const inner = { w: Math.max(0.1, box.w - insets.l - insets.r), h: Math.max(0.05, box.h - insets.t - insets.b) };
  // The layout's size is the largest a placeholder's text is set at; a smaller one only when it must.
  const top = first ? Math.max(spec.range[0], Math.min(spec.range[1], first.sizePt)) : spec.range[1];
  const range: [number, number] = [Math.min(spec.range[0], top), top];
  const style = { face, bold, italic, faces: ctx.theme.faces };
  const fit = fitText({
    paragraphs: spec.paragraphs,
    style,
    widthIn: inner.w,
    heightIn: inner.h,
    range,
    pitch: levelPitch(first, face, ctx.theme.faces),
    ...(ph ? { bulletIndentIn: (level: number) => ph.levels[level]?.marginIn ?? 0 } : {}),
    ...(spec.maxLinesPerParagraph !== undefined ? { maxLinesPerParagraph: spec.maxLinesPerParagraph } : {}),
    rulesKey: rulesKey(first, ph, spec.paragraphs),
  });
  const span = spec.span ?? ctx.slide.span;
  if (!fit.fits) {
    const title = ctx.slide.title ? ` '${ctx.slide.title}'` : '';
    const fitsButForWord = fit.tooWide !== undefined && fit.neededH <= inner.h;
    const what = fitsButForWord
      ? `in ${spec.what}, '${fit.tooWide}' is wider than its box (${inner.w.toFixed(1)} in) even at ${fit.sizePt} pt, so it would break mid-word`
      : `${spec.what} ${/^\d+ /.test(spec.what) && !/^1 /.test(spec.what) ? 'need' : 'needs'} ${fit.neededH.toFixed(1)} in at ${fit.sizePt} pt, the box holds ${inner.h.toFixed(1)} in`;
    ctx.diags.warn('text-overflow', `slide ${ctx.number}${title}: ${what}`, {
      span,
      path: `slides[${ctx.slide.index}]`,
      hint: fitsButForWord ? 'use a shorter word, or a hyphen or space where it may break' : 'split the slide or shorten the text',
    });
  }
  const color = spec.color ?? first?.color.hex ?? ctx.theme.colors.text;
  const placed: PlacedText = {
    type: 'text',
    role: spec.role,
    box,
    paragraphs: spec.paragraphs,
    fontFace: face,
    sizePt: fit.sizePt,
    color,
    align: spec.align ?? (first ? ALIGN[first.align] : 'left'),
    valign: spec.valign ?? (ph ? VALIGN[ph.anchor] : 'top'),
    linePitchPt: fit.linePitchPt,
    insets,
    neededH: fit.neededH + insets.t + insets.b,
    fits: fit.fits,
    span,
  };
  if (bold) placed.bold = true;
  if (italic) placed.italic = true;
  if (spec.noWrap) placed.noWrap = true;
  if (ph) placed.placeholder = { type: ph.type, idx: ph.idx, box: ph.box, anchor: ph.anchor, levels: ph.levels, inherits: spec.inherits ?? true, ...(ph.explicitText ? { explicitText: true } : {}) };
  if (spec.scaled) placed.scaled = spec.scaled;
  return placed;
}

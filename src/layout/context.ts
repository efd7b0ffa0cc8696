// What every slide layout gets: the theme, a place for warnings, and helpers that place fitted text.
import type { Diagnostics, Span } from '../diagnostics.js';
import type { DeckMeta, Slide, Theme } from '../model/types.js';
import { fitText } from './measure.js';
import type { PlacedParagraph, PlacedRun, PlacedText, TextRole } from './placed.js';
import type { Box } from './units.js';

export interface LayoutContext {
  theme: Theme;
  meta: DeckMeta;
  diags: Diagnostics;
  /** 1-based number of the slide being laid out. */
  number: number;
  slide: Slide;
}

export interface TextSpec {
  role: TextRole;
  box: Box;
  paragraphs: PlacedParagraph[];
  color: string;
  range: readonly [number, number];
  face?: string;
  bold?: boolean;
  italic?: boolean;
  align?: PlacedText['align'];
  valign?: PlacedText['valign'];
  maxLinesPerParagraph?: number;
  /** What the text is, for the warning: "9 bullets", "the title". */
  what: string;
  span?: Span;
}

export const para = (text: PlacedRun[] | string, extra: Partial<PlacedParagraph> = {}): PlacedParagraph => ({
  runs: typeof text === 'string' ? [{ text }] : text,
  level: 0,
  ...extra,
});

/** Fits the text into its box and warns, located at the outline, when even the smallest size is too big. */
export function placeText(ctx: LayoutContext, spec: TextSpec): PlacedText {
  const face = spec.face ?? (spec.role === 'title' || spec.role === 'stat' ? ctx.theme.headingFont : ctx.theme.bodyFont);
  const style = { face, bold: spec.bold ?? false, italic: spec.italic ?? false };
  const fit = fitText({
    paragraphs: spec.paragraphs,
    style,
    widthIn: spec.box.w,
    heightIn: spec.box.h,
    range: spec.range,
    ...(spec.maxLinesPerParagraph !== undefined ? { maxLinesPerParagraph: spec.maxLinesPerParagraph } : {}),
  });
  const span = spec.span ?? ctx.slide.span;
  if (!fit.fits) {
    const title = ctx.slide.title ? ` '${ctx.slide.title}'` : '';
    ctx.diags.warn('text-overflow', `slide ${ctx.number}${title}: ${spec.what} ${/^\d+ /.test(spec.what) && !/^1 /.test(spec.what) ? 'need' : 'needs'} ${fit.neededH.toFixed(1)} in at ${fit.sizePt} pt, the box holds ${spec.box.h.toFixed(1)} in`, {
      span,
      path: `slides[${ctx.slide.index}]`,
      hint: 'split the slide or shorten the text',
    });
  }
  const placed: PlacedText = {
    type: 'text',
    role: spec.role,
    box: spec.box,
    paragraphs: spec.paragraphs,
    fontFace: face,
    sizePt: fit.sizePt,
    color: spec.color,
    align: spec.align ?? 'left',
    valign: spec.valign ?? 'top',
    lineHeight: fit.lineHeight,
    neededH: fit.neededH,
    fits: fit.fits,
    span,
  };
  if (spec.bold) placed.bold = true;
  if (spec.italic) placed.italic = true;
  return placed;
}

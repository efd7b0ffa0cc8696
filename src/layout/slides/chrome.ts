// What every content slide shares: the title at one fixed position, the accent rule, the footnote for
// derived numbers, and the footer line (deck title · sources). The slide number comes from the master.
import type { Source } from '../../model/types.js';
import { para, placeText, type LayoutContext } from '../context.js';
import { bodyBox, footnoteBox, FOOTER_TEXT, GUTTER, logoBox, TITLE, TITLE_RULE } from '../grid.js';
import { lineWidthIn } from '../measure.js';
import type { PlacedElement } from '../placed.js';
import type { Box } from '../units.js';

const FOOTER_PT = 10;

export function sourceName(s: Source): string {
  return s.publisher ? (s.date ? `${s.publisher}, ${s.date}` : s.publisher) : s.title;
}

/** Footer text, shortened with an ellipsis when the sources are too many for one line. */
export function footerText(ctx: LayoutContext, sources: Map<string, Source>): string {
  const names = ctx.slide.sources.map((id) => sources.get(id)).filter((s): s is Source => !!s).map(sourceName);
  const full = names.length ? `${ctx.meta.title} · Source${names.length > 1 ? 's' : ''}: ${names.join('; ')}` : ctx.meta.title;
  const style = { face: ctx.theme.bodyFont };
  if (lineWidthIn([{ text: full }], style, FOOTER_PT) <= FOOTER_TEXT.w * 0.95) return full;
  let cut = full;
  while (cut.length > 1 && lineWidthIn([{ text: `${cut}…` }], style, FOOTER_PT) > FOOTER_TEXT.w * 0.95) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export interface Chrome {
  elements: PlacedElement[];
  /** Where the slide's own content goes. */
  body: Box;
}

export function contentChrome(ctx: LayoutContext, sources: Map<string, Source>): Chrome {
  const { theme, slide } = ctx;
  const elements: PlacedElement[] = [];
  const logo = logoBox(ctx.theme);
  if (logo && theme.logo) elements.push({ type: 'picture', box: logo, data: theme.logo.data, mime: theme.logo.mime, alt: 'Logo' });
  // A slide without a title (a quote) shows neither the title nor its rule.
  if (slide.title) {
    elements.push(
      placeText(ctx, {
        role: 'title',
        box: logo ? { ...TITLE, w: TITLE.w - logo.w - GUTTER } : TITLE,
        paragraphs: [para(slide.title)],
        color: theme.colors.titleText,
        range: theme.sizes.title,
        bold: true,
        valign: 'bottom',
        maxLinesPerParagraph: 2,
        what: 'the title',
      }),
    );
    elements.push({ type: 'rect', box: TITLE_RULE, fill: theme.colors.accent, decoration: true });
  }
  const notes = slide.derivedNotes;
  if (notes.length) {
    elements.push(
      placeText(ctx, {
        role: 'caption',
        box: footnoteBox(notes.length),
        paragraphs: notes.map((n) => para(n)),
        color: theme.colors.muted,
        range: theme.sizes.caption,
        valign: 'bottom',
        what: 'the derived-number footnote',
      }),
    );
  }
  elements.push(
    placeText(ctx, {
      role: 'footer',
      box: FOOTER_TEXT,
      paragraphs: [para(footerText(ctx, sources))],
      color: theme.colors.muted,
      range: [FOOTER_PT, FOOTER_PT],
      valign: 'middle',
      what: 'the footer',
    }),
  );
  return { elements, body: contentBody(slide) };
}

/** The body box a content slide leaves for its own content. */
export function contentBody(slide: { derivedNotes: string[] }): Box {
  const lines = slide.derivedNotes.length;
  const body = bodyBox(lines > 0);
  return lines > 1 ? { ...body, h: body.h - (lines - 1) * 0.3 } : body;
}

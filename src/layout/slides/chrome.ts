// What every content slide shares: the title in the layout's title placeholder, the notes strip (the
// footnotes of derived numbers, then the source line) just above the footer, and the footer itself —
// the deck title and the slide number in the layout's footer placeholders, so that Insert → Header &
// Footer in PowerPoint edits them on every slide at once.
import { formatDate, punctuationFor } from '../../model/labels.js';
import type { Source } from '../../model/types.js';
import { GRID } from '../../template/builtin.js';
import type { Placeholder } from '../../template/model.js';
import { para, placeText, type LayoutContext } from '../context.js';
import { lineHeightOf, lineWidthIn } from '../measure.js';
import { readableTitleColor, withColor } from '../title-color.js';
import type { PlacedElement, PlacedFooter, PlacedText } from '../placed.js';
import type { Box } from '../units.js';

/** Type size of the notes strip: derivation footnotes and the source line. */
export const NOTES_PT = 10.5;
const NOTES_GAP = 0.12;

/** How a slide names a source: its publisher and date (in the deck's language), else its title. */
export function sourceName(s: Source, lang: string): string {
  const { listSeparator } = punctuationFor(lang);
  const comma = listSeparator === '；' ? '，' : ', ';
  return s.publisher ? (s.date ? `${s.publisher}${comma}${formatDate(s.date, lang)}` : s.publisher) : s.title;
}

/** The source line, shortened with an ellipsis when the sources are too many for one line. */
export function sourceLine(ctx: LayoutContext, sources: Map<string, Source>, widthIn: number, face: string, sizePt: number): string | undefined {
  const lang = ctx.meta.language;
  const names = ctx.slide.sources.map((id) => sources.get(id)).filter((s): s is Source => !!s).map((s) => sourceName(s, lang));
  if (!names.length) return undefined;
  const p = punctuationFor(lang);
  const full = `${names.length > 1 ? ctx.labels.sourcesPlural : ctx.labels.source}${p.colon}${names.join(p.listSeparator)}`;
  const style = { face, faces: ctx.theme.faces };
  if (lineWidthIn([{ text: full }], style, sizePt) <= widthIn * 0.95) return full;
  let cut = full;
  while (cut.length > 1 && lineWidthIn([{ text: `${cut}…` }], style, sizePt) > widthIn * 0.95) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export interface Chrome {
  /** Before the content in reading order: the title. */
  head: PlacedElement[];
  /** After the content: the notes strip. */
  tail: PlacedElement[];
  /** Where the slide's own content goes. */
  body: Box;
  footer: PlacedFooter;
}

/** The layout's small text placeholder along the bottom of its content area (a source or notes line), if any. */
export function notesPlaceholder(ctx: LayoutContext): Placeholder | undefined {
  const { area, layout, visual } = ctx.choice;
  const bottom = area.y + area.h;
  return layout.placeholders.find(
    (p) => (p.type === 'body' || p.type === 'obj') && !p.ambiguous && !p.vertical && p !== visual && p.box.h < 0.8 && p.box.y >= bottom - p.box.h - 0.01 && p.box.w >= area.w * 0.5,
  );
}

/**
 * The title placeholder of the slide's layout; or else its master's, or one made from the master's title
 * style — then the slide states its box and style itself (`inherits: false`).
 */
export function titlePlaceholder(ctx: LayoutContext): { ph: Placeholder; inherits: boolean } | undefined {
  const { title, titleSource } = ctx.choice;
  return title ? { ph: title, inherits: titleSource === undefined || titleSource === 'layout' } : undefined;
}

export function slideFooter(ctx: LayoutContext): PlacedFooter {
  return { number: ctx.choice.footer.sldNum !== undefined };
}

/**
 * The deck title in the layout's footer placeholder, last in the reading order: at the placeholder's
 * size when it fits on one line, smaller (to two thirds) when it must, shortened with an ellipsis after
 * that.
 */
export function footerText(ctx: LayoutContext): PlacedText | undefined {
  const ph = ctx.choice.footer.ftr;
  if (!ph) return undefined;
  const level = ph.levels[0];
  const face = level?.font ?? ctx.theme.bodyFont;
  const size = level?.sizePt ?? 10 * ctx.k;
  const width = ph.box.w - ph.insets.l - ph.insets.r;
  const style = { face, bold: level?.bold ?? false, faces: ctx.theme.faces };
  let text = ctx.meta.title;
  const min = Math.max(6, Math.round(size * 0.66 * 2) / 2);
  if (lineWidthIn([{ text }], style, min) > width * 0.95) {
    while (text.length > 1 && lineWidthIn([{ text: `${text}…` }], style, min) > width * 0.95) text = text.slice(0, -1);
    text = `${text.trimEnd()}…`;
  }
  return placeText(ctx, { role: 'footer', placeholder: ph, paragraphs: [para(text)], range: [min, size], maxLinesPerParagraph: 1, what: 'the footer' });
}

export function contentChrome(ctx: LayoutContext, sources: Map<string, Source>): Chrome {
  const { theme, slide, choice } = ctx;
  const head: PlacedElement[] = [];
  const tail: PlacedElement[] = [];
  let body = choice.area;
  const title = titlePlaceholder(ctx);
  // A slide without a title (a quote) shows none.
  if (slide.title && title) {
    head.push(
      placeText(ctx, {
        role: 'title',
        placeholder: title.ph,
        inherits: title.inherits,
        ...withColor(readableTitleColor(ctx, title.ph)),
        paragraphs: [para(slide.title)],
        range: theme.sizes.title,
        maxLinesPerParagraph: 2,
        scaled: 'title',
        what: 'the title',
      }),
    );
    // Content starts where the built-in grid starts it on every layout, and never under the title.
    const top = Math.max(title.ph.box.y + title.ph.box.h + 0.2, ctx.template.builtin ? GRID.body.y : 0);
    if (body.y < top) body = { ...body, y: top, h: body.y + body.h - top };
  }

  const notesPh = notesPlaceholder(ctx);
  const face = notesPh?.levels[0]?.font ?? theme.bodyFont;
  const widthIn = notesPh ? notesPh.box.w : body.w;
  const notesPt = notesPh?.levels[0]?.sizePt ?? Math.round(NOTES_PT * ctx.k * 2) / 2;
  const line = sourceLine(ctx, sources, widthIn, face, notesPt);
  const paragraphs = [...slide.derivedNotes.map((n) => para(n)), ...(line ? [para(line)] : [])];
  if (paragraphs.length) {
    const lineIn = (notesPt * lineHeightOf(face, ctx.theme.faces)) / 72;
    const bottom = notesPh ? notesPh.box.y + notesPh.box.h : body.y + body.h;
    const h = Math.max(notesPh?.box.h ?? 0, paragraphs.length * lineIn + 0.04);
    const box = { x: notesPh?.box.x ?? body.x, y: bottom - h, w: widthIn, h };
    tail.push(
      placeText(ctx, {
        role: 'notes',
        ...(notesPh ? { placeholder: notesPh } : {}),
        box,
        paragraphs,
        color: theme.colors.muted,
        range: [notesPt, notesPt],
        valign: 'bottom',
        what: 'the notes and source line',
      }),
    );
    const top = box.y - NOTES_GAP * ctx.k;
    if (body.y + body.h > top) body = { ...body, h: top - body.y };
  }
  const footer = footerText(ctx);
  if (footer) tail.push(footer);
  return { head, tail, body, footer: slideFooter(ctx) };
}

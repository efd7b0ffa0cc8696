// The list of every source the deck cites: title, publisher and date, then the address on its own line,
// a real link.
import { formatDate } from '../../model/labels.js';
import type { Slide, Source } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import type { PlacedElement, PlacedParagraph } from '../placed.js';
import type { Box } from '../units.js';
import { lineWidthIn, WIDTH_SLACK, type TextStyle } from '../measure.js';
import { clip, textPlaceholder } from './bullets.js';

const URL_SCALE = 0.8;

/**
 * The address as the audience reads it: without its scheme, and shortened in the middle where it would
 * not fit on one line at the smallest size (the link keeps the whole address). A wrapped address is
 * hard to read, and LibreOffice sets the lines of a wrapped link too close.
 */
function shownAddress(url: string, widthIn: number, style: TextStyle, sizePt: number): string {
  const text = url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  const fits = (t: string) => lineWidthIn([{ text: t, scale: URL_SCALE }], style, sizePt) <= widthIn * WIDTH_SLACK * 0.97;
  if (fits(text)) return text;
  const host = text.indexOf('/') > 0 ? text.indexOf('/') + 1 : Math.ceil(text.length / 2);
  let head = host;
  let tail = text.length - host;
  while (tail > 4 && !fits(`${text.slice(0, head)}…${text.slice(text.length - tail)}`)) tail--;
  while (head > 8 && !fits(`${text.slice(0, head)}…${text.slice(text.length - tail)}`)) head--;
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}

function sourceParagraphs(s: Source, first: boolean, muted: string, lang: string, address: (url: string) => string): PlacedParagraph[] {
  const rest = [s.publisher, s.date && formatDate(s.date, lang)].filter(Boolean).join(/^(zh|ja)\b/.test(lang) ? '，' : ', ');
  const out = [para([{ text: s.title, bold: true }, ...(rest ? [{ text: ` — ${rest}` }] : [])], { spaceBefore: first ? 0 : 0.8 })];
  if (s.url) out.push(para([{ text: address(s.url), scale: URL_SCALE, color: muted, link: s.url, keep: true }], { spaceBefore: 0.15 }));
  return out;
}

export function layoutSources(ctx: LayoutContext, slide: Extract<Slide, { kind: 'sources' }>, body: Box): PlacedElement[] {
  const ph = textPlaceholder(ctx);
  const box = clip(ph, body);
  const range = sized(ctx, [14, 20]);
  const insets = ph ? ph.insets.l + ph.insets.r : 0;
  const style = { face: ph?.levels[0]?.font ?? ctx.theme.bodyFont, faces: ctx.theme.faces };
  const address = (url: string) => shownAddress(url, box.w - insets - (ph?.levels[0]?.marginIn ?? 0), style, range[0]);
  return [
    placeText(ctx, {
      role: 'body',
      box,
      ...(ph ? { placeholder: ph } : {}),
      paragraphs: slide.items.flatMap((s, i) => sourceParagraphs(s, i === 0, ctx.theme.colors.muted, ctx.meta.language, address)),
      color: ctx.theme.colors.text,
      range,
      valign: 'top',
      what: `${slide.items.length} sources`,
    }),
  ];
}

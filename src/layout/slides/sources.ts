// The list of every source the deck cites: title, publisher and date, then the address on its own line,
// a real link.
import { formatDate } from '../../model/labels.js';
import type { Slide, Source } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import type { PlacedElement, PlacedParagraph } from '../placed.js';
import type { Box } from '../units.js';
import { clip, textPlaceholder } from './bullets.js';

function sourceParagraphs(s: Source, first: boolean, muted: string, lang: string): PlacedParagraph[] {
  const rest = [s.publisher, s.date && formatDate(s.date, lang)].filter(Boolean).join(/^(zh|ja)\b/.test(lang) ? '，' : ', ');
  const out = [para([{ text: s.title, bold: true }, ...(rest ? [{ text: ` — ${rest}` }] : [])], { spaceBefore: first ? 0 : 0.8 })];
  if (s.url) out.push(para([{ text: s.url, scale: 0.8, color: muted, link: s.url }], { spaceBefore: 0.15 }));
  return out;
}

export function layoutSources(ctx: LayoutContext, slide: Extract<Slide, { kind: 'sources' }>, body: Box): PlacedElement[] {
  const ph = textPlaceholder(ctx);
  return [
    placeText(ctx, {
      role: 'body',
      box: clip(ph, body),
      ...(ph ? { placeholder: ph } : {}),
      paragraphs: slide.items.flatMap((s, i) => sourceParagraphs(s, i === 0, ctx.theme.colors.muted, ctx.meta.language)),
      color: ctx.theme.colors.text,
      range: sized(ctx, [14, 20]),
      valign: 'top',
      what: `${slide.items.length} sources`,
    }),
  ];
}

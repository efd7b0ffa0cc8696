// A short quote, large and centred, with its attribution under it.
import type { Slide } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import type { PlacedElement } from '../placed.js';
import type { Box } from '../units.js';

export function layoutQuote(ctx: LayoutContext, slide: Extract<Slide, { kind: 'quote' }>, body: Box): PlacedElement[] {
  const { colors, sizes } = ctx.theme;
  const { k } = ctx;
  // The accent bar on the margin, the quote and its attribution indented from it.
  const x = body.x + 0.5 * k;
  const w = body.w - 1.0 * k;
  const quoteH = slide.attribution ? body.h - 1.0 * k : body.h;
  const elements: PlacedElement[] = [
    { type: 'rect', box: { x: body.x, y: body.y + 0.3 * k, w: 0.1 * k, h: quoteH - 0.6 * k }, fill: colors.accent2, decoration: true },
    placeText(ctx, {
      role: 'quote',
      box: { x, y: body.y, w, h: quoteH },
      paragraphs: [para([{ text: '“' }, ...slide.quote, { text: '”' }])],
      color: colors.titleText,
      range: [sizes.body[1], sizes.title[1]],
      italic: true,
      valign: 'middle',
      what: 'the quote',
    }),
  ];
  if (slide.attribution) {
    elements.push(
      placeText(ctx, {
        role: 'caption',
        box: { x, y: body.y + quoteH + 0.15 * k, w, h: 0.7 * k },
        paragraphs: [para(`— ${slide.attribution}`)],
        color: colors.muted,
        range: sized(ctx, [16, 20]),
        what: 'the attribution',
      }),
    );
  }
  return elements;
}

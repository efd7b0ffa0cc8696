// Bullet lists (two levels) and the agenda (numbered items).
import type { Bullet, RichText, Slide } from '../../model/types.js';
import { para, placeText, type LayoutContext } from '../context.js';
import type { PlacedElement, PlacedParagraph, PlacedText } from '../placed.js';
import type { Box } from '../units.js';

/** Bullets as paragraphs: second-level points a little smaller, more space before a new point. */
export function bulletParagraphs(bullets: Bullet[]): PlacedParagraph[] {
  return bullets.map((b, i) =>
    para(b.level === 1 ? b.text.map((r) => ({ ...r, scale: 0.9 })) : b.text, {
      bullet: true,
      level: b.level,
      spaceBefore: i === 0 ? 0 : b.level === 0 ? 0.55 : 0.25,
    }),
  );
}

export function placeBullets(ctx: LayoutContext, bullets: Bullet[], box: Box): PlacedText {
  const top = bullets.filter((b) => b.level === 0).length;
  return placeText(ctx, {
    role: 'body',
    box,
    paragraphs: bulletParagraphs(bullets),
    color: ctx.theme.colors.text,
    range: ctx.theme.sizes.body,
    what: `${top} bullet${top === 1 ? '' : 's'}`,
  });
}

export function layoutBullets(ctx: LayoutContext, slide: Extract<Slide, { kind: 'bullets' }>, body: Box): PlacedElement[] {
  return [placeBullets(ctx, slide.bullets, body)];
}

export function layoutAgenda(ctx: LayoutContext, slide: Extract<Slide, { kind: 'agenda' }>, body: Box): PlacedElement[] {
  const numbered = (item: RichText, i: number) =>
    para([{ text: `${String(i + 1).padStart(2, '0')}   `, bold: true, color: ctx.theme.colors.accent }, ...item], {
      spaceBefore: i === 0 ? 0 : 0.7,
    });
  return [
    placeText(ctx, {
      role: 'body',
      box: { ...body, x: body.x + 0.2, w: body.w - 0.2 },
      paragraphs: slide.items.map(numbered),
      color: ctx.theme.colors.text,
      range: [ctx.theme.sizes.body[0] + 2, ctx.theme.sizes.body[1] + 4],
      what: `${slide.items.length} agenda items`,
    }),
  ];
}

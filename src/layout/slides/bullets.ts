// Bullet lists (two levels), the agenda (numbered items) and the sources list: text in the layout's
// content placeholder, so that the outline view, Reset Slide and the placeholder's own bullets work.
import type { Bullet, RichText, Slide } from '../../model/types.js';
import type { Placeholder } from '../../template/model.js';
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

/** The part of a placeholder inside the body the chrome leaves (less the notes strip). */
export function clip(ph: Placeholder | undefined, body: Box): Box {
  if (!ph) return body;
  const x = Math.max(ph.box.x, body.x);
  const y = Math.max(ph.box.y, body.y);
  const r = Math.min(ph.box.x + ph.box.w, body.x + body.w);
  const b = Math.min(ph.box.y + ph.box.h, body.y + body.h);
  return r - x > 0.5 && b - y > 0.3 ? { x, y, w: r - x, h: b - y } : body;
}

/** The first content placeholder that can hold text, if the layout has one. */
export function textPlaceholder(ctx: LayoutContext, n = 0): Placeholder | undefined {
  return ctx.choice.bodies.filter((p) => p.box.h >= 0.8)[n];
}

export function placeBullets(ctx: LayoutContext, bullets: Bullet[], box: Box, ph?: Placeholder): PlacedText {
  const top = bullets.filter((b) => b.level === 0).length;
  return placeText(ctx, {
    role: 'body',
    box,
    ...(ph ? { placeholder: ph } : {}),
    paragraphs: bulletParagraphs(bullets),
    color: ctx.theme.colors.text,
    range: ctx.theme.sizes.body,
    valign: 'top',
    scaled: 'body',
    what: `${top} bullet${top === 1 ? '' : 's'}`,
  });
}

export function layoutBullets(ctx: LayoutContext, slide: Extract<Slide, { kind: 'bullets' }>, body: Box): PlacedElement[] {
  const ph = textPlaceholder(ctx);
  return [placeBullets(ctx, slide.bullets, clip(ph, body), ph)];
}

export function layoutAgenda(ctx: LayoutContext, slide: Extract<Slide, { kind: 'agenda' }>, body: Box): PlacedElement[] {
  const numbered = (item: RichText, i: number) =>
    para([{ text: `${String(i + 1).padStart(2, '0')}   `, bold: true, color: ctx.theme.colors.accent }, ...item], {
      spaceBefore: i === 0 ? 0 : 0.7,
    });
  const ph = textPlaceholder(ctx);
  const box = clip(ph, body);
  return [
    placeText(ctx, {
      role: 'body',
      box,
      ...(ph ? { placeholder: ph } : {}),
      paragraphs: slide.items.map(numbered),
      color: ctx.theme.colors.text,
      range: [ctx.theme.sizes.body[0] + 2, ctx.theme.sizes.body[1] + 4],
      valign: 'top',
      what: `${slide.items.length} agenda items`,
    }),
  ];
}

// A picture fitted inside the body ("contain"), keeping its aspect ratio, with an optional caption.
import type { Slide } from '../../model/types.js';
import { para, placeText, type LayoutContext } from '../context.js';
import type { PlacedElement } from '../placed.js';
import type { Box } from '../units.js';

const CAPTION_H = 0.45;

/** The largest box with the picture's aspect ratio inside `area`, centred. */
export function containBox(area: Box, widthPx: number, heightPx: number): Box {
  const ratio = widthPx / heightPx;
  const w = Math.min(area.w, area.h * ratio);
  const h = w / ratio;
  return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}

export function layoutImage(ctx: LayoutContext, slide: Extract<Slide, { kind: 'image' }>, body: Box): PlacedElement[] {
  const area = slide.caption ? { ...body, h: body.h - CAPTION_H - 0.1 } : body;
  const elements: PlacedElement[] = [
    { type: 'picture', box: containBox(area, slide.image.widthPx, slide.image.heightPx), data: slide.image.data, mime: slide.image.mime, alt: slide.alt },
  ];
  if (slide.caption) {
    elements.push(
      placeText(ctx, {
        role: 'caption',
        box: { ...body, y: body.y + body.h - CAPTION_H, h: CAPTION_H },
        paragraphs: [para(slide.caption)],
        color: ctx.theme.colors.muted,
        range: [12, 14],
        align: 'center',
        valign: 'bottom',
        what: 'the caption',
      }),
    );
  }
  return elements;
}

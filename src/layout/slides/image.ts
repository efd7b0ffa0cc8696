// A picture fitted inside the body ("contain"), keeping its aspect ratio, with an optional caption. It
// fills the layout's picture placeholder where there is one.
import type { Slide } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import type { PlacedElement } from '../placed.js';
import type { Box } from '../units.js';
import { clip } from './bullets.js';
import { captionPlaceholder, visualPlaceholder } from './chart.js';

const CAPTION_H = 0.45;

/** The largest box with the picture's aspect ratio inside `area`, centred. */
export function containBox(area: Box, widthPx: number, heightPx: number): Box {
  const ratio = widthPx / heightPx;
  const w = Math.min(area.w, area.h * ratio);
  const h = w / ratio;
  return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}

export function layoutImage(ctx: LayoutContext, slide: Extract<Slide, { kind: 'image' }>, body: Box): PlacedElement[] {
  const ph = visualPlaceholder(ctx);
  const room = ph ? clip(ph, body) : body;
  const capPh = slide.caption ? captionPlaceholder(ctx, room) : undefined;
  const capH = CAPTION_H * ctx.k;
  const capBox = capPh ? clip(capPh, body) : { ...room, y: room.y + room.h - capH, h: capH };
  const area = slide.caption ? { ...room, h: Math.min(room.h, capBox.y - room.y) - 0.1 } : room;
  const elements: PlacedElement[] = [
    {
      type: 'picture',
      box: containBox(area, slide.image.widthPx, slide.image.heightPx),
      data: slide.image.data,
      mime: slide.image.mime,
      alt: slide.alt,
      ...(ph ? { placeholder: { type: ph.type, idx: ph.idx } } : {}),
    },
  ];
  if (slide.caption) {
    elements.push(
      placeText(ctx, {
        role: 'caption',
        box: capBox,
        ...(capPh ? { placeholder: capPh } : {}),
        paragraphs: [para(slide.caption)],
        color: ctx.theme.colors.muted,
        range: sized(ctx, [12, 14]),
        align: 'left',
        valign: 'bottom',
        what: 'the caption',
      }),
    );
  }
  return elements;
}

// A chart across the body, or bullets on the left and a chart on the right. The picture itself is
// drawn later (render/); layout decides its box so that the PNG is made at exactly its placed size.
import { chartAltText } from '../../render/alt-text.js';
import type { ChartSpec, Slide } from '../../model/types.js';
import { para, placeText, type LayoutContext } from '../context.js';
import { GUTTER } from '../grid.js';
import type { PlacedElement } from '../placed.js';
import type { Box } from '../units.js';
import { placeBullets } from './bullets.js';

const CAPTION_H = 0.45;

function chartWithCaption(ctx: LayoutContext, spec: ChartSpec, box: Box): PlacedElement[] {
  const chartBox = spec.caption ? { ...box, h: box.h - CAPTION_H - 0.05 } : box;
  const out: PlacedElement[] = [{ type: 'chart', box: chartBox, spec, alt: chartAltText(spec) }];
  if (spec.caption) {
    out.push(
      placeText(ctx, {
        role: 'caption',
        box: { ...box, y: box.y + box.h - CAPTION_H, h: CAPTION_H },
        paragraphs: [para(spec.caption)],
        color: ctx.theme.colors.muted,
        range: [12, 14],
        valign: 'bottom',
        what: 'the chart caption',
        span: spec.span,
      }),
    );
  }
  return out;
}

export function layoutChart(ctx: LayoutContext, slide: Extract<Slide, { kind: 'chart' }>, body: Box): PlacedElement[] {
  return chartWithCaption(ctx, slide.chart, body);
}

export function layoutTextChart(ctx: LayoutContext, slide: Extract<Slide, { kind: 'text-chart' }>, body: Box): PlacedElement[] {
  const textW = body.w * 0.42;
  const textBox = { ...body, w: textW };
  const chartBox = { ...body, x: body.x + textW + GUTTER, w: body.w - textW - GUTTER };
  return [placeBullets(ctx, slide.bullets, textBox), ...chartWithCaption(ctx, slide.chart, chartBox)];
}

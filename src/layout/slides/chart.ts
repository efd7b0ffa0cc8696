// A chart across the body, or bullets on the left and a chart on the right. The picture itself is
// drawn later (render/); layout decides its box so that the PNG is made at exactly its placed size.
// The picture fills the layout's picture or content placeholder where it has one.
import { chartAltText } from '../../render/alt-text.js';
import type { ChartSpec, Slide } from '../../model/types.js';
import type { Placeholder } from '../../template/model.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import type { PlacedElement } from '../placed.js';
import type { Box } from '../units.js';
import { clip, placeBullets, textPlaceholder } from './bullets.js';
import { notesPlaceholder } from './chrome.js';

const CAPTION_H = 0.45;

/** A caption placeholder under the visual (Picture with Caption), if the layout has one. */
export function captionPlaceholder(ctx: LayoutContext, visual: Box): Placeholder | undefined {
  const notes = notesPlaceholder(ctx);
  return ctx.choice.bodies.find((p) => p !== notes && p.box.h < 0.8 && p.box.y >= visual.y + visual.h - 0.6 && p.box.y < visual.y + visual.h + 0.3);
}

export function chartWithCaption(ctx: LayoutContext, spec: ChartSpec, box: Box, ph?: Placeholder, body: Box = box): PlacedElement[] {
  const capPh = spec.caption ? captionPlaceholder(ctx, box) : undefined;
  const capH = CAPTION_H * ctx.k;
  const capBox = capPh ? clip(capPh, body) : { ...box, y: box.y + box.h - capH, h: capH };
  const chartBox = spec.caption ? { ...box, h: Math.min(box.h, capBox.y - box.y) - 0.05 } : box;
  const out: PlacedElement[] = [
    { type: 'chart', box: chartBox, spec, alt: chartAltText(spec), ...(ph ? { placeholder: { type: ph.type, idx: ph.idx } } : {}) },
  ];
  if (spec.caption) {
    out.push(
      placeText(ctx, {
        role: 'caption',
        box: capBox,
        ...(capPh ? { placeholder: capPh } : {}),
        paragraphs: [para(spec.caption)],
        color: ctx.theme.colors.muted,
        range: sized(ctx, [12, 14]),
        valign: 'bottom',
        what: 'the chart caption',
        span: spec.span,
      }),
    );
  }
  return out;
}

/** The layout's placeholder for a picture or chart: a picture one, else a content one. */
export function visualPlaceholder(ctx: LayoutContext): Placeholder | undefined {
  return ctx.choice.visual ?? textPlaceholder(ctx);
}

export function layoutChart(ctx: LayoutContext, slide: Extract<Slide, { kind: 'chart' }>, body: Box): PlacedElement[] {
  const ph = visualPlaceholder(ctx);
  return chartWithCaption(ctx, slide.chart, ph ? clip(ph, body) : body, ph, body);
}

export function layoutTextChart(ctx: LayoutContext, slide: Extract<Slide, { kind: 'text-chart' }>, body: Box): PlacedElement[] {
  const left = textPlaceholder(ctx, 0);
  const right = textPlaceholder(ctx, 1) ?? ctx.choice.visual;
  if (left && right) {
    return [placeBullets(ctx, slide.bullets, clip(left, body), left), ...chartWithCaption(ctx, slide.chart, clip(right, body), right, body)];
  }
  const textW = body.w * 0.42;
  const textBox = { ...body, w: textW };
  const gap = 0.35 * ctx.k;
  const chartBox = { ...body, x: body.x + textW + gap, w: body.w - textW - gap };
  return [placeBullets(ctx, slide.bullets, textBox), ...chartWithCaption(ctx, slide.chart, chartBox)];
}

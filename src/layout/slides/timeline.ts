// Dated milestones on one horizontal line. Up to five: the date above each dot, what happened below it.
// More than five: the milestones alternate above and below the line, so that each has the width of two
// columns and no word has to break. Every date uses one size and every description another, so that no
// milestone looks more important by accident; dense timelines get smaller sizes.
import type { Slide } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import { fitText } from '../measure.js';
import type { PlacedElement, PlacedParagraph } from '../placed.js';
import type { Box } from '../units.js';

const DOT_IN = 0.22;
const GAP_IN = 0.2;
/** Above this many milestones they alternate sides. */
const ONE_SIDE = 5;

export function layoutTimeline(ctx: LayoutContext, slide: Extract<Slide, { kind: 'timeline' }>, body: Box): PlacedElement[] {
  const { colors, headingFont, bodyFont, sizes } = ctx.theme;
  const { k } = ctx;
  const DOT = DOT_IN * k;
  const GAP = GAP_IN * k;
  const n = slide.events.length;
  const colW = body.w / n;
  const alternate = n > ONE_SIDE;
  const lineY = alternate ? body.y + body.h / 2 : body.y + Math.min(1.5 * k, body.h * 0.32);
  const dateH = alternate ? Math.min(0.85 * k, body.h * 0.16) : lineY - body.y - DOT;
  const cx = (i: number) => body.x + i * colW + colW / 2;
  const above = (i: number) => alternate && i % 2 === 0;
  /** As wide as its milestone may be: one column, or two when they alternate (cut at the body's edges). */
  const span = (i: number): { x: number; w: number } => {
    const half = (alternate ? colW : colW / 2) - GAP / 2;
    const x = Math.max(cx(i) - half, body.x);
    return { x, w: Math.min(cx(i) + half, body.x + body.w) - x };
  };
  const dateBox = (i: number): Box => {
    const { x, w } = span(i);
    if (!alternate) return { x, y: body.y, w, h: dateH };
    return above(i) ? { x, y: lineY - DOT - dateH, w, h: dateH } : { x, y: lineY + DOT, w, h: dateH };
  };
  const textBox = (i: number): Box => {
    const { x, w } = span(i);
    if (!alternate) return { x, y: lineY + DOT, w, h: body.y + body.h - lineY - DOT };
    return above(i) ? { x, y: body.y, w, h: lineY - DOT - dateH - GAP / 2 - body.y } : { x, y: lineY + DOT + dateH + GAP / 2, w, h: body.y + body.h - (lineY + DOT + dateH + GAP / 2) };
  };
  const texts = (i: number): PlacedParagraph[] => {
    const e = slide.events[i]!;
    const title = para(e.title.map((r) => ({ ...r, bold: r.bold ?? true })));
    return e.text ? [title, para(e.text.map((r) => ({ ...r, scale: 0.85, color: colors.muted })), { spaceBefore: 0.4 })] : [title];
  };
  // One size for all dates, one for all descriptions: the largest at which every column fits. Dense
  // timelines start from smaller sizes, so that they read as one band rather than a wall of type.
  const dense = n > 4;
  const dateRange: [number, number] = dense ? sized(ctx, [14, 24]) : [sizes.body[0], sizes.title[1]];
  const textRange: [number, number] = dense ? [Math.min(sizes.body[0], 12 * k), Math.round((sizes.body[0] + sizes.body[1]) / 2)] : sizes.body;
  const dateSize = Math.min(
    ...slide.events.map((e, i) =>
      fitText({ paragraphs: [para(e.date)], style: { face: headingFont, bold: true, faces: ctx.theme.faces }, widthIn: dateBox(i).w, heightIn: dateBox(i).h, range: dateRange, maxLinesPerParagraph: 2 }).sizePt,
    ),
  );
  const textSize = Math.min(
    ...slide.events.map((_, i) => fitText({ paragraphs: texts(i), style: { face: bodyFont, faces: ctx.theme.faces }, widthIn: textBox(i).w, heightIn: textBox(i).h, range: textRange }).sizePt),
  );

  const elements: PlacedElement[] = [
    { type: 'rect', box: { x: body.x, y: lineY - 0.02 * k, w: body.w, h: 0.04 * k }, fill: colors.grid, decoration: true },
  ];
  slide.events.forEach((e, i) => {
    elements.push({ type: 'rect', box: { x: cx(i) - DOT / 2, y: lineY - DOT / 2, w: DOT, h: DOT }, fill: colors.accent, radius: 0.5, decoration: true });
    if (alternate) {
      // A tick from the dot to its milestone's side.
      const tick = above(i) ? { y: lineY - DOT, h: DOT / 2 } : { y: lineY + DOT / 2, h: DOT / 2 };
      elements.push({ type: 'rect', box: { x: cx(i) - 0.01 * k, ...tick, w: 0.02 * k }, fill: colors.grid, decoration: true });
    }
    const up = !alternate || above(i);
    // Reading order: date, then what happened.
    elements.push(
      placeText(ctx, {
        role: 'stat',
        box: dateBox(i),
        paragraphs: [para(e.date)],
        color: colors.accent,
        range: [dateSize, dateSize],
        bold: true,
        align: 'center',
        valign: up ? 'bottom' : 'top',
        maxLinesPerParagraph: 2,
        what: `the date of event ${i + 1}`,
        span: e.span,
      }),
    );
    elements.push(
      placeText(ctx, {
        role: 'body',
        box: textBox(i),
        paragraphs: texts(i),
        color: colors.text,
        range: [textSize, textSize],
        align: 'center',
        valign: alternate && up ? 'bottom' : 'top',
        what: `the text of event ${i + 1}`,
        span: e.span,
      }),
    );
  });
  return elements;
}

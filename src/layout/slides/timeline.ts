// Dated milestones on one horizontal line: the date above a dot, what happened below it. Every date
// uses one size and every title another, so that no milestone looks more important by accident.
import type { Slide } from '../../model/types.js';
import { para, placeText, type LayoutContext } from '../context.js';
import { fitText } from '../measure.js';
import type { PlacedElement, PlacedParagraph } from '../placed.js';
import type { Box } from '../units.js';

const DOT_IN = 0.22;
const GAP_IN = 0.2;

export function layoutTimeline(ctx: LayoutContext, slide: Extract<Slide, { kind: 'timeline' }>, body: Box): PlacedElement[] {
  const { colors, headingFont, bodyFont, sizes } = ctx.theme;
  const DOT = DOT_IN * ctx.k;
  const GAP = GAP_IN * ctx.k;
  const n = slide.events.length;
  const colW = body.w / n;
  const lineY = body.y + Math.min(1.5 * ctx.k, body.h * 0.32);
  const dateBox = (i: number): Box => ({ x: body.x + i * colW + GAP / 2, y: body.y, w: colW - GAP, h: lineY - body.y - DOT });
  const textBox = (i: number): Box => ({ x: body.x + i * colW + GAP / 2, y: lineY + DOT, w: colW - GAP, h: body.y + body.h - lineY - DOT });
  const texts = (i: number): PlacedParagraph[] => {
    const e = slide.events[i]!;
    const title = para(e.title.map((r) => ({ ...r, bold: r.bold ?? true })));
    return e.text ? [title, para(e.text.map((r) => ({ ...r, scale: 0.85, color: colors.muted })), { spaceBefore: 0.4 })] : [title];
  };
  // One size for all dates, one for all descriptions: the largest at which every column fits.
  const dateSize = Math.min(
    ...slide.events.map((e, i) =>
      fitText({ paragraphs: [para(e.date)], style: { face: headingFont, bold: true, faces: ctx.theme.faces }, widthIn: dateBox(i).w, heightIn: dateBox(i).h, range: [sizes.body[0], sizes.title[1]], maxLinesPerParagraph: 2 }).sizePt,
    ),
  );
  const textSize = Math.min(
    ...slide.events.map((_, i) => fitText({ paragraphs: texts(i), style: { face: bodyFont, faces: ctx.theme.faces }, widthIn: textBox(i).w, heightIn: textBox(i).h, range: sizes.body }).sizePt),
  );

  const elements: PlacedElement[] = [
    { type: 'rect', box: { x: body.x, y: lineY - 0.02 * ctx.k, w: body.w, h: 0.04 * ctx.k }, fill: colors.grid, decoration: true },
  ];
  slide.events.forEach((e, i) => {
    const cx = body.x + i * colW + colW / 2;
    elements.push({ type: 'rect', box: { x: cx - DOT / 2, y: lineY - DOT / 2, w: DOT, h: DOT }, fill: colors.accent, radius: 0.5, decoration: true });
    elements.push(
      placeText(ctx, {
        role: 'stat',
        box: dateBox(i),
        paragraphs: [para(e.date)],
        color: colors.accent,
        range: [dateSize, dateSize],
        bold: true,
        align: 'center',
        valign: 'bottom',
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
        what: `the text of event ${i + 1}`,
        span: e.span,
      }),
    );
  });
  return elements;
}

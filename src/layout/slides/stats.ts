// Big-number cards: 2–5 in one row, 6 in two rows of three. Every card in a deck slide uses the same
// number size, so that no figure looks more important than another by accident.
import type { Slide, StatCard } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import { columns, GUTTER } from '../grid.js';
import { fitText } from '../measure.js';
import type { PlacedElement, PlacedParagraph } from '../placed.js';
import type { Box } from '../units.js';

const PAD_IN = 0.2;
const UNIT_SCALE = 0.4;

/** The number on one line and, under it, its unit in smaller type ("trillion yuan"). */
function valueParagraphs(card: StatCard): PlacedParagraph[] {
  const number = para([{ text: `${card.prefix ?? ''}${card.value}` }]);
  return card.unit ? [number, para([{ text: card.unit, scale: UNIT_SCALE, bold: false }], { spaceBefore: 0.08 })] : [number];
}

export function layoutStats(ctx: LayoutContext, slide: Extract<Slide, { kind: 'stats' }>, body: Box): PlacedElement[] {
  const { colors, sizes, headingFont } = ctx.theme;
  const { k } = ctx;
  const PAD = PAD_IN * k;
  const GAP = GUTTER * k;
  const elements: PlacedElement[] = [];
  let area = body;
  if (slide.intro) {
    const intro = placeText(ctx, {
      role: 'body',
      box: { ...body, h: 0.6 * k },
      paragraphs: [para(slide.intro)],
      color: colors.text,
      range: ctx.theme.sizes.body,
      what: 'the intro',
    });
    elements.push(intro);
    area = { ...body, y: body.y + 0.8 * k, h: body.h - 0.8 * k };
  }
  const n = slide.stats.length;
  const rows = n <= 5 ? [n] : [3, 3];
  // Cards stop growing at a comfortable height; a few cards should not turn into tall empty panels.
  const rowH = Math.min(3.0 * k, (area.h - GAP * (rows.length - 1)) / rows.length);
  const cells: Box[] = [];
  rows.forEach((count, r) => {
    const rowBox = { ...area, y: area.y + r * (rowH + GAP), h: rowH };
    // A shorter second row is centred under the first, with cards of the same width.
    const fullW = (area.w - GAP * (rows[0]! - 1)) / rows[0]!;
    const width = count * fullW + (count - 1) * GAP;
    cells.push(...columns({ ...rowBox, x: area.x + (area.w - width) / 2, w: width }, count, GAP));
  });

  const inner = rowH - 2 * PAD;
  const hasNotes = slide.stats.some((c) => c.note);
  const noteH = hasNotes ? Math.min(0.5 * k, inner * 0.25) : 0;
  const valueH = Math.min(inner * 0.5, 1.5 * k);
  // One size for all numbers: the largest that fits every card.
  const valueSize = Math.min(
    ...slide.stats.map((card, i) =>
      fitText({
        paragraphs: valueParagraphs(card),
        style: { face: headingFont, bold: true, faces: ctx.theme.faces },
        widthIn: cells[i]!.w - 2 * PAD,
        heightIn: valueH,
        range: sizes.stat,
        maxLinesPerParagraph: 1,
      }).sizePt,
    ),
  );
  slide.stats.forEach((card, i) => {
    const cell = cells[i]!;
    elements.push({ type: 'rect', box: cell, fill: colors.card, radius: 0.06, decoration: true });
    elements.push({ type: 'rect', box: { x: cell.x, y: cell.y, w: 0.08 * k, h: cell.h }, fill: colors.accent, decoration: true });
    const column = { x: cell.x + PAD, w: cell.w - 2 * PAD };
    elements.push(
      placeText(ctx, {
        role: 'stat',
        box: { ...column, y: cell.y + PAD, h: valueH },
        paragraphs: valueParagraphs(card),
        color: colors.cardText,
        range: [valueSize, valueSize],
        bold: true,
        valign: 'top',
        maxLinesPerParagraph: 1,
        what: `the number of card ${i + 1}`,
        span: card.span,
      }),
    );
    const labelTop = cell.y + PAD + valueH + 0.08 * k;
    elements.push(
      placeText(ctx, {
        role: 'label',
        box: { ...column, y: labelTop, h: cell.y + cell.h - PAD - (card.note ? noteH + 0.05 * k : 0) - labelTop },
        paragraphs: [para(card.label)],
        color: colors.cardText,
        range: sized(ctx, [13, 20]),
        what: `the label of card ${i + 1}`,
        span: card.span,
      }),
    );
    if (card.note) {
      elements.push(
        placeText(ctx, {
          role: 'caption',
          box: { ...column, y: cell.y + cell.h - PAD - noteH, h: noteH },
          paragraphs: [para(card.note)],
          color: colors.muted,
          range: sized(ctx, [11, 13]),
          valign: 'bottom',
          what: `the note of card ${i + 1}`,
          span: card.span,
        }),
      );
    }
  });
  return elements;
}

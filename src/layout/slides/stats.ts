// Big-number cards: 2–5 in one row, 6 in two rows of three. The number is large, its unit inline after
// it, smaller and muted (on its own line only when the card is too narrow for both); the label under it
// in muted type, the note under the label. Every card on a slide uses one number size and one label
// size, so that no figure looks more important than another by accident, and a number never breaks.
import type { Slide, StatCard } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import { columns, GUTTER } from '../grid.js';
import { fitText, heightAt } from '../measure.js';
import type { PlacedElement, PlacedParagraph } from '../placed.js';
import type { Box } from '../units.js';

const PAD_IN = 0.2;
const UNIT_SCALE = 0.42;

/**
 * The number, then its unit in smaller muted type ("trillion yuan"): inline after it, or — on every card
 * of the slide alike, when the cards are too narrow for that — on a line of its own under it.
 */
function valueParagraphs(card: StatCard, muted: string, stacked: boolean): PlacedParagraph[] {
  const number = { text: `${card.prefix ?? ''}${card.value}` };
  if (!card.unit) return [para([number])];
  const unit = { text: card.unit, scale: UNIT_SCALE, bold: false, color: muted };
  // Under the number, a long unit may wrap at its spaces; after it, it stays on the number's line.
  return stacked
    ? [para([number]), para([{ ...unit, text: card.unit.replace(/\u00A0/g, ' ') }], { spaceBefore: 0.08 })]
    : [para([number, { ...unit, text: `\u00A0${card.unit}` }])];
}

export function layoutStats(ctx: LayoutContext, slide: Extract<Slide, { kind: 'stats' }>, body: Box): PlacedElement[] {
  const { colors, sizes, headingFont, bodyFont } = ctx.theme;
  const { k } = ctx;
  const PAD = PAD_IN * k;
  const GAP = GUTTER * k;
  const elements: PlacedElement[] = [];
  let area = body;
  if (slide.intro) {
    // An introduction reads below the title, not against it: body type, at most the lower half of it.
    const [lo, hi] = ctx.theme.sizes.body;
    const intro = placeText(ctx, {
      role: 'body',
      box: { ...body, h: 0.6 * k },
      paragraphs: [para(slide.intro)],
      color: colors.text,
      range: [lo, Math.round(((lo + hi) / 2) * 2) / 2],
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
  const valueH = Math.min(inner * 0.45, 1.4 * k);
  const innerW = (i: number) => cells[i]!.w - 2 * PAD;
  // One size for all numbers: the largest that fits every card on one line; units inline when that
  // costs the numbers little, else under them on every card.
  const valueStyle = { face: headingFont, bold: true, faces: ctx.theme.faces };
  // Numbers shrink rather than break, down to half again the smallest body size (still above the labels).
  const statRange: [number, number] = [Math.min(sizes.stat[0], Math.round(sizes.body[0] * 1.5)), sizes.stat[1]];
  const sizeFor = (stacked: boolean) =>
    Math.min(
      ...slide.stats.map((card, i) =>
        fitText({ paragraphs: valueParagraphs(card, colors.muted, stacked), style: valueStyle, widthIn: innerW(i), heightIn: valueH, range: statRange, maxLinesPerParagraph: stacked ? 2 : 1 }).sizePt,
      ),
    );
  const inlineSize = sizeFor(false);
  const stackedSize = sizeFor(true);
  const stacked = inlineSize < stackedSize * 0.8;
  const valueSize = stacked ? stackedSize : inlineSize;
  const labelTop = (cell: Box) => cell.y + PAD + valueH + 0.1 * k;
  const labelRange = sized(ctx, [13, 20]);
  const noteRange = sized(ctx, [11, 13]);
  const noteRoom = (card: StatCard) => (card.note ? Math.min(0.6 * k, inner * 0.28) : 0);
  // One size for all labels, and one for all notes, on the slide.
  const labelSize = Math.min(
    ...slide.stats.map((card, i) => {
      const cell = cells[i]!;
      const h = cell.y + cell.h - PAD - noteRoom(card) - labelTop(cell);
      return fitText({ paragraphs: [para(card.label)], style: { face: bodyFont, faces: ctx.theme.faces }, widthIn: innerW(i), heightIn: h, range: labelRange }).sizePt;
    }),
  );
  const noteSize = Math.min(
    noteRange[1],
    ...slide.stats.map((card, i) => (card.note ? fitText({ paragraphs: [para(card.note)], style: { face: bodyFont, faces: ctx.theme.faces }, widthIn: innerW(i), heightIn: noteRoom(card), range: noteRange }).sizePt : noteRange[1])),
  );

  slide.stats.forEach((card, i) => {
    const cell = cells[i]!;
    elements.push({ type: 'rect', box: cell, fill: colors.card, radius: 0.06, decoration: true });
    elements.push({ type: 'rect', box: { x: cell.x, y: cell.y, w: 0.08 * k, h: cell.h }, fill: colors.accent, decoration: true });
    const column = { x: cell.x + PAD, w: innerW(i) };
    const value = valueParagraphs(card, colors.muted, stacked);
    elements.push(
      placeText(ctx, {
        role: 'stat',
        box: { ...column, y: cell.y + PAD, h: valueH },
        paragraphs: value,
        color: colors.cardText,
        range: [valueSize, valueSize],
        bold: true,
        valign: 'top',
        maxLinesPerParagraph: stacked ? 2 : 1,
        // The number (and its unit, when each takes one line) can never be broken by the application.
        noWrap: heightAt({ paragraphs: value, style: valueStyle, widthIn: innerW(i), heightIn: valueH, range: [valueSize, valueSize], maxLinesPerParagraph: 1 }, valueSize) <= valueH,
        what: `the number of card ${i + 1}`,
        span: card.span,
      }),
    );
    const top = labelTop(cell);
    const label = placeText(ctx, {
      role: 'label',
      box: { ...column, y: top, h: cell.y + cell.h - PAD - noteRoom(card) - top },
      paragraphs: [para(card.label)],
      color: colors.muted,
      range: [labelSize, labelSize],
      what: `the label of card ${i + 1}`,
      span: card.span,
    });
    elements.push(label);
    if (card.note) {
      // Under the label, not at the foot of the card.
      const noteTop = Math.min(top + label.neededH + 0.08 * k, cell.y + cell.h - PAD - noteRoom(card));
      elements.push(
        placeText(ctx, {
          role: 'caption',
          box: { ...column, y: noteTop, h: cell.y + cell.h - PAD - noteTop },
          paragraphs: [para(card.note)],
          color: colors.muted,
          range: [noteSize, noteSize],
          valign: 'top',
          what: `the note of card ${i + 1}`,
          span: card.span,
        }),
      );
      label.box = { ...label.box, h: Math.max(label.neededH, noteTop - 0.04 * k - top) };
    }
  });
  return elements;
}

// Tables: column widths follow their content (as a browser's automatic table layout does), numbers are
// right-aligned, and the largest type size is chosen at which every row fits the body.
import type { RichText, Slide } from '../../model/types.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import type { FaceMap } from '../../font-faces.js';
import { lineHeightOf, lineWidthIn, unitWidth, WIDTH_SLACK, wrap } from '../measure.js';
import type { PlacedElement, PlacedTable } from '../placed.js';
import { inToPt, ptToIn, type Box } from '../units.js';

const PAD_IN = { x: 0.12, y: 0.06 };
export const TABLE_RANGE = [12, 20] as const;
const CAPTION_IN = 0.45;
/** How much taller than measured a table may come out before its caption would be in the way. */
const CAPTION_ROOM = 7 / 6;
/** A table whose content needs less than this share of the body width keeps to its content. */
const NARROW = 0.7;

interface Sizing {
  colWidths: number[];
  rowHeights: number[];
  fits: boolean;
}

/** Column widths and row heights of the table at one type size, and whether it fits the box. */
export function size(grid: RichText[][], headerRows: number, face: string, sizePt: number, box: Box, PAD = PAD_IN, faces?: FaceMap): Sizing {
  const cols = grid[0]!.length;
  const style = (r: number) => ({ face, bold: r < headerRows, faces });
  const natural = Array<number>(cols).fill(0);
  const minimum = Array<number>(cols).fill(0);
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      // Widths include the same slack that wrapping leaves, so a cell sized to its text does not wrap.
      natural[c] = Math.max(natural[c]!, lineWidthIn(cell, style(r), sizePt) / WIDTH_SLACK + 2 * PAD.x);
      const longestWord = Math.max(0, ...cell.flatMap((run) => run.text.split(/\s+/).map((w) => unitWidth(w, face, r < headerRows, false, faces))));
      minimum[c] = Math.max(minimum[c]!, ptToIn(longestWord * sizePt) / WIDTH_SLACK + 2 * PAD.x);
    }),
  );
  const sumNat = natural.reduce((a, b) => a + b, 0);
  const sumMin = minimum.reduce((a, b) => a + b, 0);
  let colWidths: number[];
  if (sumNat <= box.w * NARROW) {
    // A narrow table keeps to its content (with room to breathe) rather than stretching across the slide.
    colWidths = natural.map((w) => w * Math.min(1.25, (box.w * NARROW) / sumNat));
  } else if (sumNat <= box.w) {
    // Room to spare: share it out in proportion, so that the table spans the body.
    colWidths = natural.map((w) => (w / sumNat) * box.w);
  } else if (sumMin <= box.w) {
    const share = (box.w - sumMin) / (sumNat - sumMin);
    colWidths = natural.map((w, c) => minimum[c]! + (w - minimum[c]!) * share);
  } else {
    colWidths = minimum.map((w) => (w / sumMin) * box.w);
  }
  const lh = lineHeightOf(face, faces) * sizePt;
  const heights = grid.map((row, r) => {
    const lines = Math.max(...row.map((cell, c) => wrap(cell, style(r), sizePt, inToPt(colWidths[c]! - 2 * PAD.x)).lines));
    return ptToIn(lines * lh) + 2 * PAD.y;
  });
  // Every body row as tall as the tallest, so that the hairlines fall at even steps.
  const bodyRow = Math.max(0, ...heights.slice(headerRows));
  const rowHeights = heights.map((h, r) => (r < headerRows ? h : bodyRow));
  const fits = sumMin <= box.w && rowHeights.reduce((a, b) => a + b, 0) <= box.h;
  return { colWidths, rowHeights, fits };
}

/** The part of the body the table itself may use (the caption goes under it). */
export function tableArea(slide: Extract<Slide, { kind: 'table' }>, body: Box, k = 1): Box {
  return slide.caption ? { ...body, h: body.h - (CAPTION_IN + 0.1) * k } : body;
}

export function layoutTable(ctx: LayoutContext, slide: Extract<Slide, { kind: 'table' }>, body: Box): PlacedElement[] {
  const { theme, k } = ctx;
  const area = tableArea(slide, body, k);
  const PAD = { x: PAD_IN.x * k, y: PAD_IN.y * k };
  const RANGE = sized(ctx, TABLE_RANGE);
  const grid = [slide.header, ...slide.rows.map((r) => r.map((c) => c.text))];
  let chosen: Sizing | undefined;
  let sizePt: number = RANGE[0];
  for (let s = RANGE[1]; s >= RANGE[0]; s -= 0.5) {
    const sizing = size(grid, 1, theme.bodyFont, s, area, PAD, theme.faces);
    if (sizing.fits) {
      chosen = sizing;
      sizePt = s;
      break;
    }
  }
  const fits = chosen !== undefined;
  chosen ??= size(grid, 1, theme.bodyFont, RANGE[0], area, PAD, theme.faces);
  const height = chosen.rowHeights.reduce((a, b) => a + b, 0);
  if (!fits) {
    ctx.diags.warn('text-overflow', `slide ${ctx.number} '${slide.title}': ${slide.rows.length} table rows need ${height.toFixed(1)} in at ${sizePt} pt, the box holds ${area.h.toFixed(1)} in`, {
      span: slide.span,
      path: `slides[${slide.index}].rows`,
      hint: 'split the table over two slides, or shorten the cells',
    });
  }
  const width = chosen.colWidths.reduce((a, b) => a + b, 0);
  const table: PlacedTable = {
    type: 'table',
    box: { x: area.x, y: area.y, w: Math.min(width, area.w), h: Math.min(height, area.h) },
    colWidths: chosen.colWidths,
    rowHeights: chosen.rowHeights,
    header: slide.header,
    rows: slide.rows,
    numericColumns: slide.numericColumns,
    fontFace: theme.bodyFont,
    sizePt,
    linePitchPt: sizePt * lineHeightOf(theme.bodyFont, theme.faces),
    pad: PAD,
    colors: { header: theme.colors.titleText, rule: theme.colors.titleText, text: theme.colors.text, line: theme.colors.grid },
    fits,
    span: slide.span,
  };
  const out: PlacedElement[] = [table];
  if (slide.caption) {
    // Under the table, where it reads as the table's, with room for the table to come out up to a
    // sixth taller than measured (a renderer's rows grow to fit their text); never below the body.
    const under = table.box.y + table.box.h * CAPTION_ROOM + 0.1 * k;
    out.push(
      placeText(ctx, {
        role: 'caption',
        box: { x: area.x, y: Math.min(under, body.y + body.h - CAPTION_IN * k), w: area.w, h: CAPTION_IN * k },
        paragraphs: [para(slide.caption)],
        color: theme.colors.muted,
        range: sized(ctx, [12, 14]),
        what: 'the table caption',
      }),
    );
  }
  return out;
}

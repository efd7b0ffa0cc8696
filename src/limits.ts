// Limits on what one outline may ask for, shared by the stages that enforce them: past these a deck is a
// mistake (or an attack), and refusing early beats working for minutes.

/** Slides in a deck, continuation slides included (PowerPoint itself slows to a crawl long before). */
export const MAX_SLIDES = 2000;
/** Rows of one table and points of one chart, written in the outline or read from a CSV file. */
export const MAX_ROWS = 1000;
/** Pixels of one picture, read from its header before anything is decoded (8000 × 6250). */
export const MAX_PIXELS = 50_000_000;
/**
 * Largest magnitude a fact or a chart value may have (a quadrillion): beyond 10^15 whole numbers lose
 * digits in a double, tick labels run to 16 digits and more, and such a figure reads better with a
 * `scale:` (trillion) or a larger unit.
 */
export const MAX_CHART_VALUE = 1e15;
/** Columns of one table (and cells of one row). */
export const MAX_COLUMNS = 50;
/** Characters of one text: a table cell, a label, a bullet. */
export const MAX_TEXT = 2000;

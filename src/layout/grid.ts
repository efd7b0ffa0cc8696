// Spacing shared by the layouts of free-placed content (cards, columns): one gutter everywhere.
import type { Box } from './units.js';

/** Gap between columns and between cards. */
export const GUTTER = 0.35;

/** Splits a box into n columns with gutters. */
export function columns(box: Box, n: number, gutter = GUTTER): Box[] {
  const w = (box.w - gutter * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: box.x + i * (w + gutter), y: box.y, w, h: box.h }));
}

// Layout works in inches (positions and sizes) and points (type sizes). Only layout/ and emit/ see them.

/** 16:9 "widescreen" slide, as PowerPoint's default. */
export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;

export const PT_PER_IN = 72;

export const ptToIn = (pt: number): number => pt / PT_PER_IN;
export const inToPt = (inches: number): number => inches * PT_PER_IN;

/** A rectangle on the slide, in inches from the top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const inset = (b: Box, dx: number, dy = dx): Box => ({ x: b.x + dx, y: b.y + dy, w: b.w - 2 * dx, h: b.h - 2 * dy });

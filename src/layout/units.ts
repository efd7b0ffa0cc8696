// Layout works in inches (positions and sizes) and points (type sizes). Only layout/ and emit/ see them.
export { type Box, PT_PER_IN, ptToIn, inToPt } from '../geometry.js';

/** 16:9 "widescreen" slide, as PowerPoint's default. */
export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;

export const inset = (b: import('../geometry.js').Box, dx: number, dy = dx): import('../geometry.js').Box => ({ x: b.x + dx, y: b.y + dy, w: b.w - 2 * dx, h: b.h - 2 * dy });

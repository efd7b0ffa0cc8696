// One spacing system for every layout: the same margins, title position and footer on every slide
// type, so that titles never jump when the audience moves from one slide to the next.
import type { Box } from './units.js';
import { SLIDE_H, SLIDE_W } from './units.js';

export const MARGIN_X = 0.6;
export const CONTENT_W = SLIDE_W - 2 * MARGIN_X;

export const TITLE: Box = { x: MARGIN_X, y: 0.35, w: CONTENT_W, h: 1.0 };
/** Short accent rule under the title. */
export const TITLE_RULE: Box = { x: MARGIN_X, y: 1.45, w: 1.1, h: 0.06 };

export const BODY_TOP = 1.75;
export const BODY_BOTTOM = 6.6;
export const BODY: Box = { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: BODY_BOTTOM - BODY_TOP };

/** The derived-number footnote sits just above the footer; the body gives up this much room for it. */
export const FOOTNOTE_H = 0.3;

export const FOOTER_Y = 6.98;
export const FOOTER_H = 0.32;
export const FOOTER_RULE: Box = { x: MARGIN_X, y: 6.9, w: CONTENT_W, h: 0 };
export const SLIDE_NUMBER: Box = { x: SLIDE_W - MARGIN_X - 0.8, y: FOOTER_Y, w: 0.8, h: FOOTER_H };
export const FOOTER_TEXT: Box = { x: MARGIN_X, y: FOOTER_Y, w: CONTENT_W - 1.0, h: FOOTER_H };

/** Gap between columns and between cards. */
export const GUTTER = 0.35;

export const SLIDE: Box = { x: 0, y: 0, w: SLIDE_W, h: SLIDE_H };

/** The body area, less the footnote strip when the slide has one. */
export function bodyBox(hasFootnote: boolean): Box {
  return hasFootnote ? { ...BODY, h: BODY.h - FOOTNOTE_H - 0.1 } : BODY;
}

export function footnoteBox(lines: number): Box {
  const h = FOOTNOTE_H * Math.max(1, lines);
  return { x: MARGIN_X, y: FOOTER_RULE.y - 0.06 - h, w: CONTENT_W, h };
}

/** Splits a box into n columns with gutters. */
export function columns(box: Box, n: number, gutter = GUTTER): Box[] {
  const w = (box.w - gutter * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: box.x + i * (w + gutter), y: box.y, w, h: box.h }));
}

const LOGO_H = 0.5;
const LOGO_MAX_W = 1.8;

/**
 * Where the theme's logo goes: top right of content slides, level with the title. Feature slides
 * (title, section, closing) have a dark fill that most logos are not drawn for, so they show none.
 */
export function logoBox(theme: { logo?: { widthPx: number; heightPx: number } }): Box | undefined {
  if (!theme.logo) return undefined;
  const ratio = theme.logo.widthPx / theme.logo.heightPx;
  const w = Math.min(LOGO_MAX_W, LOGO_H * ratio);
  const h = w / ratio;
  return { x: SLIDE_W - MARGIN_X - w, y: TITLE.y + TITLE.h - h, w, h };
}

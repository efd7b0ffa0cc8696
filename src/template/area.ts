// The free content area of a layout: where content with no placeholder of its own (stat cards,
// timelines, tables, charts) may go. It starts from the layout's content placeholders (or the room
// between the title and the footers) and is then cut back from every decoration it would cover —
// logos, bars, ornaments — keeping the largest part each time.
import type { Box } from '../geometry.js';
import { contrastRatio } from '../model/color.js';
import type { Decoration, LayoutInfo, Placeholder, TemplateModel } from './model.js';

const areaOf = (b: Box): number => Math.max(0, b.w) * Math.max(0, b.h);

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: r - x, h: bottom - y };
}

function clip(b: Box, slide: { w: number; h: number }): Box {
  const x = Math.max(0, b.x);
  const y = Math.max(0, b.y);
  return { x, y, w: Math.max(0, Math.min(slide.w, b.x + b.w) - x), h: Math.max(0, Math.min(slide.h, b.y + b.h) - y) };
}

/** The room between the title and the footers, inside the slide's margins. */
export function belowTitle(slide: { w: number; h: number }, title: Placeholder | undefined, footers: Placeholder[]): Box {
  const gap = slide.h * 0.03;
  const mx = slide.w * 0.05;
  const my = slide.h * 0.06;
  const wide = title !== undefined && title.box.w >= slide.w * 0.5;
  const left = wide ? Math.max(title!.box.x, slide.w * 0.02) : mx;
  const right = wide ? Math.min(title!.box.x + title!.box.w, slide.w * 0.98) : slide.w - mx;
  const lowFooters = footers.filter((f) => f.box.y > slide.h * 0.6);
  const bottom = lowFooters.length ? Math.min(...lowFooters.map((f) => f.box.y)) - gap : slide.h - my;
  if (title && title.box.y + title.box.h / 2 > slide.h * 0.55) {
    // A title at the foot of the slide: the content goes above it.
    return { x: left, y: my, w: right - left, h: Math.max(0, title.box.y - gap - my) };
  }
  const top = title ? title.box.y + title.box.h + gap : my;
  return { x: left, y: top, w: right - left, h: Math.max(0, bottom - top) };
}

/**
 * Content placeholders that reach into the footers' band (LibreOffice's templates draw them to the
 * slide's foot) end above the footers instead, so that no footnote or source line sits on the footer.
 */
function aboveFooters(b: Box, footers: Placeholder[], slide: { w: number; h: number }): Box {
  const low = footers.filter((f) => f.box.y > slide.h * 0.6 && f.box.x < b.x + b.w && f.box.x + f.box.w > b.x && f.box.y < b.y + b.h);
  if (!low.length) return b;
  const limit = Math.min(...low.map((f) => f.box.y)) - slide.h * 0.015;
  return limit - b.y >= slide.h * 0.3 ? { ...b, h: Math.min(b.h, limit - b.y) } : b;
}

/** Whether a decoration blocks content: anything but a backdrop covering most of the slide. */
function blocks(d: Box, slide: { w: number; h: number }): boolean {
  const a = areaOf(d);
  if (a > slide.w * slide.h * 0.5) return false;
  // A rule (a line or hairline bar) blocks when it is long enough to matter.
  const thin = d.w < 0.03 || d.h < 0.03;
  if (thin) return Math.max(d.w, d.h) >= Math.min(slide.w, slide.h) * 0.1;
  return a >= slide.w * slide.h * 0.0005;
}

/** `a` without the part `d` covers: the largest of the four rectangles around `d`. */
function cut(a: Box, d: Box): Box | undefined {
  const ax2 = a.x + a.w;
  const ay2 = a.y + a.h;
  const dx2 = d.x + d.w;
  const dy2 = d.y + d.h;
  const overlapW = Math.min(ax2, dx2) - Math.max(a.x, d.x);
  const overlapH = Math.min(ay2, dy2) - Math.max(a.y, d.y);
  // Touching or a sliver of overlap (rounding in the template) does not count; a hairline rule across
  // the area does, however thin it is.
  const thin = d.w < 0.03 || d.h < 0.03;
  const crosses = thin ? overlapW >= 0 && overlapH >= 0 && Math.max(overlapW, overlapH) > 0.02 : overlapW > 0.02 && overlapH > 0.02;
  if (!crosses) return a;
  const pieces: Box[] = [
    { x: a.x, y: a.y, w: a.w, h: d.y - a.y },
    { x: a.x, y: dy2, w: a.w, h: ay2 - dy2 },
    { x: a.x, y: a.y, w: d.x - a.x, h: a.h },
    { x: dx2, y: a.y, w: ax2 - dx2, h: a.h },
  ].filter((p) => p.w > 0 && p.h > 0);
  const best = pieces.sort((p, q) => areaOf(q) - areaOf(p))[0];
  // Losing three quarters of the area to one shape means it is meant to sit under content (a watermark).
  if (!best || areaOf(best) < areaOf(a) * 0.25) return undefined;
  return best;
}

export interface AreaInput {
  title: Placeholder | undefined;
  /** The colour body text is set in on this layout (decides whether a watermark may stay under content). */
  textHex?: string;
  /** Content placeholders whose union is the area; none for the room below the title. */
  from: Placeholder[];
  footer: (Placeholder | undefined)[];
}

/** The area two boxes share (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * A faint decoration that the template's own content placeholders lie over (a watermark, an emblem a
 * shade off the background) is meant to be under content; one they keep clear of (a logo, a bar), or one
 * that stands out from the background (a coloured band, a logo the placeholder happens to overlap), is not.
 */
function underContent(d: Decoration, content: Box[], background: string, textHex: string | undefined): boolean {
  const a = areaOf(d.box);
  if (!(a > 0 && content.some((c) => overlapArea(d.box, c) >= 0.4 * a))) return false;
  if (d.hex === undefined || textHex === undefined) return false;
  return contrastRatio(d.hex, background) < 1.6 && contrastRatio(d.hex, textHex) >= 3;
}

/** The free area, and how much of the room the layout offers for content it keeps (1 = nothing in the way). */
export function freeArea(t: TemplateModel, layout: LayoutInfo, input: AreaInput): { area: Box; coverage: number } {
  return cutArea(t, layout, input);
}

function cutArea(t: TemplateModel, layout: LayoutInfo, input: AreaInput): { area: Box; coverage: number } {
  const slide = t.slideSize;
  const footers = input.footer.filter((f): f is Placeholder => f !== undefined);
  const start = aboveFooters(clip(input.from.length ? union(input.from.map((p) => p.box)) : belowTitle(slide, input.title, footers), slide), footers, slide);
  let area = start;
  const isContent = (p: Placeholder): boolean => !['title', 'ctrTitle', 'subTitle', 'dt', 'ftr', 'sldNum', 'hdr', 'sldImg'].includes(p.type);
  const content = [...layout.placeholders.filter(isContent), ...(t.masters[layout.master]?.placeholders.filter(isContent) ?? [])].map((p) => p.box);
  const obstacles = layout.decorations.filter((d) => blocks(d.box, slide) && !underContent(d, content, layout.background.hex, input.textHex)).map((d) => d.box);
  // Largest first: a big bar decides the shape of the area before small marks trim it.
  obstacles.sort((a, b) => areaOf(b) - areaOf(a));
  for (const d of obstacles) area = cut(area, d) ?? area;
  if (area.w < slide.w * 0.1 || area.h < slide.h * 0.1) return { area: start.w > 0 && start.h > 0 ? start : belowTitle(slide, input.title, footers), coverage: 0.3 };
  return { area, coverage: Math.min(1, areaOf(area) / Math.max(1e-9, areaOf(start))) };
}

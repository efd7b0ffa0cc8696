// The colour a decoration shows, for judging whether content may sit on it: a shape's fill (its own,
// or the theme fill style it refers to), the mean of a gradient or a pattern, or the mean pixel of a picture — also
// the picture an OLE object or a group shows.
import { child, descendants, elements, NS, numAttr, type Element } from '../xml.js';
import { averageColor } from './background.js';
import { colorChild, mixHex, patternHex, resolveColor, type ColorContext } from './color.js';
import type { Box } from '../geometry.js';
import type { Package } from './package.js';

export type ColorOf = (el: Element, box: Box) => string | undefined;

/**
 * The fill a shape's properties state: a colour, `none` for an explicit noFill, or undefined when they
 * say nothing (a placeholder then shows its master's fill). Pictures are not looked at here.
 */
export function statedFill(spPr: Element | undefined, style: Element | undefined, ctx: ColorContext): string | 'none' | undefined {
  for (const f of spPr ? elements(spPr) : []) {
    if (f.localName === 'solidFill') return resolveColor(colorChild(f), ctx)?.hex;
    if (f.localName === 'gradFill') {
      const stops = descendants(f, 'a', 'gs').map((g) => resolveColor(colorChild(g), ctx)?.hex).filter((h): h is string => h !== undefined);
      return stops.length ? mixHex(stops) : undefined;
    }
    if (f.localName === 'noFill') return 'none';
  }
  const ref = child(style, 'a', 'fillRef');
  if (ref && numAttr(ref, 'idx', 0) > 0) return resolveColor(colorChild(ref), ctx)?.hex;
  return undefined;
}

/**
 * A colour reader for the shapes of one part. Pictures are decoded once per package, and only when they
 * cover enough of the slide for content to sit on them (a watermark, a photo): decoding every logo would
 * cost more than the rest of the template.
 */
export function decorationColors(pkg: Package, part: string, ctx: ColorContext, pictures: Map<string, string | undefined>, slide: { w: number; h: number }): ColorOf {
  let large = false;
  const picture = (blip: Element | undefined): string | undefined => {
    if (!large) return undefined;
    const target = pkg.target(part, blip?.getAttributeNS(NS.r, 'embed'));
    if (!target) return undefined;
    if (!pictures.has(target)) {
      const bytes = pkg.bytes(target);
      pictures.set(target, bytes ? averageColor(bytes) : undefined);
    }
    return pictures.get(target);
  };
  const fill = (owner: Element | undefined, style: Element | undefined): string | undefined => {
    for (const f of owner ? elements(owner) : []) {
      switch (f.localName) {
        case 'solidFill':
          return resolveColor(colorChild(f), ctx)?.hex;
        case 'gradFill': {
          const stops = descendants(f, 'a', 'gs').map((g) => resolveColor(colorChild(g), ctx)?.hex).filter((h): h is string => h !== undefined);
          return stops.length ? mixHex(stops) : undefined;
        }
        case 'pattFill':
          return patternHex(f, ctx);
        case 'blipFill':
          return picture(child(f, 'a', 'blip'));
        case 'noFill':
          return undefined;
        default:
          break;
      }
    }
    // No fill of its own: the theme's fill style the shape refers to, in the colour it passes.
    const ref = child(style, 'a', 'fillRef');
    if (ref && numAttr(ref, 'idx', 0) > 0) return resolveColor(colorChild(ref), ctx)?.hex;
    return undefined;
  };
  return (el, box) => {
    large = box.w * box.h >= slide.w * slide.h * 0.05;
    switch (el.localName) {
      case 'sp':
        return fill(child(el, 'p', 'spPr'), child(el, 'p', 'style'));
      case 'pic':
        return picture(child(child(el, 'p', 'blipFill'), 'a', 'blip'));
      case 'graphicFrame':
      case 'grpSp': {
        const blip = descendants(el, 'a', 'blip')[0];
        if (blip) return picture(blip);
        const sp = descendants(el, 'p', 'sp')[0];
        return sp ? fill(child(sp, 'p', 'spPr'), child(sp, 'p', 'style')) : undefined;
      }
      default:
        return undefined;
    }
  };
}

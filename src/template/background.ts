// The fill behind a master's or layout's slides, and the one colour text is read against: the fill for
// a solid background, the mean of the stops for a gradient, the mean pixel of a picture.
import { createCanvas, Image } from '../canvas.js';
import { child, elements, numAttr, path, type Element } from '../xml.js';
import { colorChild, mixHex, patternHex, resolveColor, schemeHex, type ColorContext } from './color.js';
import type { Background } from './model.js';
import type { Package } from './package.js';
import type { ThemePart } from './theme.js';

export interface BackgroundSource {
  pkg: Package;
  /** The part whose relationships a picture fill's `r:embed` refers to. */
  part: string;
  theme: ThemePart;
  color: ColorContext;
}

/** The background a master or layout sets itself, or undefined when it has none (a layout then shows the master's). */
export function readBackground(root: Element | undefined, src: BackgroundSource): Background | undefined {
  const bg = path(root, 'p:cSld', 'p:bg');
  if (!bg) return undefined;
  const bgPr = child(bg, 'p', 'bgPr');
  if (bgPr) return fillBackground(elements(bgPr)[0], src, src.color);
  const ref = child(bg, 'p', 'bgRef');
  if (ref) {
    // A reference into the theme's fill styles, with its colour standing in for phClr.
    const idx = numAttr(ref, 'idx', 0);
    const placeholder = resolveColor(colorChild(ref), src.color)?.hex;
    const ctx = placeholder ? { ...src.color, placeholder } : src.color;
    const style = idx >= 1001 ? src.theme.bgFills[idx - 1001] : idx >= 1 ? src.theme.fills[idx - 1] : undefined;
    if (style) return fillBackground(style, src, ctx);
    return { kind: 'solid', hex: placeholder ?? bg1(src.color) };
  }
  return undefined;
}

const bg1 = (ctx: ColorContext): string => schemeHex('bg1', ctx) ?? '#FFFFFF';

function fillBackground(fill: Element | undefined, src: BackgroundSource, ctx: ColorContext): Background {
  switch (fill?.localName) {
    case 'solidFill':
      return { kind: 'solid', hex: resolveColor(colorChild(fill), ctx)?.hex ?? bg1(ctx) };
    case 'gradFill': {
      const stops = elements(child(fill, 'a', 'gsLst') ?? fill).filter((g) => g.localName === 'gs');
      const hexes = stops.map((g) => resolveColor(colorChild(g), ctx)?.hex).filter((h): h is string => h !== undefined);
      return { kind: 'gradient', hex: hexes.length ? mixHex(hexes) : bg1(ctx) };
    }
    case 'pattFill':
      return { kind: 'pattern', hex: patternHex(fill, ctx) };
    case 'blipFill': {
      const embed = child(fill, 'a', 'blip')?.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'embed');
      const target = src.pkg.target(src.part, embed);
      const bytes = target ? src.pkg.bytes(target) : undefined;
      const samples = bytes && sampleColors(bytes);
      return samples ? { kind: 'picture', hex: samples.hex, grid: samples.grid } : { kind: 'picture', hex: bg1(ctx) };
    }
    default: // noFill or nothing: the slide shows bg1
      return { kind: 'solid', hex: bg1(ctx) };
  }
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const GIF = [0x47, 0x49, 0x46];
const MAX_PICTURE_BYTES = 40 * 1024 * 1024;

/** The mean colour of a PNG, JPEG or GIF picture; undefined for other formats (EMF, SVG, TIFF) or pictures that do not decode. */
export function averageColor(bytes: Uint8Array): string | undefined {
  return sampleColors(bytes)?.hex;
}

const GRID = 24;

/** A picture's mean colour and its colours on a GRID × GRID grid, as it shows stretched over the slide. */
function sampleColors(bytes: Uint8Array): { hex: string; grid: NonNullable<Background['grid']> } | undefined {
  const is = (sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (bytes.length > MAX_PICTURE_BYTES || !(is(PNG) || is(JPEG) || is(GIF))) return undefined;
  try {
    const img = new Image();
    img.src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!img.width || !img.height) return undefined;
    // 576 nearest-neighbour samples: a filtered downscale of a large picture costs 100× more and
    // changes the mean by less than a shade.
    const n = GRID;
    const ctx = createCanvas(n, n).getContext('2d');
    ctx.imageSmoothingEnabled = false;
    // A transparent picture shows white paper where it lets the slide through.
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, n, n);
    ctx.drawImage(img, 0, 0, n, n);
    const data = ctx.getImageData(0, 0, n, n).data;
    const sum = [0, 0, 0];
    const rgb: number[] = [];
    for (let i = 0; i < data.length; i += 4) {
      for (let c = 0; c < 3; c++) {
        sum[c]! += data[i + c]!;
        rgb.push(data[i + c]!);
      }
    }
    const px = data.length / 4;
    return { hex: hexOf(sum.map((s) => s / px)), grid: { n, rgb } };
  } catch {
    return undefined;
  }
}

const hexOf = (rgb: number[]): string => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase()}`;

/**
 * The colour behind `box` on a slide of `slide`'s size: for a picture, the mean of the grid cells whose
 * centres lie in the box (the nearest cell for a box smaller than one); otherwise the background's colour.
 */
export function backdropUnder(bg: Background, box: { x: number; y: number; w: number; h: number }, slide: { w: number; h: number }): string {
  const g = bg.grid;
  if (!g || slide.w <= 0 || slide.h <= 0) return bg.hex;
  // Cell i covers [i, i + 1) / n of the slide; its centre is at (i + 0.5) / n.
  const clamp = (i: number): number => Math.max(0, Math.min(g.n - 1, i));
  const cells = (from: number, size: number, total: number): [number, number] => {
    const lo = Math.ceil((from / total) * g.n - 0.5);
    const hi = Math.floor(((from + size) / total) * g.n - 0.5);
    if (lo > hi) {
      const mid = clamp(Math.round(((from + size / 2) / total) * g.n - 0.5));
      return [mid, mid];
    }
    return [clamp(lo), clamp(hi)];
  };
  const [c0, c1] = cells(box.x, box.w, slide.w);
  const [r0, r1] = cells(box.y, box.h, slide.h);
  const sum = [0, 0, 0];
  let count = 0;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      for (let k = 0; k < 3; k++) sum[k]! += g.rgb[(r * g.n + c) * 3 + k]!;
      count++;
    }
  }
  return hexOf(sum.map((s) => s / count));
}

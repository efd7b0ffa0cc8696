// A contact sheet: every slide image as a thumbnail in a grid, in reading order, each numbered under it,
// on a light grey ground so that white slides keep visible edges. Pure input → output: PNG bytes in,
// PNG bytes out, nothing read or written on disk.
import { createCanvas, loadImage, type CanvasImage } from '../canvas.js';
import { registerFonts } from '../fonts.js';

export interface ContactSheetOptions {
  /** Thumbnails per row. Default: 4 for more than 9 images, else 3 (never more than there are images). */
  columns?: number;
  /** Width of the whole sheet in pixels. Default: 1920, or less when the thumbnails would be enlarged. */
  width?: number;
}

/** Space around and between thumbnails, in pixels. */
export const GUTTER = 16;
export const DEFAULT_WIDTH = 1920;
export const BACKGROUND = '#e6e8eb';
export const BORDER = '#b4bac2';
/** Colour of the slide numbers. */
export const LABEL_COLOUR = '#1f2933';

export interface Cell {
  /** The thumbnail's box (the image is fitted inside it, centred, aspect ratio kept). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The band under the thumbnail that holds its number. */
  labelY: number;
  labelH: number;
}

export interface SheetGeometry {
  width: number;
  height: number;
  columns: number;
  rows: number;
  thumbW: number;
  thumbH: number;
  fontPx: number;
  cells: Cell[];
}

export function defaultColumns(count: number): number {
  return count > 9 ? 4 : 3;
}

/**
 * Where everything goes for `count` images of `imageW`×`imageH` (the first image's size sets the
 * thumbnails' aspect ratio). Widths: GUTTER, thumbnail, GUTTER, …, thumbnail, GUTTER, plus fewer than
 * `columns` spare pixels split left and right; heights: GUTTER, then per row thumbnail + label + GUTTER.
 */
export function sheetGeometry(count: number, imageW: number, imageH: number, opts: ContactSheetOptions = {}): SheetGeometry {
  if (count < 1) throw new RangeError('a contact sheet needs at least one image');
  if (!(imageW > 0 && imageH > 0)) throw new RangeError(`bad image size ${imageW}×${imageH}`);
  const requested = opts.columns ?? defaultColumns(count);
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`columns must be a whole number ≥ 1, not ${requested}`);
  const columns = Math.min(requested, count);
  const rows = Math.ceil(count / columns);
  const natural = GUTTER * (columns + 1) + columns * imageW;
  const width = opts.width ?? Math.min(DEFAULT_WIDTH, natural);
  if (!Number.isInteger(width)) throw new RangeError(`width must be a whole number of pixels, not ${width}`);
  const thumbW = Math.floor((width - GUTTER * (columns + 1)) / columns);
  if (thumbW < 16) throw new RangeError(`a ${width} px wide sheet is too narrow for ${columns} columns`);
  const thumbH = Math.max(1, Math.round((thumbW * imageH) / imageW));
  const fontPx = Math.max(14, Math.min(28, Math.round(thumbW * 0.045)));
  const labelH = Math.round(fontPx * 1.6);
  const spare = width - (GUTTER * (columns + 1) + columns * thumbW);
  const x0 = GUTTER + Math.floor(spare / 2);
  const rowH = thumbH + labelH + GUTTER;
  const cells: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const x = x0 + col * (thumbW + GUTTER);
    const y = GUTTER + row * rowH;
    cells.push({ x, y, w: thumbW, h: thumbH, labelY: y + thumbH, labelH });
  }
  return { width, height: GUTTER + rows * rowH, columns, rows, thumbW, thumbH, fontPx, cells };
}

/** All images as numbered thumbnails in a grid (PNG bytes). */
export async function contactSheet(pngs: Buffer[], opts: ContactSheetOptions = {}): Promise<Buffer> {
  if (pngs.length === 0) throw new RangeError('a contact sheet needs at least one image');
  const images: CanvasImage[] = [];
  for (const png of pngs) images.push(await loadImage(png));
  const first = images[0]!;
  const g = sheetGeometry(images.length, first.width, first.height, opts);

  registerFonts();
  const canvas = createCanvas(g.width, g.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, g.width, g.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.font = `bold ${g.fontPx}px Arimo`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';

  images.forEach((img, i) => {
    const c = g.cells[i]!;
    // Fit inside the cell keeping the image's own aspect ratio (slides of another size stay undistorted).
    const scale = Math.min(c.w / img.width, c.h / img.height);
    const w = Math.max(1, Math.round(img.width * scale));
    const h = Math.max(1, Math.round(img.height * scale));
    const x = c.x + Math.floor((c.w - w) / 2);
    const y = c.y + Math.floor((c.h - h) / 2);
    ctx.fillStyle = BORDER;
    ctx.fillRect(x - 1, y - 1, w + 2, h + 2);
    ctx.drawImage(img, x, y, w, h);
    ctx.fillStyle = LABEL_COLOUR;
    ctx.fillText(String(i + 1), c.x + c.w / 2, c.labelY + c.labelH / 2 + 1);
  });
  return canvas.toBuffer('image/png');
}

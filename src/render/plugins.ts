// Two tiny inline chart.js plugins, so no extra npm dependency is needed:
//  - `bdBackground` fills the whole canvas with the theme background before anything is drawn
//    (chart.js leaves it transparent);
//  - `bdDataLabels` writes each value on or next to its bar, point or slice.
// Pure in the sense that matters here: they only draw on the context chart.js hands them, and their
// settings live in `options.plugins.<id>` so a config stays inspectable data.
import type { Chart, ChartType, Plugin } from 'chart.js';
import { contrastRatio, contrastText } from './style.js';

export interface BackgroundPluginOptions {
  color: string;
}

export interface DataLabelsPluginOptions {
  display: boolean;
  /** When not empty, only these label indices get a label (the highlighted ones, with data labels off). */
  only: number[];
  family: string;
  /** CSS px. */
  size: number;
  /** Smallest size a label may shrink to so that it fits in a segment (12 pt), CSS px. */
  minSize: number;
  /** Size of the second line of a label (a slice's name), CSS px. */
  smallSize: number;
  weight: 'normal' | 'bold';
  /** Colour of labels drawn on the background. */
  color: string;
  /** Choices for labels drawn on a fill, picked by contrast with the fill. */
  light: string;
  dark: string;
  /** Halo drawn behind labels on the background (the background colour). */
  halo: string;
  /** Leader lines from a slice to its label. */
  leader: string;
  /** The text of every label, per dataset and label index, as the model wrote it (one formatter). */
  texts: string[][];
  /** Bars or areas are stacked: label each segment in its middle. */
  stacked: boolean;
  /** Pie and doughnut: labels beside the slices, and the headline figure in a doughnut's hole. */
  arcs?: ArcLabelOptions;
}

export interface ArcLabelOptions {
  /** Each slice's name, wrapped into lines. */
  names: string[][];
  /** Each slice's share as it reads ("92.3%"). */
  shares: string[];
  /** The doughnut's hole: the headline slice's share, large, and its name; that slice gets no label beside it. */
  hole?: { index: number; figure: string; caption: string[]; color: string; figureSize: number };
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    bdBackground: BackgroundPluginOptions;
    bdDataLabels: DataLabelsPluginOptions;
  }
}

/** The part of CanvasRenderingContext2D the plugins use (the project compiles without DOM types). */
interface Ctx {
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: string;
  font: string;
  textAlign: string;
  textBaseline: string;
}

interface ElementProps {
  x: number;
  y: number;
  base?: number;
  width?: number;
  height?: number;
  horizontal?: boolean;
  startAngle?: number;
  endAngle?: number;
  innerRadius?: number;
  outerRadius?: number;
  options?: { backgroundColor?: unknown; radius?: number };
}

function ctxOf(chart: Chart): Ctx {
  return chart.ctx as unknown as Ctx;
}

export const backgroundPlugin: Plugin<ChartType, BackgroundPluginOptions> = {
  id: 'bdBackground',
  beforeDraw(chart, _args, options) {
    const ctx = ctxOf(chart as Chart);
    const canvas = chart.canvas as unknown as { width: number; height: number };
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
  },
};

/** The CSS font of a label: `family` is already a CSS family list (style.ts), so it is not quoted again. */
export function font(o: Pick<DataLabelsPluginOptions, 'family' | 'weight'>, size: number, weight = o.weight): string {
  return `${weight === 'bold' ? 'bold ' : ''}${size}px ${o.family}`;
}

function drawText(ctx: Ctx, text: string, x: number, y: number, fill: string, halo: string | undefined): void {
  if (halo) {
    ctx.strokeStyle = halo;
    ctx.lineWidth = 4;
    ctx.lineJoin = 'round';
    ctx.strokeText(text, x, y);
  }
  ctx.fillStyle = fill;
  ctx.fillText(text, x, y);
}

function fillOf(el: ElementProps, fallback: string): string {
  const bg = el.options?.backgroundColor;
  return typeof bg === 'string' ? bg : fallback;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What labels must not cover: earlier labels, the lines and their dots, and (for a backdrop) bars. */
interface Scene {
  placed: Box[];
  segments: Segment[];
  dots: { x: number; y: number; r: number }[];
  bars: Box[];
  /** Legend and titles. */
  blocks: Box[];
  canvas: Box;
}

interface LabelJob {
  kind: 'bar' | 'point';
  datasetIndex: number;
  index: number;
  value: number;
  text: string;
  el: ElementProps;
  /** Stacked areas: the pixel y of the band's lower edge at this point. */
  base?: number;
}

interface Placement {
  x: number;
  y: number;
  box: Box;
  color: string;
  /** How the text is kept readable: halo on the background, plain on a fill, backdrop over bars. */
  look: 'halo' | 'plain' | 'backdrop';
}

function propsOf(element: unknown): ElementProps {
  const e = element as { getProps(k: string[], final: boolean): ElementProps; options?: ElementProps['options'] };
  const p = e.getProps(['x', 'y', 'base', 'width', 'height', 'horizontal'], true);
  return { ...p, options: e.options };
}

function boxAt(cx: number, cy: number, w: number, h: number): Box {
  return { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
}

/** Liang–Barsky: does the segment cross the box? */
function segmentHitsBox(s: Segment, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  const edges: [number, number][] = [
    [-dx, s.x0 - b.x0],
    [dx, b.x1 - s.x0],
    [-dy, s.y0 - b.y0],
    [dy, b.y1 - s.y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function barBox(el: ElementProps): Box {
  const base = el.base ?? 0;
  if (el.horizontal) {
    const h = (el.height ?? 0) / 2;
    return { x0: Math.min(el.x, base), x1: Math.max(el.x, base), y0: el.y - h, y1: el.y + h };
  }
  const w = (el.width ?? 0) / 2;
  return { x0: el.x - w, x1: el.x + w, y0: Math.min(el.y, base), y1: Math.max(el.y, base) };
}

/** Lower is better: overlapping another label is worst, then crossing a line or dot, then leaving the canvas. */
function cost(box: Box, scene: Scene): number {
  let c = 0;
  for (const b of scene.placed) if (overlaps(b, box)) c += 10;
  for (const b of scene.blocks) if (overlaps(b, box)) c += 10;
  for (const s of scene.segments) if (segmentHitsBox(s, box)) c += 3;
  for (const d of scene.dots) if (nearestDist(box, d.x, d.y) < d.r + 1) c += 3;
  const cv = scene.canvas;
  if (box.x0 < cv.x0 || box.y0 < cv.y0 || box.x1 > cv.x1 || box.y1 > cv.y1) c += 5;
  return c;
}

function best(candidates: Placement[], scene: Scene): Placement | undefined {
  let pick: Placement | undefined;
  let pickCost = Infinity;
  for (const c of candidates) {
    const k = cost(c.box, scene);
    if (k < pickCost) {
      pick = c;
      pickCost = k;
    }
    if (k === 0) break;
  }
  return pick;
}

function drawPlacement(ctx: Ctx, o: DataLabelsPluginOptions, text: string, p: Placement): void {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (p.look === 'backdrop') {
    ctx.fillStyle = o.halo;
    const r = 3;
    const b = { x0: p.box.x0 - r, y0: p.box.y0, x1: p.box.x1 + r, y1: p.box.y1 };
    ctx.fillRect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
  }
  drawText(ctx, text, p.x, p.y, p.color, p.look === 'halo' ? o.halo : undefined);
}

export const dataLabelsPlugin: Plugin<ChartType, DataLabelsPluginOptions> = {
  id: 'bdDataLabels',
  afterDatasetsDraw(chartAny, _args, o) {
    if (!o.display) return;
    const chart = chartAny as Chart;
    const ctx = ctxOf(chart);
    ctx.save();
    const pad = Math.round(o.size * 0.3);
    const scene: Scene = {
      placed: [],
      segments: [],
      dots: [],
      bars: [],
      blocks: layoutBlocks(chart),
      canvas: { x0: 0, y0: 0, x1: chart.width, y1: chart.height },
    };
    const jobs: LabelJob[] = [];

    chart.data.datasets.forEach((dataset, di) => {
      if (!chart.isDatasetVisible(di)) return;
      const meta = chart.getDatasetMeta(di);
      const texts = o.texts[di] ?? [];
      const values = (dataset.data as unknown[]).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
      if (meta.type === 'pie' || meta.type === 'doughnut') {
        if (o.arcs) drawArcLabels(ctx, o, o.arcs, meta.data as unknown as ArcLike[], values, pad, chart);
        return;
      }
      const kind = meta.type === 'bar' ? 'bar' : 'point';
      let prev: ElementProps | undefined;
      meta.data.forEach((element, i) => {
        const value = values[i];
        const el = propsOf(element);
        if (kind === 'point') {
          if (value === null || value === undefined) {
            prev = undefined;
          } else {
            if (prev) scene.segments.push({ x0: prev.x, y0: prev.y, x1: el.x, y1: el.y });
            scene.dots.push({ x: el.x, y: el.y, r: el.options?.radius ?? 0 });
            prev = el;
          }
        } else if (value !== null && value !== undefined) {
          scene.bars.push(barBox(el));
        }
        if (value === null || value === undefined) return;
        if (o.only.length > 0 && !o.only.includes(i)) return;
        const text = texts[i];
        if (!text) return;
        jobs.push({ kind, datasetIndex: di, index: i, value, text, el, base: kind === 'point' && o.stacked ? stackBase(chart, di, i) : undefined });
      });
    });

    // Bars first (their labels have one natural place), then points around what is already there.
    for (const job of jobs.filter((j) => j.kind === 'bar')) {
      const top = o.stacked && isTopOfStack(chart, job.datasetIndex, job.index, job.value);
      const p = placeBarLabel(ctx, o, job, pad, top, scene);
      if (!p) continue;
      drawPlacement(ctx, o, job.text, p);
      scene.placed.push(p.box);
    }
    for (const job of jobs.filter((j) => j.kind === 'point')) {
      ctx.font = font(o, o.size);
      const w = ctx.measureText(job.text).width;
      const h = o.size * 1.1;
      const r = job.el.options?.radius ?? 0;
      const { x, y } = job.el;
      if (job.base !== undefined && Math.abs(job.base - y) >= h + pad) {
        // A stacked area band tall enough for its value: the value in the band's middle, on its fill.
        const fill = typeof chart.data.datasets[job.datasetIndex]?.backgroundColor === 'string' ? (chart.data.datasets[job.datasetIndex]!.backgroundColor as string) : o.dark;
        const cy = (y + job.base) / 2;
        // The first and last points sit on the band's ends: their labels move inwards, onto the fill.
        const last = job.index === (chart.data.labels?.length ?? 0) - 1;
        const cx = job.index === 0 ? x + w / 2 + pad : last ? x - w / 2 - pad : x;
        const p: Placement = { x: cx, y: cy, box: boxAt(cx, cy, w, h), color: contrastText(fill, o.light, o.dark), look: 'plain' };
        drawPlacement(ctx, o, job.text, p);
        scene.placed.push(p.box);
        continue;
      }
      const spots = [
        { x, y: y - r - pad - h / 2 },
        { x, y: y + r + pad + h / 2 },
        { x: x + r + pad + w / 2, y },
        { x: x - r - pad - w / 2, y },
      ];
      const candidates = spots.map((s): Placement => {
        const box = boxAt(s.x, s.y, w, h);
        const onBar = scene.bars.some((b) => overlaps(b, box));
        return { x: s.x, y: s.y, box, color: o.color, look: onBar ? 'backdrop' : 'halo' };
      });
      const p = best(candidates, scene);
      if (!p) continue;
      drawPlacement(ctx, o, job.text, p);
      scene.placed.push(p.box);
    }
    ctx.restore();
  },
};

/** Boxes of the legend, title and subtitle (the layout boxes that are not axes): labels must not cover them. */
function layoutBlocks(chart: Chart): Box[] {
  const boxes = (chart as unknown as { boxes?: Record<string, unknown>[] }).boxes ?? [];
  const out: Box[] = [];
  for (const b of boxes) {
    // A shown axis's box is its tick labels (outside the plot area): a label there would cover them.
    if ('axis' in b && (b as { options?: { display?: unknown } }).options?.display === false) continue;
    const { left, top, right, bottom } = b as { left?: unknown; top?: unknown; right?: unknown; bottom?: unknown };
    if (typeof left !== 'number' || typeof top !== 'number' || typeof right !== 'number' || typeof bottom !== 'number') continue;
    if (right > left && bottom > top) out.push({ x0: left, y0: top, x1: right, y1: bottom });
  }
  return out;
}

/** Pixel y of the top of the datasets stacked under dataset `di` at `index` (the zero line for the first). */
function stackBase(chart: Chart, di: number, index: number): number | undefined {
  for (let d = di - 1; d >= 0; d--) {
    if (!chart.isDatasetVisible(d)) continue;
    const el = chart.getDatasetMeta(d).data[index] as unknown as { y?: number } | undefined;
    if (typeof el?.y === 'number') return el.y;
  }
  const scale = chart.scales.y;
  return scale ? scale.getPixelForValue(0) : undefined;
}

/** True when no later visible dataset stacks a value on the same side of zero at `index`. */
function isTopOfStack(chart: Chart, datasetIndex: number, index: number, value: number): boolean {
  for (let d = datasetIndex + 1; d < chart.data.datasets.length; d++) {
    if (!chart.isDatasetVisible(d)) continue;
    const v = chart.data.datasets[d]?.data[index];
    if (typeof v === 'number' && Number.isFinite(v) && v !== 0 && Math.sign(v) === Math.sign(value)) return false;
  }
  return true;
}

/**
 * Where a bar's value goes. Plain bars: just past the end, or inside the end (contrasting colour) when a
 * line or dot runs through the outside spot. Stacked bars: in the middle of the segment, down to 12 pt;
 * a segment too thin for its value puts it past the end when it is the top of its stack, else nowhere
 * (the legend and alt text carry it) rather than over its neighbours.
 */
function placeBarLabel(
  ctx: Ctx,
  o: DataLabelsPluginOptions,
  job: LabelJob,
  pad: number,
  topOfStack: boolean,
  scene: Scene,
): Placement | undefined {
  const el = job.el;
  const horizontal = el.horizontal === true;
  const base = el.base ?? 0;
  const along = Math.abs(horizontal ? el.x - base : el.y - base);
  const across = Math.abs((horizontal ? el.height : el.width) ?? 0);
  const onFill = contrastText(fillOf(el, o.dark), o.light, o.dark);
  const fits = (w: number, h: number, size: number): boolean =>
    horizontal ? w + 2 * pad <= along && size * 1.05 <= across : size * 1.05 + pad <= along && w + pad <= across;

  let size = o.size;
  if (o.stacked) {
    for (const s of [o.size, o.minSize]) {
      ctx.font = font(o, s);
      const w = ctx.measureText(job.text).width;
      if (fits(w, s, s)) {
        const cx = horizontal ? (el.x + base) / 2 : el.x;
        const cy = horizontal ? el.y : (el.y + base) / 2;
        return { x: cx, y: cy, box: boxAt(cx, cy, w, s * 1.1), color: onFill, look: 'plain' };
      }
    }
    if (!topOfStack) return undefined;
    size = o.minSize;
  }
  ctx.font = font(o, size);
  const w = ctx.measureText(job.text).width;
  const h = size * 1.1;
  const dir = job.value < 0 ? -1 : 1;
  const outside = horizontal
    ? { x: el.x + dir * (pad + w / 2), y: el.y }
    : { x: el.x, y: el.y - dir * (pad + h / 2) };
  const candidates: Placement[] = [{ ...outside, box: boxAt(outside.x, outside.y, w, h), color: o.color, look: 'halo' }];
  if (!o.stacked && fits(w, h, size)) {
    const inside = horizontal
      ? { x: el.x - dir * (pad + w / 2), y: el.y }
      : { x: el.x, y: el.y + dir * (pad + h / 2) };
    candidates.push({ ...inside, box: boxAt(inside.x, inside.y, w, h), color: onFill, look: 'plain' });
  }
  return best(candidates, scene);
}

interface ArcLike {
  getProps(keys: string[], final: boolean): ElementProps;
  options?: { backgroundColor?: unknown };
}

interface SliceLabel {
  index: number;
  mid: number;
  side: 1 | -1;
  lines: { text: string; size: number; weight: 'normal' | 'bold' }[];
  w: number;
  h: number;
  /** Centre y of the block once placed. */
  y: number;
}

/**
 * Pie and doughnut labels: each slice's name and share beside it, on its side of the pie, joined to
 * the rim by a short leader; labels on one side pushed apart so they never overlap. A doughnut's hole
 * shows the headline slice's share large, with its name under it.
 */
function drawArcLabels(ctx: Ctx, o: DataLabelsPluginOptions, a: ArcLabelOptions, arcs: ArcLike[], values: (number | null)[], pad: number, chart: Chart): void {
  const labels: SliceLabel[] = [];
  let cx = 0;
  let cy = 0;
  let outer = 0;
  let inner = 0;
  arcs.forEach((arc, i) => {
    const p = arc.getProps(['x', 'y', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true);
    cx = p.x;
    cy = p.y;
    outer = p.outerRadius ?? 0;
    inner = p.innerRadius ?? 0;
    const value = values[i];
    if (value === null || value === undefined || value <= 0 || i === a.hole?.index) return;
    if (o.only.length > 0 && !o.only.includes(i)) return;
    const mid = ((p.startAngle ?? 0) + (p.endAngle ?? 0)) / 2;
    const lines = [
      ...(a.names[i] ?? []).map((text) => ({ text, size: o.smallSize, weight: 'normal' as const })),
      { text: a.shares[i] ?? '', size: o.size, weight: 'bold' as const },
    ].filter((l) => l.text);
    const w = Math.max(
      0,
      ...lines.map((l) => {
        ctx.font = font(o, l.size, l.weight);
        return ctx.measureText(l.text).width;
      }),
    );
    const h = lines.reduce((sum, l) => sum + l.size * 1.15, 0);
    labels.push({ index: i, mid, side: Math.cos(mid) >= 0 ? 1 : -1, lines, w, h, y: cy + Math.sin(mid) * (outer + pad) });
  });

  const gap = Math.max(pad, o.size * 0.4);
  // More labels than a side can hold (dozens of slices): the smallest slices go unlabelled (the alt text
  // still gives every share) rather than overlapping.
  const room = chart.height - 2 * pad;
  for (const side of [1, -1] as const) {
    const group = labels.filter((l) => l.side === side).sort((p, q) => (values[p.index] ?? 0) - (values[q.index] ?? 0));
    let need = group.reduce((sum, l) => sum + l.h + gap / 2, 0);
    for (const l of group) {
      if (need <= room) break;
      labels.splice(labels.indexOf(l), 1);
      need -= l.h + gap / 2;
    }
  }
  for (const side of [1, -1] as const) {
    const group = labels.filter((l) => l.side === side).sort((p, q) => p.y - q.y);
    // Push down past the top edge and the label above, then back up from the bottom edge.
    let floor = pad;
    for (const l of group) {
      l.y = Math.max(l.y, floor + l.h / 2);
      floor = l.y + l.h / 2 + gap / 2;
    }
    let ceiling = chart.height - pad;
    for (const l of [...group].reverse()) {
      l.y = Math.min(l.y, ceiling - l.h / 2);
      ceiling = l.y - l.h / 2 - gap / 2;
    }
  }

  // Labels stand in a column on each side, clear of the ring, joined to their slice by an elbowed leader.
  const columnX = (side: 1 | -1) => cx + side * (outer + gap * 2);
  for (const l of labels) {
    const rimX = cx + Math.cos(l.mid) * outer;
    const rimY = cy + Math.sin(l.mid) * outer;
    const elbowX = cx + Math.cos(l.mid) * (outer + gap * 0.8);
    const elbowY = cy + Math.sin(l.mid) * (outer + gap * 0.8);
    const textX = columnX(l.side);
    const c = ctx as Ctx & { beginPath(): void; moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; stroke(): void };
    c.strokeStyle = o.leader;
    c.lineWidth = 1.5;
    c.beginPath();
    c.moveTo(rimX, rimY);
    c.lineTo(elbowX, elbowY);
    c.lineTo(textX - l.side * gap * 0.4, l.y);
    c.stroke();
    ctx.textAlign = l.side === 1 ? 'left' : 'right';
    ctx.textBaseline = 'middle';
    let ly = l.y - l.h / 2;
    for (const line of l.lines) {
      ctx.font = font(o, line.size, line.weight);
      const lh = line.size * 1.15;
      drawText(ctx, line.text, textX, ly + lh / 2, o.color, undefined);
      ly += lh;
    }
  }

  if (a.hole && inner > 0) drawHole(ctx, o, a.hole, cx, cy, inner);
}

/** The doughnut's headline: the figure as large as the hole allows, its caption under it. */
function drawHole(ctx: Ctx, o: DataLabelsPluginOptions, hole: NonNullable<ArcLabelOptions['hole']>, cx: number, cy: number, inner: number): void {
  const room = inner * 1.6;
  let size = hole.figureSize;
  ctx.font = font(o, size, 'bold');
  const fw = ctx.measureText(hole.figure).width;
  if (fw > room) size = Math.max(o.minSize, (size * room) / fw);
  const captionSize = o.smallSize;
  const capH = hole.caption.length * captionSize * 1.15;
  const figH = size * 1.1;
  let y = cy - (figH + capH) / 2;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = font(o, size, 'bold');
  drawText(ctx, hole.figure, cx, y + figH / 2, contrastRatio(hole.color, o.halo) >= 4.5 ? hole.color : o.color, undefined);
  y += figH;
  for (const line of hole.caption) {
    ctx.font = font(o, captionSize, 'normal');
    drawText(ctx, line, cx, y + (captionSize * 1.15) / 2, o.color, undefined);
    y += captionSize * 1.15;
  }
}

/** Distance from (px, py) to the nearest point of a box. */
function nearestDist(b: Box, px: number, py: number): number {
  const dx = Math.max(b.x0 - px, 0, px - b.x1);
  const dy = Math.max(b.y0 - py, 0, py - b.y1);
  return Math.hypot(dx, dy);
}

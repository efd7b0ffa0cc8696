// Two tiny inline chart.js plugins, so no extra npm dependency is needed:
//  - `bdBackground` fills the whole canvas with the theme background before anything is drawn
//    (chart.js leaves it transparent);
//  - `bdDataLabels` writes each value on or next to its bar, point or slice.
// Pure in the sense that matters here: they only draw on the context chart.js hands them, and their
// settings live in `options.plugins.<id>` so a config stays inspectable data.
import type { Chart, ChartType, Plugin } from 'chart.js';
import { formatNumber } from './format.js';
import { contrastText } from './style.js';

export interface BackgroundPluginOptions {
  color: string;
}

export interface DataLabelsPluginOptions {
  display: boolean;
  family: string;
  /** CSS px. */
  size: number;
  /** Smallest size a label may shrink to so that it fits in a segment (12 pt), CSS px. */
  minSize: number;
  /** Size of the second (percentage) line on slices, CSS px. */
  smallSize: number;
  weight: 'normal' | 'bold';
  /** Colour of labels drawn on the background. */
  color: string;
  /** Choices for labels drawn on a fill, picked by contrast with the fill. */
  light: string;
  dark: string;
  /** Halo drawn behind labels on the background (the background colour). */
  halo: string;
  /** Decimals per dataset index. */
  decimals: number[];
  /** Bars are stacked: label each segment in its middle. */
  stacked: boolean;
  /** Slices also show their share of the total. */
  percent: boolean;
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

function font(o: DataLabelsPluginOptions, size: number, weight = o.weight): string {
  return `${weight === 'bold' ? 'bold ' : ''}${size}px "${o.family}"`;
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

export const dataLabelsPlugin: Plugin<ChartType, DataLabelsPluginOptions> = {
  id: 'bdDataLabels',
  afterDatasetsDraw(chartAny, _args, o) {
    if (!o.display) return;
    const chart = chartAny as Chart;
    const ctx = ctxOf(chart);
    ctx.save();
    const pad = Math.round(o.size * 0.3);
    chart.data.datasets.forEach((dataset, di) => {
      if (!chart.isDatasetVisible(di)) return;
      const meta = chart.getDatasetMeta(di);
      const decimals = o.decimals[di] ?? o.decimals[0] ?? 0;
      const values = (dataset.data as unknown[]).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
      const type = meta.type;
      if (type === 'pie' || type === 'doughnut') {
        drawArcLabels(ctx, o, meta.data as unknown as ArcLike[], values, decimals, pad);
        return;
      }
      meta.data.forEach((element, i) => {
        const value = values[i];
        if (value === null || value === undefined) return;
        const el = (element as unknown as { getProps(k: string[], final: boolean): ElementProps }).getProps(
          ['x', 'y', 'base', 'width', 'height', 'horizontal', 'options'],
          true,
        );
        const props: ElementProps = { ...el, options: (element as unknown as ElementProps).options };
        const text = formatNumber(value, decimals);
        ctx.font = font(o, o.size);
        if (type === 'bar') {
          drawBarLabel(ctx, o, props, value, text, pad, o.stacked && isTopOfStack(chart, di, i, value));
        } else {
          // A point: above it, on a halo so that lines and grid do not cross the digits.
          const r = props.options?.radius ?? 3;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          drawText(ctx, text, props.x, props.y - r - pad, o.color, o.halo);
        }
      });
    });
    ctx.restore();
  },
};

/** True when no later visible dataset stacks a value on the same side of zero at `index`. */
function isTopOfStack(chart: Chart, datasetIndex: number, index: number, value: number): boolean {
  for (let d = datasetIndex + 1; d < chart.data.datasets.length; d++) {
    if (!chart.isDatasetVisible(d)) continue;
    const v = chart.data.datasets[d]?.data[index];
    if (typeof v === 'number' && Number.isFinite(v) && v !== 0 && Math.sign(v) === Math.sign(value)) return false;
  }
  return true;
}

function drawBarLabel(
  ctx: Ctx,
  o: DataLabelsPluginOptions,
  el: ElementProps,
  value: number,
  text: string,
  pad: number,
  topOfStack: boolean,
): void {
  const horizontal = el.horizontal === true;
  const base = el.base ?? 0;
  if (o.stacked) {
    // Middle of the segment when the text fits inside it, shrinking down to 12 pt if need be.
    const cx = horizontal ? (el.x + base) / 2 : el.x;
    const cy = horizontal ? el.y : (el.y + base) / 2;
    const along = Math.abs(horizontal ? el.x - base : el.y - base);
    const across = Math.abs((horizontal ? el.height : el.width) ?? 0);
    for (const size of [o.size, o.minSize]) {
      ctx.font = font(o, size);
      const textW = ctx.measureText(text).width;
      const fitsAlong = horizontal ? textW + 2 * pad <= along : size * 1.05 <= along;
      const fitsAcross = horizontal ? size * 1.05 <= across : textW + pad <= across;
      if (fitsAlong && fitsAcross) {
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        drawText(ctx, text, cx, cy, contrastText(fillOf(el, o.dark), o.light, o.dark), undefined);
        return;
      }
    }
    // A thin top segment: its value goes just past the end of the stack. Thin inner segments are left
    // to the legend and the alt text rather than drawn over their neighbours.
    if (!topOfStack) return;
    ctx.font = font(o, o.minSize);
  }
  const negative = value < 0;
  if (horizontal) {
    ctx.textAlign = negative ? 'right' : 'left';
    ctx.textBaseline = 'middle';
    drawText(ctx, text, el.x + (negative ? -pad : pad), el.y, o.color, o.halo);
  } else {
    ctx.textAlign = 'center';
    ctx.textBaseline = negative ? 'top' : 'bottom';
    drawText(ctx, text, el.x, el.y + (negative ? pad : -pad), o.color, o.halo);
  }
}

interface ArcLike {
  getProps(keys: string[], final: boolean): ElementProps;
  options?: { backgroundColor?: unknown };
}

function drawArcLabels(
  ctx: Ctx,
  o: DataLabelsPluginOptions,
  arcs: ArcLike[],
  values: (number | null)[],
  decimals: number,
  pad: number,
): void {
  const total = values.reduce<number>((s, v) => s + (v !== null && v > 0 ? v : 0), 0);
  const placed: Box[] = [];
  arcs.forEach((arc, i) => {
    const value = values[i];
    if (value === null || value === undefined || value <= 0) return;
    const p = arc.getProps(['x', 'y', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true);
    const start = p.startAngle ?? 0;
    const end = p.endAngle ?? 0;
    const inner = p.innerRadius ?? 0;
    const outer = p.outerRadius ?? 0;
    const mid = (start + end) / 2;
    const lines: { text: string; size: number; weight: 'normal' | 'bold' }[] = [
      { text: formatNumber(value, decimals), size: o.size, weight: o.weight },
    ];
    if (o.percent && total > 0) {
      const share = (value / total) * 100;
      const pct = share > 0 && share < 0.5 ? '<1%' : `${formatNumber(share, 0)}%`;
      lines.push({ text: pct, size: o.smallSize, weight: 'normal' });
    }
    const widths = lines.map((l) => {
      ctx.font = font(o, l.size, l.weight);
      return ctx.measureText(l.text).width;
    });
    const blockW = Math.max(...widths);
    const lineH = lines.map((l) => l.size * 1.15);
    const blockH = lineH.reduce((a, b) => a + b, 0);

    // Inside: at the middle of the ring (pie: ~60% out), when the block fits in the slice there.
    const radii = inner > 0 ? [(inner + outer) / 2] : [0.62, 0.72, 0.5].map((f) => outer * f);
    const rIn = radii.find((rr) =>
      blockInSlice(Math.cos(mid) * rr, Math.sin(mid) * rr, blockW + pad, blockH + pad / 2, start, end, inner, outer),
    );

    let x = p.x;
    let y = p.y;
    let color: string;
    let halo: string | undefined;
    if (rIn !== undefined) {
      x = p.x + Math.cos(mid) * rIn;
      y = p.y + Math.sin(mid) * rIn;
      color = contrastText(fillOf({ x: 0, y: 0, options: arc.options }, o.dark), o.light, o.dark);
    } else {
      // Outside, clear of the rim along the slice's middle ray; pushed further out past earlier labels.
      const cos = Math.cos(mid);
      const sin = Math.sin(mid);
      let r = outer + pad;
      let box: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };
      for (let tries = 0; tries < 300; tries++) {
        x = p.x + cos * r;
        y = p.y + sin * r;
        box = { x0: x - blockW / 2, y0: y - blockH / 2, x1: x + blockW / 2, y1: y + blockH / 2 };
        if (nearestDist(box, p.x, p.y) >= outer + pad && !placed.some((b) => overlaps(b, box))) break;
        r += 2;
      }
      placed.push(box);
      color = o.color;
      halo = o.halo;
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    let ly = y - blockH / 2;
    lines.forEach((l, li) => {
      ctx.font = font(o, l.size, l.weight);
      const h = lineH[li]!;
      drawText(ctx, l.text, x, ly + h / 2, color, halo);
      ly += h;
    });
  });
}

/** Distance from (px, py) to the nearest point of a box. */
function nearestDist(b: Box, px: number, py: number): number {
  const dx = Math.max(b.x0 - px, 0, px - b.x1);
  const dy = Math.max(b.y0 - py, 0, py - b.y1);
  return Math.hypot(dx, dy);
}

/** True when a w×h box centred at (dx, dy) from the pie centre lies inside the slice (all corners). */
function blockInSlice(dx: number, dy: number, w: number, h: number, start: number, end: number, inner: number, outer: number): boolean {
  const TAU = Math.PI * 2;
  for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
    const x = dx + (sx * w) / 2;
    const y = dy + (sy * h) / 2;
    const d = Math.hypot(x, y);
    if (d < inner + 2 || d > outer - 2) return false;
    if (end - start >= TAU - 1e-9) continue;
    let a = Math.atan2(y, x);
    // Bring the corner's angle into [start, start + 2π).
    a = start + ((((a - start) % TAU) + TAU) % TAU);
    if (a > end) return false;
  }
  return true;
}

// `bdUnits`: the units of the value axes, written once and horizontally above the plot ("trillion yuan"
// top left; a combo chart's right-axis unit top right, each in its series' colour). A horizontal line of
// text reads in any script: a rotated axis title lays Chinese on its side. It is a chart.js layout box
// (like the title and legend), so the plot makes room for it.
import { layouts, type Chart, type ChartArea, type ChartType, type Plugin } from 'chart.js';

export interface UnitLabel {
  text: string;
  color: string;
}

export interface UnitsPluginOptions {
  family: string;
  /** CSS px. */
  size: number;
  left?: UnitLabel;
  right?: UnitLabel;
  /** Start the left unit at the plot's left edge (horizontal bars: the category labels are to its left). */
  alignToPlot: boolean;
  /** Room kept under the units, CSS px: the top tick label reaches half its height above the plot. */
  gapBelow?: number;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    bdUnits: UnitsPluginOptions;
  }
}

interface Ctx {
  save(): void;
  restore(): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
}

const GAP = 8;

/** The layout box: full width, below the legend, above the plot. */
class UnitsBox {
  position = 'top';
  weight = 100;
  fullSize = true;
  left = 0;
  top = 0;
  right = 0;
  bottom = 0;
  width = 0;
  height = 0;
  constructor(
    private readonly chart: Chart,
    public options: UnitsPluginOptions,
  ) {}

  isHorizontal(): boolean {
    return true;
  }

  private shown(): boolean {
    return Boolean(this.options.left?.text || this.options.right?.text);
  }

  /** Lines of each unit, wrapped to its share of the width (half each when there are two). */
  private lines: { left: string[]; right: string[] } = { left: [], right: [] };

  update(maxWidth: number): void {
    this.width = maxWidth;
    if (!this.shown()) {
      this.height = 0;
      return;
    }
    const o = this.options;
    const ctx = this.chart.ctx as unknown as Ctx;
    ctx.save();
    ctx.font = `${o.size}px ${o.family}`;
    const both = Boolean(o.left?.text && o.right?.text);
    const room = both ? maxWidth / 2 - o.size : maxWidth;
    this.lines = { left: wrap(ctx, o.left?.text ?? '', room), right: wrap(ctx, o.right?.text ?? '', room) };
    ctx.restore();
    const rows = Math.max(this.lines.left.length, this.lines.right.length);
    this.height = Math.round(rows * o.size * 1.2 + (o.gapBelow ?? GAP));
  }

  draw(_area?: ChartArea): void {
    if (!this.shown()) return;
    const ctx = this.chart.ctx as unknown as Ctx;
    const o = this.options;
    const area = this.chart.chartArea;
    ctx.save();
    ctx.font = `${o.size}px ${o.family}`;
    ctx.textBaseline = 'top';
    const lineH = o.size * 1.2;
    if (o.left?.text) {
      ctx.fillStyle = o.left.color;
      ctx.textAlign = 'left';
      this.lines.left.forEach((line, i) => ctx.fillText(line, o.alignToPlot && area ? area.left : this.left, this.top + i * lineH));
    }
    if (o.right?.text) {
      ctx.fillStyle = o.right.color;
      ctx.textAlign = 'right';
      this.lines.right.forEach((line, i) => ctx.fillText(line, this.right, this.top + i * lineH));
    }
    ctx.restore();
  }
}

/** Most lines a unit takes; a longer one ends in "…" (the alt text keeps it whole). */
const MAX_LINES = 3;

/**
 * Greedy wrap at spaces, measured; a word wider than the line (or a run of Chinese, which has no
 * spaces) is broken between characters.
 */
function wrap(ctx: Ctx, text: string, width: number): string[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const fits = (t: string) => ctx.measureText(t).width <= width;
  const lines: string[] = [];
  let line = '';
  const push = (word: string): void => {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      return;
    }
    if (line) lines.push(line);
    line = '';
    if (fits(word)) {
      line = word;
      return;
    }
    for (const ch of word) {
      if (line && !fits(line + ch)) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  };
  for (const word of trimmed.split(/\s+/)) push(word);
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const head = lines.slice(0, MAX_LINES);
  let last = head[MAX_LINES - 1]!;
  while (last && !fits(`${last}…`)) last = last.slice(0, -1);
  head[MAX_LINES - 1] = `${last}…`;
  return head;
}

const boxes = new WeakMap<Chart, UnitsBox>();

export const unitsPlugin: Plugin<ChartType, UnitsPluginOptions> = {
  id: 'bdUnits',
  start(chart, _args, options) {
    const box = new UnitsBox(chart as Chart, options);
    layouts.addBox(chart, box as never);
    boxes.set(chart as Chart, box);
  },
  beforeUpdate(chart, _args, options) {
    const box = boxes.get(chart as Chart);
    if (box) box.options = options;
  },
  stop(chart) {
    const box = boxes.get(chart as Chart);
    if (box) layouts.removeBox(chart, box as never);
    boxes.delete(chart as Chart);
  },
};

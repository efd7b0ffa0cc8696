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

  update(maxWidth: number): void {
    this.width = maxWidth;
    this.height = this.shown() ? Math.round(this.options.size * 1.2 + (this.options.gapBelow ?? GAP)) : 0;
  }

  draw(_area?: ChartArea): void {
    if (!this.shown()) return;
    const ctx = this.chart.ctx as unknown as Ctx;
    const o = this.options;
    const area = this.chart.chartArea;
    ctx.save();
    ctx.font = `${o.size}px ${o.family}`;
    ctx.textBaseline = 'top';
    const y = this.top;
    if (o.left?.text) {
      ctx.fillStyle = o.left.color;
      ctx.textAlign = 'left';
      ctx.fillText(o.left.text, o.alignToPlot && area ? area.left : this.left, y);
    }
    if (o.right?.text) {
      ctx.fillStyle = o.right.color;
      ctx.textAlign = 'right';
      ctx.fillText(o.right.text, this.right, y);
    }
    ctx.restore();
  }
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

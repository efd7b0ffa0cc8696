// Chart spec → PNG bytes. The impure half of render/: fonts, a canvas per chart, chart.js drawing.
import { createCanvas, type Canvas } from '../canvas.js';
import { Chart, registerables, type ChartConfiguration, type ChartItem, type Plugin } from 'chart.js';
import { registerFonts, registerFontsFor } from '../fonts.js';
import type { ChartSpec, Theme } from '../model/types.js';
import { chartConfig } from './chart-config.js';
import { encodePng } from './png.js';
import { DEVICE_PIXEL_RATIO, pngPixelSize, type PlacedSize } from './style.js';

export interface ChartPng {
  png: Buffer;
  widthPx: number;
  heightPx: number;
}

let chartJsReady = false;

function ensureChartJs(): void {
  if (chartJsReady) return;
  Chart.register(...registerables);
  chartJsReady = true;
}

/** Does now what the first chart would do first: registers the fonts every chart uses, and chart.js's parts. */
export function warmChartDrawing(): void {
  registerFonts();
  ensureChartJs();
}

/**
 * chart.js takes its CSS size from the canvas's integer width and height. The PNG must be exactly
 * round(inches × 192) pixels, which is an odd number half the time, so the CSS size is set to half of
 * that (x.5 allowed) before chart.js scales the canvas by the device pixel ratio.
 */
function sizePlugin(cssWidth: number, cssHeight: number): Plugin {
  return {
    id: 'bdSize',
    beforeInit(chart) {
      const c = chart as unknown as { width: number; height: number };
      c.width = cssWidth;
      c.height = cssHeight;
    },
  };
}

/** Draws the chart on `canvas` (chart.js sizes it), checks the pixel size, and returns the pixels. */
function draw(canvas: Canvas, spec: ChartSpec, theme: Theme, size: PlacedSize): { widthPx: number; heightPx: number; rgba: Uint8ClampedArray } {
  registerFontsFor([spec.title ?? '', spec.unit ?? '', spec.unit2 ?? '', spec.caption ?? '', ...spec.labels, ...spec.series.map((s) => s.name)], [theme.bodyFont], theme.faces);
  ensureChartJs();
  const config: ChartConfiguration = chartConfig(spec, theme, size);
  const { widthPx, heightPx } = pngPixelSize(size);
  config.plugins = [...(config.plugins ?? []), sizePlugin(widthPx / DEVICE_PIXEL_RATIO, heightPx / DEVICE_PIXEL_RATIO)];
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    if (canvas.width !== widthPx || canvas.height !== heightPx) {
      throw new Error(`Chart canvas is ${canvas.width}×${canvas.height} px, expected ${widthPx}×${heightPx}`);
    }
    // Read before destroy(), which clears the canvas.
    return { widthPx, heightPx, rgba: canvas.getContext('2d').getImageData(0, 0, widthPx, heightPx).data };
  } finally {
    chart.destroy();
  }
}

/**
 * Draws on this thread, then compresses the PNG on libuv's thread pool: compression is most of the
 * cost, so with several charts in flight every core works.
 */
export async function renderChartPng(spec: ChartSpec, theme: Theme, size: PlacedSize): Promise<ChartPng> {
  const canvas = createCanvas(16, 16);
  const { widthPx, heightPx, rgba } = draw(canvas, spec, theme, size);
  return { png: await encodePng(rgba, widthPx, heightPx), widthPx, heightPx };
}

// Chart spec → PNG bytes. The impure half of render/: fonts, one shared canvas, chart.js drawing.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type ChartItem, type Plugin } from 'chart.js';
import { registerFontsFor } from '../fonts.js';
import type { ChartSpec, Theme } from '../model/types.js';
import { chartConfig } from './chart-config.js';
import { DEVICE_PIXEL_RATIO, pngPixelSize, type PlacedSize } from './style.js';

export interface ChartPng {
  png: Buffer;
  widthPx: number;
  heightPx: number;
}

let chartJsReady = false;
let shared: Canvas | undefined;

function ensureChartJs(): void {
  if (chartJsReady) return;
  Chart.register(...registerables);
  chartJsReady = true;
}

/** The process's one canvas; chart.js sets its pixel size itself (see sizePlugin). */
function sharedCanvas(): Canvas {
  shared ??= createCanvas(16, 16);
  return shared;
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

export function renderChartPng(spec: ChartSpec, theme: Theme, size: PlacedSize): ChartPng {
  registerFontsFor([spec.title ?? '', spec.unit ?? '', spec.unit2 ?? '', spec.caption ?? '', ...spec.labels, ...spec.series.map((s) => s.name)]);
  ensureChartJs();
  const config: ChartConfiguration = chartConfig(spec, theme, size);
  const { widthPx, heightPx } = pngPixelSize(size);
  config.plugins = [...(config.plugins ?? []), sizePlugin(widthPx / DEVICE_PIXEL_RATIO, heightPx / DEVICE_PIXEL_RATIO)];
  const canvas = sharedCanvas();
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    if (canvas.width !== widthPx || canvas.height !== heightPx) {
      throw new Error(`Chart canvas is ${canvas.width}×${canvas.height} px, expected ${widthPx}×${heightPx}`);
    }
    return { png: canvas.toBuffer('image/png'), widthPx, heightPx };
  } finally {
    chart.destroy();
  }
}

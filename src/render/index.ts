// render/: chart blocks → chart.js config (pure) → PNG (canvas), plus alt text.
export { chartConfig } from './chart-config.js';
export { renderChartPng, type ChartPng } from './chart-png.js';
export { chartAltText } from './alt-text.js';
export { pngPixelSize, type PlacedSize } from './style.js';
export { registeredKinds } from './kinds/index.js';

// Chart spec + theme + placed size → chart.js configuration. Pure data (plus formatting callbacks and two
// inline plugins that only draw on the context chart.js gives them): no canvas here, so configs can be
// inspected and tested as JSON. The pixels are made in chart-png.ts.
import type { ChartConfiguration } from 'chart.js';
import type { ChartSpec, Theme } from '../model/types.js';
import { pluginsFor } from './kinds/common.js';
import { kindBuilder } from './kinds/index.js';
import { chartStyle, type PlacedSize } from './style.js';

export function chartConfig(spec: ChartSpec, theme: Theme, size: PlacedSize): ChartConfiguration {
  if (!(size.widthIn > 0) || !(size.heightIn > 0)) {
    throw new Error(`Chart size must be positive, got ${size.widthIn} × ${size.heightIn} in`);
  }
  const build = kindBuilder(spec.kind);
  const config = build({ spec, theme, size, style: chartStyle(theme, size) });
  // Background always; data labels iff asked for (their settings are in options.plugins.bdDataLabels).
  config.plugins = pluginsFor(spec);
  return config;
}

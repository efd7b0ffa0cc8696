// Chart kind `hbar`: horizontal bars (chart.js indexAxis 'y'), categories down the side; long labels wrap.
import { cartesianConfig } from './cartesian.js';
import type { KindBuilder } from './common.js';

export const build: KindBuilder<'hbar'> = (b) => cartesianConfig(b, { bars: true, horizontal: true, stacked: false, fill: false });

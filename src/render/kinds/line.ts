// Chart kind `line`: lines through the points; the value axis need not start at zero.
import { cartesianConfig } from './cartesian.js';
import type { KindBuilder } from './common.js';

export const build: KindBuilder<'line'> = (b) => cartesianConfig(b, { bars: false, horizontal: false, stacked: false, fill: false });

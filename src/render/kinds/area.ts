// Chart kind `area`: series stacked on one another with opaque fills, so each band reads as its share
// of the total and its colour is exactly the legend's.
import { cartesianConfig } from './cartesian.js';
import type { KindBuilder } from './common.js';

export const build: KindBuilder<'area'> = (b) => cartesianConfig(b, { bars: false, horizontal: false, stacked: true, fill: true });

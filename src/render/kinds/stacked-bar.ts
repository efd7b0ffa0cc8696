// Chart kind `stacked-bar`: vertical bars with the series stacked on each other; labels sit inside the segments.
import { cartesianConfig } from './cartesian.js';
import type { KindBuilder } from './common.js';

export const build: KindBuilder<'stacked-bar'> = (b) => cartesianConfig(b, { bars: true, horizontal: false, stacked: true, fill: false });

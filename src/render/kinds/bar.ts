// Chart kind `bar`: vertical bars, one colour per series.
import { cartesianConfig } from './cartesian.js';
import type { KindBuilder } from './common.js';

export const build: KindBuilder<'bar'> = (b) => cartesianConfig(b, { bars: true, horizontal: false, stacked: false, fill: false });

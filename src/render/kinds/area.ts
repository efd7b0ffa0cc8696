// Chart kind `area`: lines with the area down to zero filled (translucent, so overlapping series stay visible).
import { cartesianConfig } from './cartesian.js';
import type { KindBuilder } from './common.js';

export const id = 'area';

export const build: KindBuilder = (b) => cartesianConfig(b, { bars: false, horizontal: false, stacked: false, fill: true });

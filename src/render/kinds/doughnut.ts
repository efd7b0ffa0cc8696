// Chart kind `doughnut`: a pie with a hole that holds the headline share; labels beside the slices.
import { circularConfig } from './circular.js';
import type { KindBuilder } from './common.js';

export const build: KindBuilder<'doughnut'> = (b) => circularConfig(b, 'doughnut');

// Chart kind `doughnut`: a pie with a hole; labels sit on the ring.
import { circularConfig } from './circular.js';
import type { KindBuilder } from './common.js';

export const id = 'doughnut';

export const build: KindBuilder = (b) => circularConfig(b, 'doughnut');

// Chart kind `pie`: one slice per label; data labels inside large slices, outside small ones.
import { circularConfig } from './circular.js';
import type { KindBuilder } from './common.js';

export const id = 'pie';

export const build: KindBuilder = (b) => circularConfig(b, 'pie');

// Chart kind `pie`: one slice per label, each named beside it with its share.
import { circularConfig } from './circular.js';
import type { KindBuilder } from './common.js';

export const build: KindBuilder<'pie'> = (b) => circularConfig(b, 'pie');

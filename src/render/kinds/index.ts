// Registry of chart kinds: id → builder. A new kind is one file plus one line here.
import type { ChartKind } from '../../model/types.js';
import * as area from './area.js';
import * as bar from './bar.js';
import * as combo from './combo.js';
import type { KindBuilder } from './common.js';
import * as doughnut from './doughnut.js';
import * as hbar from './hbar.js';
import * as line from './line.js';
import * as pie from './pie.js';
import * as stackedBar from './stacked-bar.js';

export type { BuildContext, KindBuilder } from './common.js';

const KINDS: readonly { id: string; build: KindBuilder }[] = [bar, hbar, stackedBar, line, area, pie, doughnut, combo];

const registry = new Map<string, KindBuilder>(KINDS.map((k) => [k.id, k.build]));

/** Chart kind ids with a builder. */
export function registeredKinds(): string[] {
  return [...registry.keys()];
}

/** The builder for `kind`; throws naming the kind when there is none. */
export function kindBuilder(kind: ChartKind | string): KindBuilder {
  const build = registry.get(kind);
  if (!build) {
    throw new Error(`Unknown chart kind "${kind}" (known kinds: ${registeredKinds().join(', ')})`);
  }
  return build;
}

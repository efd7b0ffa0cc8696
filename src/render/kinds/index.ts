// Registry of chart kinds: one chart.js config builder per kind, typed by the kind, so that a kind added
// to CHART_KINDS without a builder does not compile. A new kind is one file plus one line here.
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

const BUILDERS: { readonly [K in ChartKind]: KindBuilder<K> } = {
  bar: bar.build,
  hbar: hbar.build,
  'stacked-bar': stackedBar.build,
  line: line.build,
  area: area.build,
  pie: pie.build,
  doughnut: doughnut.build,
  combo: combo.build,
};

/** Chart kind ids with a builder. */
export function registeredKinds(): string[] {
  return Object.keys(BUILDERS);
}

/** The builder for `kind`; throws naming the kind for a value from outside the type (a hand-made spec). */
export function kindBuilder<K extends ChartKind>(kind: K): KindBuilder<K> {
  const build = Object.hasOwn(BUILDERS, kind) ? BUILDERS[kind] : undefined;
  if (!build) throw new Error(`Unknown chart kind "${kind}" (known kinds: ${registeredKinds().join(', ')})`);
  return build;
}

// Outline chart → ChartSpec: fact ids become numbers, counts are checked against the labels, and the
// options that only make sense for some kinds are checked.
import type { Diagnostics } from '../diagnostics.js';
import { MAX_CHART_VALUE } from '../limits.js';
import { formatPath, type Locator, type PathPart } from '../outline/positions.js';
import type { OutlineChart } from '../outline/schema.js';
import { suggestion } from '../outline/suggest.js';
import { dataLabelsByDefault, isCircular, shareTexts, valueTexts, type WrittenValue } from './chart-spec.js';
import { columnIndex, loadCsv, numericColumn, type DataReader } from './data.js';
import { decimalsIn, factNumber } from './format.js';
import type { ChartSeries, ChartSpec, Fact } from './types.js';

/** Digits after the point of the deck's shares: the most its percentage facts show, else 1 (92.3%). */
export function shareDecimalsOf(facts: Map<string, Fact>): number {
  let most: number | undefined;
  for (const f of facts.values()) {
    if (f.unit?.trim() !== '%') continue;
    const d = f.decimals ?? decimalsIn(f.value);
    most = Math.max(most ?? 0, Math.min(6, d));
  }
  return most ?? 1;
}

export interface ChartContext {
  /** Facts that are defined but have no value (their error is reported at the fact): no follow-on here. */
  broken?: ReadonlySet<string>;
  /** `deck.targets`: the applications the deck is for; without Keynote, native charts need no warning. */
  targets?: readonly string[];
}

export function resolveChart(
  chart: OutlineChart,
  path: PathPart[],
  facts: Map<string, Fact>,
  locate: Locator,
  diags: Diagnostics,
  useFact: (fact: Fact) => void,
  /** Resolves {fact} references in the chart's words (title, labels, names, units, caption). */
  words: (text: string, path: PathPart[]) => string = (t) => t,
  readData: DataReader = () => ({ error: 'data files cannot be read here' }),
  context: ChartContext = {},
): ChartSpec | undefined {
  const before = diags.errors.length;
  const broken = context.broken ?? new Set<string>();
  let quietlyFailed = false;
  let unresolved = false; // a fact id without a value: the zeros standing in for it prove nothing
  const fromCsv = chartData(chart, path, locate, diags, readData);
  if (!fromCsv) return undefined;
  const labelList = fromCsv.labels;
  const circular = isCircular(chart.kind);
  if (circular && chart.series.length > 1) {
    diags.error('pie-series', `a ${chart.kind} chart shows one series, this one has ${chart.series.length}`, {
      path: formatPath([...path, 'series']),
      span: locate.value([...path, 'series', 1]),
      hint: 'use a bar or stacked-bar chart to compare several series',
    });
  }
  const series = chart.series.map((s, i) => {
    const sp = [...path, 'series', i];
    const written = fromCsv.values[i] ?? [];
    if (written.length !== labelList.length) {
      diags.error('series-length', `${formatPath([...sp, 'values'])} has ${written.length} number${written.length === 1 ? '' : 's'} for ${labelList.length} label${labelList.length === 1 ? '' : 's'}`, {
        path: formatPath([...sp, 'values']),
        span: locate.value([...sp, 'values']),
        hint: 'give one value per label, in the order of `labels:`',
      });
    }
    if (chart.kind !== 'combo' && (s.axis === 'right' || s.type !== undefined)) {
      diags.error('combo-only', `\`${s.axis === 'right' ? 'axis: right' : 'type'}\` in ${formatPath(sp)} only applies to combo charts`, {
        path: formatPath(sp),
        span: locate.key([...sp, s.axis === 'right' ? 'axis' : 'type']),
        hint: 'use `kind: combo`, or remove the key',
      });
    }
    let derived = false;
    const read = written.map((v, j): WrittenValue => {
      if (typeof v === 'number') return { value: v };
      const fact = facts.get(v);
      if (!fact) {
        unresolved = true;
        if (broken.has(v)) quietlyFailed = true;
        else {
          diags.error('unknown-fact', `unknown fact \`${v}\``, {
            path: formatPath([...sp, 'values', j]),
            span: locate.value([...sp, 'values', j]),
            hint: suggestion(v, [...facts.keys(), ...broken], 'facts'),
          });
        }
        return { value: 0 };
      }
      useFact(fact);
      derived ||= fact.derived !== undefined;
      return { value: fact.value, factText: factNumber(fact) };
    });
    const values = read.map((r) => r.value);
    const huge = values.findIndex((v) => !Number.isFinite(v) || Math.abs(v) > MAX_CHART_VALUE);
    if (huge >= 0) {
      const fromFact = typeof written[huge] === 'string';
      diags.error('value-too-large', `${formatPath([...sp, 'values'])} has ${Number.isFinite(values[huge]!) ? values[huge] : 'a number'} that is too large to draw (at most 10^15 in size)`, {
        path: formatPath([...sp, fromFact || chart.data === undefined ? 'values' : 'column']),
        span: chart.data === undefined ? locate.value([...sp, 'values', huge]) : locate.value([...sp, 'column']),
        hint: `state the figure in a larger unit${fromFact ? ' (give the fact a `scale:` such as trillion)' : ' (divide by a thousand or a million and say so in `unit:`)'}`,
      });
    }
    if (circular && values.some((v) => v < 0)) {
      diags.error('negative-slice', `a ${chart.kind} chart cannot show negative values`, {
        path: formatPath([...sp, 'values']),
        span: locate.value([...sp, 'values']),
        hint: 'use a bar chart for values below zero',
      });
    }
    const type = s.type ?? (chart.kind === 'combo' && (s.axis === 'right' || i > 0) ? 'line' : 'bar');
    return { name: words(s.name, [...sp, 'name']), read, values, axis: s.axis, type, derived };
  });
  if (chart.kind === 'area' && series.length > 1 && !unresolved) {
    const i = series.findIndex((x) => x.values.some((v) => v < 0));
    if (i >= 0) {
      diags.error('area-negative', 'an area chart stacks its series on one another, so it cannot show values below zero', {
        path: formatPath([...path, 'series', i, chart.data === undefined ? 'values' : 'column']),
        span: locate.value([...path, 'series', i, chart.data === undefined ? 'values' : 'column']),
        hint: 'use a line chart (or a bar chart) for series that go below zero',
      });
    }
  }
  if (circular && !unresolved && series[0] && series[0].values.length > 0 && series[0].values.every((v) => v === 0)) {
    diags.error('pie-zero-total', `every value of this ${chart.kind} chart is 0, so it has no slices to draw`, {
      path: formatPath([...path, 'series', 0, chart.data === undefined ? 'values' : 'column']),
      span: locate.value([...path, 'series', 0, chart.data === undefined ? 'values' : 'column']),
      hint: 'check the values (a pie shows parts of a whole that is not zero), or use a bar chart',
    });
  }
  const names = new Map<string, number>();
  series.forEach((s, i) => {
    const first = names.get(s.name);
    if (first === undefined) names.set(s.name, i);
    else {
      diags.error('duplicate-series', `series ${first + 1} and ${i + 1} are both named \`${s.name}\``, {
        path: formatPath([...path, 'series', i, 'name']),
        span: locate.value([...path, 'series', i, 'name']),
        hint: 'give each series its own name: the legend and the chart\'s data sheet tell them apart by name',
      });
    }
  });
  if (chart.kind === 'combo' && !(series.some((s) => s.type === 'bar') && series.some((s) => s.type === 'line'))) {
    diags.error('combo-needs-both', 'a combo chart needs at least one bar series and one line series', {
      path: formatPath([...path, 'series']),
      span: locate.value([...path, 'series']),
      hint: 'set `type: line` (and `axis: right` for a second scale) on one series',
    });
  }
  if (chart.unit2 !== undefined && !series.some((s) => s.axis === 'right')) {
    diags.warn('unused-unit2', '`unit2` is set but no series uses `axis: right`', {
      path: formatPath([...path, 'unit2']),
      span: locate.key([...path, 'unit2']),
    });
  }
  if (diags.errors.length > before || quietlyFailed) return undefined;
  const labels = labelList.map((l, i) => (chart.data === undefined ? words(l, [...path, 'labels', i]) : l));
  const highlight = highlightIndices(chart, labels, path, locate, diags);
  if (!highlight) return undefined;
  const texts = valueTexts(chart.kind, series.map((x) => ({ values: x.read, axis: x.axis })), chart.decimals);
  const shown: ChartSeries[] = series.map(({ read: _read, ...x }, i) => ({ ...x, texts: texts[i] ?? [] }));
  const first = shown[0];
  const unit = chart.unit === undefined ? undefined : words(chart.unit, [...path, 'unit']);
  const spec: ChartSpec = {
    kind: chart.kind,
    labels,
    series: shown,
    dataLabels: chart.data_labels ?? dataLabelsByDefault(chart.kind),
    highlight,
    shares: circular && first ? shareTexts(first.values, first.texts, unit, shareDecimalsOf(facts)) : [],
    render: chart.render,
    span: locate.value(path),
  };
  if (chart.render === 'native' && (context.targets === undefined || context.targets.includes('keynote'))) {
    diags.warn('native-chart', 'Keynote may not show a native chart (it shows the picture of a chart reliably)', {
      path: formatPath([...path, 'render']),
      span: locate.value([...path, 'render']),
      hint: context.targets
        ? '`deck.targets` includes keynote: remove `render: native` so that Keynote shows the chart'
        : 'remove `render: native` if the deck will be shown in Keynote; if it will not, say so with `deck.targets: [powerpoint]`',
    });
  }
  if (chart.title !== undefined) spec.title = words(chart.title, [...path, 'title']);
  if (unit !== undefined) spec.unit = unit;
  if (chart.unit2 !== undefined) spec.unit2 = words(chart.unit2, [...path, 'unit2']);
  if (chart.decimals !== undefined) spec.decimals = chart.decimals;
  if (chart.caption !== undefined) spec.caption = words(chart.caption, [...path, 'caption']);
  return spec;
}

/** Indices of the `highlight:` labels; undefined (with a located error) when one is not a label of the chart. */
function highlightIndices(chart: OutlineChart, labels: string[], path: PathPart[], locate: Locator, diags: Diagnostics): number[] | undefined {
  if (chart.highlight === undefined) return [];
  const wanted = Array.isArray(chart.highlight) ? chart.highlight : [chart.highlight];
  const out: number[] = [];
  let ok = true;
  wanted.forEach((label, k) => {
    const at = Array.isArray(chart.highlight) ? [...path, 'highlight', k] : [...path, 'highlight'];
    const i = labels.indexOf(label);
    if (i < 0) {
      diags.error('unknown-highlight', `\`${label}\` is not one of the chart's labels`, {
        path: formatPath(at),
        span: locate.value(at),
        hint: suggestion(label, labels, 'labels'),
      });
      ok = false;
    } else if (!out.includes(i)) out.push(i);
  });
  return ok ? out.sort((a, b) => a - b) : undefined;
}

/**
 * Labels and per-series values, from the outline or from the chart's CSV file. Checks that `data:`
 * goes with a label column and series columns, and that a chart without data has lists.
 */
function chartData(
  chart: OutlineChart,
  path: PathPart[],
  locate: Locator,
  diags: Diagnostics,
  readData: DataReader,
): { labels: string[]; values: (number | string)[][] } | undefined {
  const at = (...p: PathPart[]) => ({ path: formatPath([...path, ...p]), span: locate.value([...path, ...p]) });
  if (chart.data === undefined) {
    let ok = true;
    if (typeof chart.labels === 'string') {
      diags.error('labels-need-data', '`labels` names a CSV column, but the chart has no `data:` file', { ...at('labels'), hint: 'add `data: path/to/file.csv`, or write the labels as a list' });
      ok = false;
    }
    chart.series.forEach((s, i) => {
      if (s.values === undefined) {
        diags.error('missing-key', `${formatPath([...path, 'series', i])} is missing \`values\``, { ...at('series', i), hint: s.column ? 'a `column` needs `data:` on the chart' : 'add `values:` with one number or fact id per label' });
        ok = false;
      }
    });
    return ok ? { labels: chart.labels as string[], values: chart.series.map((s) => s.values ?? []) } : undefined;
  }
  const table = loadCsv(chart.data, readData, at('data'), diags);
  if (!table) return undefined;
  if (typeof chart.labels !== 'string') {
    diags.error('labels-need-column', 'with `data:`, `labels` is the name of the CSV column that holds the labels', { ...at('labels'), hint: `one of: ${table.header.join(', ')}` });
    return undefined;
  }
  const labelIndex = columnIndex(table, chart.labels, at('labels'), diags);
  const values = chart.series.map((s, i) => {
    if (s.column === undefined) {
      diags.error('missing-key', `${formatPath([...path, 'series', i])} is missing \`column\``, { ...at('series', i), hint: `with \`data:\`, name the CSV column of this series: one of ${table.header.join(', ')}` });
      return undefined;
    }
    const index = columnIndex(table, s.column, at('series', i, 'column'), diags);
    return index === undefined ? undefined : numericColumn(table, index, at('series', i, 'column'), diags);
  });
  if (labelIndex === undefined || values.some((v) => v === undefined)) return undefined;
  return { labels: table.rows.map((r) => r[labelIndex] ?? ''), values: values as number[][] };
}

// fast-check generators of valid outlines that cover every slide type and chart kind, with text in
// several scripts (Latin, Chinese, Arabic, emoji) and numbers of every size.
import fc from 'fast-check';
import { CHART_KINDS } from '../../src/model/types.js';

const WORDS = ['zones', 'output', 'trade', 'growth', 'reform', 'investment', 'revenue', 'policy', 'pilot', 'region', '开发区', '经济', 'تقرير', 'النمو', '📈', '🚢', 'naïve', 'Ærø', '2024', 'H1'];

export const words = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

const FACT_IDS = ['f_a', 'f_b', 'f_c'];

const value = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 100) / 100));

const facts = fc.record({
  f_a: fc.record({ value, label: words(1, 4), source: fc.constant('src') }),
  f_b: fc.record({ value, label: words(1, 4), scale: fc.constantFrom('thousand', 'million', 'billion'), currency: fc.constantFrom('USD', 'yuan'), source: fc.constant('src') }),
  f_c: fc.record({ derived: fc.constant('f_a + f_b * 2'), decimals: fc.integer({ min: 0, max: 3 }), label: words(1, 3) }),
});

const bullet = fc.oneof(words(1, 14), fc.record({ text: words(1, 10), sub: fc.array(words(1, 10), { minLength: 1, maxLength: 3 }) }));
const bulletList = fc.array(bullet, { minLength: 1, maxLength: 7 });

const chart = fc.constantFrom(...CHART_KINDS).chain((kind) => {
  const n = fc.integer({ min: 1, max: 8 });
  return n.chain((count) => {
    const circular = kind === 'pie' || kind === 'doughnut';
    const labels = fc.array(words(1, 3), { minLength: count, maxLength: count });
    const anyValues = fc.array(fc.oneof(value, fc.constantFrom(...FACT_IDS)), { minLength: count, maxLength: count });
    // A pie needs a whole that is not zero: its first slice is a positive number.
    const values = circular ? anyValues.chain((v) => fc.integer({ min: 1, max: 2_000_000 }).map((first) => [first, ...v.slice(1)])) : anyValues;
    const seriesCount = circular ? 1 : kind === 'combo' ? 2 : 3;
    const series = fc.array(fc.record({ name: words(1, 3), values }), { minLength: circular || kind === 'combo' ? seriesCount : 1, maxLength: seriesCount }).map((list) =>
      // Series names are unique (the legend and the data sheet tell series apart by name).
      list
        .map((s, i) => (list.findIndex((t) => t.name === s.name) < i ? { ...s, name: `${s.name} ${i + 1}` } : s))
        .map((s, i) => (kind === 'combo' ? (i === 0 ? { ...s, type: 'bar' } : { ...s, type: 'line', axis: 'right' }) : s)),
    );
    return fc
      .record({
        kind: fc.constant(kind),
        labels,
        series,
        unit: fc.option(words(1, 2), { nil: undefined }),
        data_labels: fc.option(fc.boolean(), { nil: undefined }),
        caption: fc.option(words(2, 8), { nil: undefined }),
      })
      .chain((c) => fc.option(fc.constantFrom(...c.labels), { nil: undefined }).map((highlight) => (highlight === undefined ? c : { ...c, highlight })));
  });
});

const slide = fc.oneof(
  fc.record({ type: fc.constant('section'), title: words(1, 6), subtitle: fc.option(words(1, 8), { nil: undefined }) }),
  fc.record({ type: fc.constant('bullets'), title: words(1, 8), bullets: bulletList, overflow: fc.constantFrom('shrink', 'continue'), notes: fc.option(words(3, 30), { nil: undefined }) }),
  fc.record({
    type: fc.constant('stats'),
    title: words(1, 6),
    stats: fc.array(fc.oneof(fc.record({ fact: fc.constantFrom(...FACT_IDS) }), fc.record({ value: value, label: words(1, 5) })), { minLength: 2, maxLength: 6 }),
  }),
  fc.record({ type: fc.constant('chart'), title: words(1, 6), chart }),
  fc.record({ type: fc.constant('text-chart'), title: words(1, 6), bullets: fc.array(words(1, 8), { minLength: 1, maxLength: 4 }), chart }),
  fc.record({ type: fc.constant('quote'), quote: words(3, 25), attribution: fc.option(words(1, 4), { nil: undefined }) }),
  fc.integer({ min: 1, max: 5 }).chain((cols) =>
    fc.record({
      type: fc.constant('table'),
      title: words(1, 6),
      header: fc.array(words(1, 2), { minLength: cols, maxLength: cols }),
      rows: fc.array(fc.array(fc.oneof(words(0, 5), value, fc.constant('{f_a}')), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 12 }),
      overflow: fc.constantFrom('shrink', 'continue'),
    }),
  ),
  fc.record({
    type: fc.constant('timeline'),
    title: words(1, 6),
    events: fc.array(fc.record({ date: fc.integer({ min: 1950, max: 2050 }), title: words(1, 4), text: fc.option(words(1, 6), { nil: undefined }) }), { minLength: 2, maxLength: 8 }),
  }),
  fc.record({ type: fc.constant('image'), title: words(1, 5), image: fc.constant('briefdeck-logo.png'), alt: words(2, 8), caption: fc.option(words(1, 8), { nil: undefined }) }),
);

/** A valid outline: title, agenda, a section, random content slides, sources and closing. */
export const outline = fc
  .record({
    title: words(1, 8),
    theme: fc.constantFrom('briefing', 'midnight'),
    facts,
    slides: fc.array(slide, { minLength: 1, maxLength: 8 }),
  })
  .map((o) => ({
    deck: { title: o.title, date: '2024-10-21', theme: o.theme },
    sources: { src: { title: 'Generated source', publisher: 'fast-check' } },
    facts: o.facts,
    slides: [{ type: 'title' }, { type: 'agenda', items: ['One', 'Two'] }, { type: 'section', title: 'Part one' }, ...o.slides, { type: 'sources' }, { type: 'closing' }],
  }));

/** Text edits a user might make by mistake, at a random place. */
export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(':', '- ', '  ', '\t', '"', "'", '[', ']', '{', '}', '#', '&a ', '*a', '!tag ', '\n', 'type: chart\n', '{nope}', '**', '\u000B', '.nan', '-1', 'é', '经') }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('reindent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'delete': {
      const at = m.at % text.length;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate-line': {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const i = m.at % lines.length;
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'reindent': {
      const i = m.at % lines.length;
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

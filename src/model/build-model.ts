// Outline → Deck: applies defaults, resolves facts in text, charts and stat cards, and collects the
// sources each slide cites. Has slide kinds but no geometry.
import type { Diagnostics } from '../diagnostics.js';
import { MAX_COLUMNS } from '../limits.js';
import { formatPath, type Locator, type PathPart } from '../outline/positions.js';
import type { PartialOutline } from '../outline/partial.js';
import type { Outline, OutlineBullet, OutlineSlide } from '../outline/schema.js';
import { suggestion } from '../outline/suggest.js';
import { unreachable } from '../unreachable.js';
import { resolveChart } from './chart.js';
import { columnIndex, csvColumnText, loadCsv, type DataReader } from './data.js';
import { resolveFacts } from './facts.js';
import { DERIVED_MARK, factParts, formatCell, formatFact, looksLikeYear } from './format.js';
import { prettyFormula } from './formula.js';
import { checkImage } from './image.js';
import { interpolate, parseInline, plainText, type InlineContext } from './inline.js';
import { formatDate, labelsFor, punctuationFor } from './labels.js';
import { loadTemplate, type TemplateSource } from './template.js';
import { resolveTheme } from './theme.js';
import { themeFromTemplate } from './theme-from-template.js';
import type { Bullet, Deck, DeckMeta, Fact, Slide, Source, StatCard, TableCell, TimelineEvent } from './types.js';

export interface AssetReader {
  /** Bytes of an asset named in the outline, or a reason why it cannot be read. */
  (name: string): { bytes: Uint8Array; path: string } | { error: string; hint?: string };
}

export interface ModelOptions {
  /** Replaces the outline's theme (e.g. `--theme midnight`). */
  theme?: 'briefing' | 'midnight';
  /** Replaces the outline's template (`--template FILE`, or bytes from a library caller). */
  template?: TemplateSource;
  /** Reads the outline's `deck.template` (under the same rules as pictures). */
  readTemplate?: AssetReader;
  /** Reads CSV data files named by charts and tables. */
  readData?: DataReader;
  /** The outline is the valid part of a broken one: check it, knowing what was left out (partial.ts). */
  partial?: PartialOutline;
}

export function buildModel(outline: Outline, locate: Locator, diags: Diagnostics, readAsset: AssetReader, options: ModelOptions = {}): Deck {
  const partial = options.partial;
  const factTable = resolveFacts(outline, locate, diags, partial);
  const { facts, broken } = factTable;
  const chartContext = { broken, ...(outline.deck.targets ? { targets: outline.deck.targets } : {}) };
  const readData: DataReader = options.readData ?? ((name) => ({ error: `data file \`${name}\` cannot be read here` }));
  const sources = new Map<string, Source>(
    Object.entries(outline.sources).map(([id, s]) => [id, { id, ...s } as Source]),
  );
  const meta: DeckMeta = { title: outline.deck.title, language: outline.deck.language };
  const labels = labelsFor(outline.deck.language, outline.deck.labels);
  const punctuation = punctuationFor(outline.deck.language);
  if (outline.deck.subtitle !== undefined) meta.subtitle = outline.deck.subtitle;
  if (outline.deck.date !== undefined) meta.date = outline.deck.date;
  if (outline.deck.author !== undefined) meta.author = outline.deck.author;
  if (outline.deck.organisation !== undefined) meta.organisation = outline.deck.organisation;
  const template = loadTemplate(outline.deck.template, options.template, options.readTemplate ?? readAsset, locate, diags);
  // A template brings its own theme; `--theme` or `deck.theme` apply to the built-in templates only.
  const builtinTheme = resolveTheme(options.theme ?? outline.deck.theme, locate, diags, readAsset);
  const theme = template ? themeFromTemplate(template.model, builtinTheme) : builtinTheme;

  const slides: Slide[] = [];
  const cited = new Set<string>();
  outline.slides.forEach((raw, i) => {
    const slide = buildSlide(raw, partial?.slideIndexes[i] ?? i);
    if (slide) {
      slide.sources.forEach((s) => cited.add(s));
      slides.push(slide);
    }
  });

  // Agenda and sources slides summarise the others, so they are filled in last.
  for (const slide of slides) {
    if (slide.kind === 'agenda' && slide.items.length === 0) {
      slide.items = slides.filter((s) => s.kind === 'section').map((s) => [{ text: s.title }]);
      // With slides left out of a broken outline, a missing section slide may be one of them.
      if (slide.items.length === 0 && !partial?.slidesLeftOut) {
        diags.error('empty-agenda', 'the agenda has no `items` and the deck has no section slides to list', {
          path: `slides[${slide.index}]`,
          span: slide.span,
          hint: 'add `items:` to the agenda slide, or add `type: section` slides',
        });
      }
    }
    if (slide.kind === 'sources') {
      const ids = cited.size ? [...sources.keys()].filter((id) => cited.has(id)) : [...sources.keys()];
      slide.items = ids.map((id) => sources.get(id)!);
      if (slide.items.length === 0 && !partial?.invalidSources.size) {
        diags.error('no-sources', 'the sources slide has nothing to list: `sources:` is empty', {
          path: `slides[${slide.index}]`,
          span: slide.span,
          hint: 'add the deck’s sources under `sources:` and cite them from facts or slides',
        });
      }
    }
  }

  const deck: Deck = { meta, theme, labels, sources, facts, slides };
  if (template) {
    deck.template = template.model;
    deck.templateParts = template.parts;
  }
  return deck;

  function buildSlide(raw: OutlineSlide, index: number): Slide | undefined {
    const path: PathPart[] = ['slides', index];
    const used = new Set<Fact>();
    const explicitSources = raw.sources ?? [];
    explicitSources.forEach((id, i) => {
      if (!sources.has(id) && !partial?.invalidSources.has(id)) {
        diags.error('unknown-source', `unknown source \`${id}\``, {
          path: formatPath([...path, 'sources', i]),
          span: locate.value([...path, 'sources', i]),
          hint: sources.size ? suggestion(id, [...sources.keys()], 'sources') : 'define it under `sources:`',
        });
      }
    });
    const ctxAt = (p: PathPart[]): InlineContext => ({
      facts,
      usedFact: (f) => used.add(f),
      unknownFact: (id) => {
        if (broken.has(id)) return; // defined, but its value failed: that error is reported at the fact
        diags.error('unknown-fact', `unknown fact \`{${id}}\``, {
          path: formatPath(p),
          span: locate.value(p),
          hint: facts.size ? suggestion(id, [...facts.keys(), ...broken], 'facts') : 'define it under `facts:`',
        });
      },
    });
    const plain = (value: string, p: PathPart[]): string => interpolate(value, ctxAt(p)).text;
    const rich = (value: string, p: PathPart[]) => parseInline(value, ctxAt(p));
    const bullets = (list: OutlineBullet[], p: PathPart[]): Bullet[] =>
      list.flatMap((b, i) => {
        const bp = [...p, i];
        if (typeof b === 'string') return [{ text: rich(b, bp), level: 0 as const, span: locate.value(bp) }];
        return [
          { text: rich(b.text, [...bp, 'text']), level: 0 as const, span: locate.value([...bp, 'text']) },
          ...(b.sub ?? []).map((s, j) => ({ text: rich(s, [...bp, 'sub', j]), level: 1 as const, span: locate.value([...bp, 'sub', j]) })),
        ];
      });

    const defaultTitles: Partial<Record<OutlineSlide['type'], string>> = {
      title: meta.title,
      agenda: labels.agenda,
      sources: labels.sources,
      closing: labels.closing,
      quote: '',
    };
    const titlePath = [...path, 'title'];
    const title = interpolate(raw.title ?? defaultTitles[raw.type] ?? '', { ...ctxAt(titlePath), unmarked: true }).text;
    const base: Pick<Slide, 'index' | 'title' | 'sources' | 'derivedNotes' | 'span' | 'layoutPin'> = { index, title, sources: [] as string[], derivedNotes: [] as string[], span: locate.value(path) };
    // A layout named on the slide, else the one `deck.layouts` names for its type; checked against the
    // template when the slide is laid out.
    const pinned = raw.layout ?? outline.deck.layouts?.[raw.type];
    if (pinned !== undefined) {
      const at: PathPart[] = raw.layout !== undefined ? [...path, 'layout'] : ['deck', 'layouts', raw.type];
      base.layoutPin = { name: pinned, span: locate.value(at), path: formatPath(at) };
    }
    const finish = <S extends Slide>(slide: S): S => {
      if (raw.notes !== undefined) slide.notes = plain(raw.notes, [...path, 'notes']);
      const ids = new Set(explicitSources.filter((s) => sources.has(s)));
      for (const f of used) {
        // A derived number cites the sources of the figures it is computed from.
        for (const source of factTable.sourcesOf(f.id)) if (sources.has(source)) ids.add(source);
        if (f.derived !== undefined) {
          const formula = prettyFormula(f.derived, (id) => {
            const other = facts.get(id);
            return other ? formatFact(other) : id;
          });
          slide.derivedNotes.push(`${DERIVED_MARK} ${labels.derived}${f.label ? `${punctuation.open}${f.label}${punctuation.close}` : ''}${punctuation.colon}${formula}`);
        }
      }
      slide.sources = [...ids];
      return slide;
    };

    switch (raw.type) {
      case 'title': {
        const byline = [meta.author, meta.organisation, meta.date && formatDate(meta.date, meta.language)].filter(Boolean).join(' · ');
        const s: Slide = { ...base, kind: 'title' };
        const subtitle = raw.subtitle ?? meta.subtitle;
        if (subtitle !== undefined) s.subtitle = plain(subtitle, [...path, 'subtitle']);
        if (byline) s.byline = byline;
        return finish(s);
      }
      case 'agenda':
        return finish({ ...base, kind: 'agenda', items: (raw.items ?? []).map((t, i) => rich(t, [...path, 'items', i])) });
      case 'section': {
        const s: Slide = { ...base, kind: 'section' };
        if (raw.subtitle !== undefined) s.subtitle = plain(raw.subtitle, [...path, 'subtitle']);
        return finish(s);
      }
      case 'bullets':
        return finish({ ...base, kind: 'bullets', bullets: bullets(raw.bullets, [...path, 'bullets']), overflow: raw.overflow });
      case 'stats': {
        const stats = raw.stats.map((st, i) => statCard(st, [...path, 'stats', i], ctxAt, used));
        if (stats.some((s) => !s)) return undefined;
        const s: Slide = { ...base, kind: 'stats', stats: stats as StatCard[] };
        if (raw.intro !== undefined) s.intro = rich(raw.intro, [...path, 'intro']);
        return finish(s);
      }
      case 'chart': {
        const chart = resolveChart(raw.chart, [...path, 'chart'], facts, locate, diags, (f) => used.add(f), plain, readData, chartContext);
        return chart && finish({ ...base, kind: 'chart', chart });
      }
      case 'text-chart': {
        const chart = resolveChart(raw.chart, [...path, 'chart'], facts, locate, diags, (f) => used.add(f), plain, readData, chartContext);
        return chart && finish({ ...base, kind: 'text-chart', chart, bullets: bullets(raw.bullets, [...path, 'bullets']) });
      }
      case 'quote': {
        const s: Slide = { ...base, kind: 'quote', quote: rich(raw.quote, [...path, 'quote']) };
        if (raw.attribution !== undefined) s.attribution = plain(raw.attribution, [...path, 'attribution']);
        return finish(s);
      }
      case 'table': {
        const source = tableSource(raw, path);
        if (!source) return undefined;
        const width = source.header.length;
        const yearColumns = source.header.map((_, c) => source.rows.every((row) => typeof row[c] !== 'number' || looksLikeYear(row[c] as number)));
        const rows: TableCell[][] = source.rows.map((row, r) => {
          if (row.length !== width) {
            diags.error('table-row-length', `row ${r + 1} has ${row.length} cell${row.length === 1 ? '' : 's'} for ${width} column${width === 1 ? '' : 's'}`, {
              path: formatPath([...path, 'rows', r]),
              span: locate.value([...path, 'rows', r]),
              hint: 'give every row one cell per header entry (use "" for an empty cell)',
            });
          }
          return row.map((cell, c) => {
            // CSV cells are text (their numbers already written by csvColumnText); outline cells may use inline markup and {fact}.
            const text = typeof cell === 'number' ? [{ text: formatCell(cell, yearColumns[c]) }] : source.csv ? [{ text: cell }] : rich(cell, [...path, 'rows', r, c]);
            return { text, numeric: isNumeric(plainText(text)) };
          });
        });
        const numericColumns = source.header.map((_, c) => rows.every((row) => !row[c] || row[c]!.numeric || plainText(row[c]!.text) === ''));
        const header = source.header.map((h, i) => (raw.header ? rich(h, [...path, 'header', i]) : [{ text: h }]));
        const s: Slide = { ...base, kind: 'table', header, rows, numericColumns, overflow: raw.overflow };
        if (raw.caption !== undefined) s.caption = plain(raw.caption, [...path, 'caption']);
        return finish(s);
      }
      case 'image': {
        const found = readAsset(raw.image);
        const ip = [...path, 'image'];
        if ('error' in found) {
          diags.error('image-not-found', found.error, { path: formatPath(ip), span: locate.value(ip), hint: found.hint ?? 'put the picture in assets/ and give its file name' });
          return undefined;
        }
        const checked = checkImage(found.bytes);
        if (!checked.ok) {
          diags.error(checked.code, `\`${raw.image}\` ${checked.problem}`, { path: formatPath(ip), span: locate.value(ip), hint: checked.hint });
          return undefined;
        }
        const s: Slide = { ...base, kind: 'image', image: { path: found.path, data: found.bytes, ...checked.info }, alt: plain(raw.alt, [...path, 'alt']) };
        if (raw.caption !== undefined) s.caption = plain(raw.caption, [...path, 'caption']);
        return finish(s);
      }
      case 'timeline':
        return finish({
          ...base,
          kind: 'timeline',
          events: raw.events.map((e, i) => {
            const ep = [...path, 'events', i];
            const event: TimelineEvent = { date: plain(e.date, [...ep, 'date']), title: rich(e.title, [...ep, 'title']), span: locate.value(ep) };
            if (e.text !== undefined) event.text = rich(e.text, [...ep, 'text']);
            return event;
          }),
        });
      case 'sources':
        return finish({ ...base, kind: 'sources', items: [] });
      case 'closing': {
        const s: Slide = { ...base, kind: 'closing' };
        if (raw.subtitle !== undefined) s.subtitle = plain(raw.subtitle, [...path, 'subtitle']);
        if (raw.contact !== undefined) s.contact = plain(raw.contact, [...path, 'contact']);
        return finish(s);
      }
      default:
        // A slide type in the schema without a case here does not compile.
        return unreachable(raw, 'slide type');
    }
  }

  /** A table's header and rows: written in the outline, or read from its CSV file. */
  function tableSource(
    raw: Extract<OutlineSlide, { type: 'table' }>,
    path: PathPart[],
  ): { header: string[]; rows: (string | number)[][]; csv: boolean } | undefined {
    const at = (...p: PathPart[]) => ({ path: formatPath([...path, ...p]), span: locate.value([...path, ...p]) });
    if (raw.data === undefined) {
      for (const key of ['header', 'rows'] as const) {
        if (raw[key] === undefined) diags.error('missing-key', `${formatPath(path)} is missing \`${key}\``, { ...at(), hint: `add \`${key}:\`, or \`data:\` with a CSV file` });
      }
      if (raw.columns !== undefined) diags.error('columns-need-data', '`columns` chooses CSV columns, but the table has no `data:` file', { ...at('columns'), hint: 'add `data: path/to/file.csv`, or remove `columns`' });
      return raw.header && raw.rows && raw.columns === undefined ? { header: raw.header, rows: raw.rows, csv: false } : undefined;
    }
    if (raw.rows !== undefined) {
      diags.error('rows-and-data', 'a table takes its rows from `rows:` or from `data:`, not both', { ...at('rows'), hint: 'remove `rows:` or `data:`' });
      return undefined;
    }
    const table = loadCsv(raw.data, readData, at('data'), diags);
    if (!table) return undefined;
    const names = raw.columns ?? table.header;
    if (names.length > MAX_COLUMNS) {
      diags.error('too-many', `${raw.data} has ${names.length} columns; a table shows at most ${MAX_COLUMNS}`, { ...at('data'), hint: 'choose the columns to show with `columns: [a, b, c]`' });
      return undefined;
    }
    const indexes = names.map((c, i) => columnIndex(table, c, raw.columns ? at('columns', i) : at('data'), diags));
    if (indexes.some((i) => i === undefined)) return undefined;
    const header = raw.header ?? names;
    if (header.length !== names.length) {
      diags.error('table-row-length', `the header has ${header.length} entries for ${names.length} CSV columns`, { ...at('header'), hint: 'give one heading per column, or leave `header:` out to use the CSV header' });
      return undefined;
    }
    const columns = indexes.map((i) => csvColumnText(table.rows.map((row) => row[i!] ?? '')));
    return { header, rows: table.rows.map((_, r) => columns.map((column) => column[r]!)), csv: true };
  }

  function statCard(
    st: { fact?: string | undefined; value?: string | number | undefined; label?: string | undefined; note?: string | undefined },
    p: PathPart[],
    ctxAt: (p: PathPart[]) => InlineContext,
    used: Set<Fact>,
  ): StatCard | undefined {
    if ((st.fact === undefined) === (st.value === undefined)) {
      diags.error('stat-value', `${formatPath(p)} needs exactly one of \`fact\` and \`value\``, {
        path: formatPath(p),
        span: locate.value(p),
        hint: 'name a fact id with `fact:`, or write the number with `value:`',
      });
      return undefined;
    }
    let card: StatCard;
    if (st.fact !== undefined) {
      const fact = facts.get(st.fact);
      if (!fact && broken.has(st.fact)) return undefined; // reported at the fact
      if (!fact) {
        diags.error('unknown-fact', `unknown fact \`${st.fact}\``, {
          path: formatPath([...p, 'fact']),
          span: locate.value([...p, 'fact']),
          hint: facts.size ? suggestion(st.fact, [...facts.keys(), ...broken], 'facts') : 'define it under `facts:`',
        });
        return undefined;
      }
      used.add(fact);
      const parts = factParts(fact);
      const derived = fact.derived !== undefined;
      card = { value: `${parts.number}${parts.suffix.startsWith('%') ? '%' : ''}${derived ? DERIVED_MARK : ''}`, label: '', derived, span: locate.value(p) };
      const unit = parts.suffix.replace(/^%\s*/, '');
      if (unit) card.unit = unit;
      if (parts.prefix) card.prefix = parts.prefix;
      card.label = st.label ?? fact.label ?? '';
    } else {
      card = { value: interpolate(String(st.value), ctxAt([...p, 'value'])).text, label: st.label ?? '', derived: false, span: locate.value(p) };
    }
    if (!card.label) {
      diags.error('stat-label', `${formatPath(p)} has no label`, {
        path: formatPath(p),
        span: locate.value(p),
        hint: 'add `label:` saying what the number measures (or give the fact a label)',
      });
      return undefined;
    }
    card.label = interpolate(card.label, ctxAt([...p, 'label'])).text;
    if (st.note !== undefined) card.note = interpolate(st.note, ctxAt([...p, 'note'])).text;
    return card;
  }
}

/** A table cell that reads as a number: "1,234", "-5.2%", "$16.6 billion", "15.2 trillion yuan". */
function isNumeric(text: string): boolean {
  // Units in Latin words ("trillion yuan") or in CJK characters (亿元, 万吨), after any kind of space.
  return /^[-+]?[$€£¥]?\s?\d[\d,]*(\.\d+)?\s?(%|[A-Za-z]+(\s[A-Za-z]+)?|[\u3400-\u9FFF]{1,4})?†?$/.test(text.trim());
}

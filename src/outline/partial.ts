// Every problem in one run: when the outline as a whole fails the schema, the parts that do validate
// (the deck, each source, each fact, each slide) are kept, so that the semantic checks (facts, sources,
// data files, series lengths, pictures) still run on them. A part that fails is left out, and what
// names it (a fact id, a source id) is remembered, so that nothing else reports it again: one root
// cause, one error. Unknown keys alone do not drop a part; they are reported and set aside.
import type * as z from 'zod';
import { closest } from './suggest.js';
import { DeckSchema, FactSchema, SlideSchema, SourceSchema, type Outline } from './schema.js';

export interface PartialOutline {
  /** The parts that validated; `slides` holds only the slides that did. */
  outline: Outline;
  /** The index in the outline's `slides:` of each slide kept. */
  slideIndexes: number[];
  /** Ids whose entries failed the schema: known, so never "unknown", but without a value. */
  invalidFacts: ReadonlySet<string>;
  invalidSources: ReadonlySet<string>;
  /** Some slides were left out: summaries over all slides (agenda, sources list) cannot be checked. */
  slidesLeftOut: boolean;
}

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const at = (root: unknown, path: readonly PropertyKey[]): unknown => path.reduce<unknown>((v, p) => (v as Record<PropertyKey, unknown> | undefined)?.[p], root);

/**
 * `value` parsed by `schema` as the author meant it: a key the schema does not know (already reported) is
 * read as the missing key it is a typo of (`titel:` as `title:`), or else set aside. Undefined when the
 * part has other problems.
 */
function lenient<T>(schema: z.ZodType<T>, value: unknown, dropOptional = false): T | undefined {
  let current = value;
  for (let round = 0; round < 3; round++) {
    const r = schema.safeParse(current);
    if (r.success) return r.data;
    const missing = r.error.issues.filter((i) => i.code === 'invalid_type' && at(current, i.path) === undefined);
    const unknown = r.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (unknown.length === 0 && dropOptional) return withoutBadOptionalFields(schema, current, r.error.issues);
    if (unknown.length === 0 || unknown.length + missing.length < r.error.issues.length) return undefined;
    current = structuredClone(current);
    for (const issue of unknown) {
      const parent = at(current, issue.path);
      if (!isMap(parent)) continue;
      const wanted = missing.filter((m) => m.path.length === issue.path.length + 1 && issue.path.every((p, i) => m.path[i] === p)).map((m) => String(m.path[m.path.length - 1]));
      for (const key of (issue as { keys: string[] }).keys) {
        const meant = closest(key, wanted);
        if (meant !== undefined && parent[meant] === undefined) parent[meant] = parent[key];
        delete parent[key];
      }
    }
  }
  return undefined;
}

// Fields whose absence other checks would report (a slide citing no source): never dropped.
const KEPT_FIELDS = new Set(['type', 'source', 'sources']);

/**
 * A slide whose only faults are optional fields of the wrong kind (`caption: [1, 2]`), already reported,
 * read without them, so that the rest of it (its picture, its facts) is still checked. A required field
 * at fault leaves the slide out, as before.
 */
function withoutBadOptionalFields<T>(schema: z.ZodType<T>, value: unknown, issues: readonly z.core.$ZodIssue[]): T | undefined {
  if (!isMap(value)) return undefined;
  const keys = new Set(issues.map((i) => i.path[0]));
  if ([...keys].some((k) => typeof k !== 'string' || KEPT_FIELDS.has(k) || value[k] === undefined)) return undefined;
  const trimmed = { ...value };
  for (const k of keys) delete trimmed[k as string];
  const r = schema.safeParse(trimmed);
  return r.success ? r.data : undefined;
}

export function partialOutline(data: Record<string, unknown>): PartialOutline {
  const rawDeck = isMap(data.deck) ? data.deck : {};
  // A deck that does not validate still lends its title; its theme falls back to the default.
  const deck =
    lenient(DeckSchema, rawDeck) ?? DeckSchema.parse({ title: typeof rawDeck.title === 'string' && rawDeck.title.trim() ? rawDeck.title.slice(0, 200) : 'Untitled' });

  const entries = <T>(field: unknown, schema: z.ZodType<T>, invalid: Set<string>): Record<string, T> => {
    const out: Record<string, T> = {};
    if (!isMap(field)) return out;
    for (const [id, value] of Object.entries(field)) {
      const parsed = ID.test(id) ? lenient(schema, value) : undefined;
      if (parsed === undefined) invalid.add(id);
      else out[id] = parsed;
    }
    return out;
  };
  const invalidSources = new Set<string>();
  const invalidFacts = new Set<string>();
  const sources = entries(data.sources, SourceSchema, invalidSources);
  const facts = entries(data.facts, FactSchema, invalidFacts);

  const slides: Outline['slides'] = [];
  const slideIndexes: number[] = [];
  const rawSlides = Array.isArray(data.slides) ? data.slides : [];
  rawSlides.forEach((raw, index) => {
    const slide = lenient(SlideSchema, raw, true);
    if (slide === undefined) return;
    slides.push(slide);
    slideIndexes.push(index);
  });
  return {
    outline: { deck, sources, facts, slides },
    slideIndexes,
    invalidFacts,
    invalidSources,
    slidesLeftOut: slides.length !== rawSlides.length || !Array.isArray(data.slides),
  };
}

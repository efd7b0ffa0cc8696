// The deck model: what to show, resolved and defaulted, with slide kinds but no geometry. Every node that
// can cause a later problem keeps the Span of the outline text it came from, so that even a layout
// warning points at the right YAML line.
import type { Span } from '../diagnostics.js';
import type { FaceMap } from '../font-faces.js';
import type { TemplateModel } from '../template/model.js';
import type { Labels } from './labels.js';

/** A piece of inline text with its emphasis. `derived` marks a number that is not in a source. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  derived?: boolean;
}

/** One paragraph of inline runs. */
export type RichText = Run[];

export interface Bullet {
  text: RichText;
  level: 0 | 1;
  span: Span;
}

export interface Source {
  id: string;
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
}

export interface Fact {
  id: string;
  value: number;
  unit?: string;
  scale?: string;
  currency?: string;
  label?: string;
  source?: string;
  /** How the number was computed when no source states it. */
  derived?: string;
  decimals?: number;
  span: Span;
}

// Charts are defined in their own module; re-exported here so the model reads as one.
export { CHART_KINDS, type ChartKind, type ChartSeries, type ChartSpec } from './chart-spec.js';
import type { ChartSpec } from './chart-spec.js';

export interface ThemeColors {
  background: string;
  text: string;
  muted: string;
  accent: string;
  accent2: string;
  titleText: string;
  /** Background of section and title slides. */
  sectionBackground: string;
  sectionText: string;
  card: string;
  cardText: string;
  grid: string;
}

export interface Theme {
  name: string;
  colors: ThemeColors;
  /** Chart series colours, in order. */
  palette: string[];
  headingFont: string;
  bodyFont: string;
  /** Faces this theme names without a metric twin, each measured like the bundled face it was given with ("Segoe UI, Arial"). */
  faces?: FaceMap;
  /** Face PowerPoint and Keynote use for Chinese, Japanese and Korean characters in every run. */
  eastAsianFont: string;
  /** Shown on every slide when set. */
  logo?: { data: Uint8Array; mime: string; widthPx: number; heightPx: number };
  /** Font size ranges in points per role: [min, max]. */
  sizes: {
    title: [number, number];
    body: [number, number];
    stat: [number, number];
    caption: [number, number];
  };
}

export interface DeckMeta {
  title: string;
  subtitle?: string;
  date?: string;
  author?: string;
  organisation?: string;
  language: string;
}

export interface StatCard {
  /** The big number as shown, e.g. "15.2". */
  value: string;
  /** Smaller text after the number, e.g. "trillion yuan". */
  unit?: string;
  prefix?: string;
  label: string;
  note?: string;
  derived: boolean;
  span: Span;
}

export interface TimelineEvent {
  date: string;
  title: RichText;
  text?: RichText;
  span: Span;
}

export interface TableCell {
  text: RichText;
  numeric: boolean;
}

/** Content that cannot fit at the smallest size: shrink to it and warn, or continue on more slides. */
export type Overflow = 'shrink' | 'continue';

interface SlideBase {
  /** 0-based position in the outline's slides list. */
  index: number;
  /** For a continuation slide: which part this is (2, 3, …). */
  part?: number;
  title: string;
  notes?: string;
  /** Source ids cited by this slide (explicit plus those of the facts it uses). */
  sources: string[];
  /** Formulas of the derived facts this slide shows, for its footnote. */
  derivedNotes: string[];
  /** A template layout the outline names for this slide (its own `layout:`, or `deck.layouts` for its type). */
  layoutPin?: { name: string; span: Span; path: string };
  span: Span;
}

export type Slide =
  | (SlideBase & { kind: 'title'; subtitle?: string; byline?: string })
  | (SlideBase & { kind: 'agenda'; items: RichText[] })
  | (SlideBase & { kind: 'section'; subtitle?: string })
  | (SlideBase & { kind: 'bullets'; bullets: Bullet[]; overflow: Overflow })
  | (SlideBase & { kind: 'stats'; stats: StatCard[]; intro?: RichText })
  | (SlideBase & { kind: 'chart'; chart: ChartSpec })
  | (SlideBase & { kind: 'text-chart'; bullets: Bullet[]; chart: ChartSpec })
  | (SlideBase & { kind: 'quote'; quote: RichText; attribution?: string })
  | (SlideBase & { kind: 'table'; header: RichText[]; rows: TableCell[][]; numericColumns: boolean[]; caption?: string; overflow: Overflow })
  | (SlideBase & { kind: 'image'; image: { path: string; data: Uint8Array; widthPx: number; heightPx: number; mime: string }; caption?: string; alt: string })
  | (SlideBase & { kind: 'timeline'; events: TimelineEvent[] })
  | (SlideBase & { kind: 'sources'; items: Source[] })
  | (SlideBase & { kind: 'closing'; subtitle?: string; contact?: string });

export type SlideKind = Slide['kind'];

export interface Deck {
  meta: DeckMeta;
  theme: Theme;
  /** The words briefdeck writes itself, in the deck's language. */
  labels: Labels;
  /** The organisation's template the deck is built on; absent for the built-in templates. */
  template?: TemplateModel;
  /** That template's package, which emit puts the slides into. */
  templateParts?: Map<string, Uint8Array>;
  sources: Map<string, Source>;
  facts: Map<string, Fact>;
  slides: Slide[];
}

// The placed deck: every element with its box and its final type size, on the layout of the template it
// will be written on, ready for emit. Tests check geometry (inside the slide, no overlaps, text fits) on
// this model without rendering pixels. Elements are in reading order: decoration first (screen readers
// skip it), then the title, the content, the notes and source line, the footer last.
import type { Span } from '../diagnostics.js';
import type { ChartSpec, Run, SlideKind, TableCell, RichText } from '../model/types.js';
import type { LayoutInfo, LevelStyle, PlaceholderType, TemplateModel } from '../template/model.js';
import type { Box } from './units.js';

/** A run with an optional size relative to its text box's size (e.g. 0.45 for the unit after a big number). */
export interface PlacedRun extends Run {
  scale?: number;
  color?: string;
  /** A web address the run links to. */
  link?: string;
  /** Measured as one piece that no line may break (a shortened address shown on one line). */
  keep?: boolean;
}

export interface PlacedParagraph {
  runs: PlacedRun[];
  bullet?: boolean;
  level: 0 | 1;
  /** Space before the paragraph as a fraction of the font size. */
  spaceBefore?: number;
}

/** The tightest line spacing written, as a fraction of single spacing (see levelPitch in context.ts). */
export const MIN_LINE_SPACING = 0.95;

export type TextRole = 'title' | 'subtitle' | 'body' | 'stat' | 'label' | 'caption' | 'footer' | 'quote' | 'notes';

/** The layout placeholder a text fills: the slide's shape inherits its place and style from it. */
export interface PlacedPlaceholder {
  type: PlaceholderType;
  idx: number;
  /** Where the layout puts it: the slide writes its own position only where the text needs another. */
  box: Box;
  /** The layout's vertical anchor: the slide says its own only where it differs. */
  anchor: 't' | 'ctr' | 'b';
  /** The style each outline level inherits; emit writes only what differs from it. */
  levels: LevelStyle[];
  /**
   * False when the layout has no such placeholder (a title taken from the master, or made from its title
   * style): the slide then states its box and every text property itself.
   */
  inherits: boolean;
  /** Text states every property although the shape inherits its place (see Placeholder.explicitText). */
  explicitText?: boolean;
}

export interface Insets {
  l: number;
  t: number;
  r: number;
  b: number;
}

export const NO_INSETS: Insets = { l: 0, t: 0, r: 0, b: 0 };

export interface PlacedText {
  type: 'text';
  role: TextRole;
  box: Box;
  paragraphs: PlacedParagraph[];
  fontFace: string;
  /** The size written to the file: the largest in the role's range that fits the box. */
  sizePt: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  /** Written with wrap="none": each paragraph stays one line. */
  noWrap?: boolean;
  /** Line pitch in points at sizePt, as used when measuring (written as exact line spacing). */
  linePitchPt: number;
  /** Text insets inside the box, in inches. */
  insets: Insets;
  /** Height the text needs at sizePt, in inches; fits is false when that exceeds the box. */
  neededH: number;
  fits: boolean;
  /** Set when the text fills a placeholder of the slide's layout. */
  placeholder?: PlacedPlaceholder;
  /** The deck's type scale sets this text's size (content titles, bullets). */
  scaled?: 'title' | 'body';
  span: Span;
}

export interface PlacedShape {
  type: 'rect' | 'line';
  box: Box;
  fill?: string;
  line?: { color: string; widthPt: number };
  /** Corner radius as a fraction of the shorter side (rounded rectangles). */
  radius?: number;
  /** Decoration may sit under text on purpose; overlap checks skip it, screen readers skip it. */
  decoration: true;
}

export interface PlacedPicture {
  type: 'picture';
  box: Box;
  data: Uint8Array;
  mime: string;
  alt: string;
  /** A picture that says nothing (a logo repeated on every slide): screen readers skip it. */
  decorative?: boolean;
  /** The layout's picture placeholder it fills, if any. */
  placeholder?: { type: PlaceholderType; idx: number };
}

export interface PlacedChart {
  type: 'chart';
  box: Box;
  spec: ChartSpec;
  alt: string;
  placeholder?: { type: PlaceholderType; idx: number };
}

export interface PlacedTable {
  type: 'table';
  box: Box;
  colWidths: number[];
  rowHeights: number[];
  header: RichText[];
  rows: TableCell[][];
  numericColumns: boolean[];
  fontFace: string;
  sizePt: number;
  linePitchPt: number;
  /** Cell padding in inches. */
  pad: { x: number; y: number };
  /** Header text and the rule under the header row; body text; the hairlines between rows. */
  colors: { header: string; rule: string; text: string; line: string };
  fits: boolean;
  span: Span;
}

export type PlacedElement = PlacedText | PlacedShape | PlacedPicture | PlacedChart | PlacedTable;

export interface PlacedFooter {
  /** The slide shows its number in the layout's slide-number placeholder. */
  number: boolean;
}

export interface PlacedSlide {
  /** 1-based slide number in the output (continuations and all). */
  number: number;
  kind: SlideKind;
  title: string;
  /** Index into the template's layouts. */
  layout: number;
  /** The slide's fill, which the layout draws: what text without a card under it is read against. */
  background: string;
  elements: PlacedElement[];
  footer: PlacedFooter;
  notes?: string;
  span: Span;
}

export interface PlacedDeck {
  title: string;
  language: string;
  /** The template the slides are placed on, as it will be written. */
  template: TemplateModel;
  slides: PlacedSlide[];
}

export const layoutOf = (deck: PlacedDeck, slide: PlacedSlide): LayoutInfo => deck.template.layouts[slide.layout]!;

// The placed deck: every element with its box and its final type size, ready for emit. Tests check
// geometry (inside the slide, no overlaps, text fits) on this model without rendering pixels.
import type { Span } from '../diagnostics.js';
import type { ChartSpec, Run, SlideKind, TableCell, RichText } from '../model/types.js';
import type { Box } from './units.js';

/** A run with an optional size relative to its text box's size (e.g. 0.45 for the unit after a big number). */
export interface PlacedRun extends Run {
  scale?: number;
  color?: string;
}

export interface PlacedParagraph {
  runs: PlacedRun[];
  bullet?: boolean;
  level: 0 | 1;
  /** Space before the paragraph as a fraction of the font size. */
  spaceBefore?: number;
}

export type TextRole = 'title' | 'subtitle' | 'body' | 'stat' | 'label' | 'caption' | 'footer' | 'quote';

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
  /** Line height as a multiple of the size, as used when measuring. */
  lineHeight: number;
  /** Height the text needs at sizePt, in inches; fits is false when that exceeds the box. */
  neededH: number;
  fits: boolean;
  span: Span;
}

export interface PlacedShape {
  type: 'rect' | 'line';
  box: Box;
  fill?: string;
  line?: { color: string; widthPt: number };
  /** Corner radius as a fraction of the shorter side (rounded rectangles). */
  radius?: number;
  /** Decoration may sit under text on purpose; overlap checks skip it. */
  decoration: true;
}

export interface PlacedPicture {
  type: 'picture';
  box: Box;
  data: Uint8Array;
  mime: string;
  alt: string;
}

export interface PlacedChart {
  type: 'chart';
  box: Box;
  spec: ChartSpec;
  alt: string;
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
  /** Cell padding in inches. */
  pad: { x: number; y: number };
  colors: { headerFill: string; headerText: string; text: string; fill: string; stripe: string; line: string };
  fits: boolean;
  span: Span;
}

export type PlacedElement = PlacedText | PlacedShape | PlacedPicture | PlacedChart | PlacedTable;

export interface PlacedSlide {
  /** 1-based slide number in the output (continuations and all). */
  number: number;
  kind: SlideKind;
  title: string;
  /** Dark "feature" slides (title, section, closing) or light content slides. */
  master: 'feature' | 'content';
  /** The slide's fill, which the master draws: what text without a card under it is read against. */
  background: string;
  elements: PlacedElement[];
  notes?: string;
  span: Span;
}

export interface PlacedDeck {
  title: string;
  slides: PlacedSlide[];
}

// What briefdeck knows about a template — the built-in one or an organisation's .pptx/.potx — as plain
// data: its slide size, theme, masters and layouts, and every placeholder with its *effective* box and
// text style after inheritance (slide layout → slide master → master text styles → theme). Layout
// chooses layouts and places text from this model only; emit copies the template's own parts.
import type { Box } from '../geometry.js';

/** The twelve colours of a theme's colour scheme. */
export const SCHEME_SLOTS = ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'] as const;
export type SchemeSlot = (typeof SCHEME_SLOTS)[number];

/** The colour names shapes and text use; a master's colour map sends each to a scheme slot. */
export const COLOR_ROLES = ['bg1', 'tx1', 'bg2', 'tx2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'] as const;
export type ColorRole = (typeof COLOR_ROLES)[number];
export type ColorMap = Record<ColorRole, SchemeSlot>;

/** PowerPoint's default map: backgrounds on the light slots, text on the dark ones. */
export const DEFAULT_COLOR_MAP: ColorMap = {
  bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2',
  accent1: 'accent1', accent2: 'accent2', accent3: 'accent3', accent4: 'accent4', accent5: 'accent5', accent6: 'accent6',
  hlink: 'hlink', folHlink: 'folHlink',
};

export interface ThemeFonts {
  /** Latin face, e.g. "Calibri Light". */
  latin: string;
  /** East Asian face, when the theme names one. */
  ea?: string;
  cs?: string;
  /** Per-script faces (`a:font script="Hans"`), e.g. { Hans: "等线", Jpan: "游ゴシック" }. */
  scripts: Record<string, string>;
}

export interface TemplateTheme {
  name: string;
  /** #RRGGBB for every slot (system colours resolved to their lastClr). */
  colors: Record<SchemeSlot, string>;
  /** Heading fonts (`+mj-*`). */
  major: ThemeFonts;
  /** Body fonts (`+mn-*`). */
  minor: ThemeFonts;
}

/** A colour as a template states it: the resolved #RRGGBB, and the role it refers to when it is a theme colour. */
export interface ColorValue {
  hex: string;
  /** Set for a `schemeClr` without transforms (what emit can write back as the same reference). */
  role?: ColorRole;
}

/** Paragraph and run properties of one outline level, after inheritance. */
export interface LevelStyle {
  sizePt: number;
  /** The Latin face text is drawn in, theme references (`+mj-lt`) resolved to the face they name. */
  font: string;
  /** East Asian face, resolved likewise, when there is one. */
  eaFont?: string;
  bold: boolean;
  italic: boolean;
  color: ColorValue;
  align: 'l' | 'ctr' | 'r' | 'just' | 'dist';
  /** Left margin and first-line indent in inches (a hanging bullet has a negative indent). */
  marginIn: number;
  indentIn: number;
  /** Line spacing: a multiple of single spacing (1 = 100%), or exact points. */
  lineSpacing: { pct: number } | { pt: number };
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** What starts a paragraph at this level. */
  bullet: { kind: 'none' } | { kind: 'char'; char: string } | { kind: 'auto'; scheme: string };
  caps: 'none' | 'all' | 'small';
}

export const PLACEHOLDER_TYPES = ['title', 'ctrTitle', 'subTitle', 'body', 'obj', 'pic', 'tbl', 'chart', 'dgm', 'media', 'clipArt', 'dt', 'ftr', 'sldNum', 'hdr', 'sldImg'] as const;
export type PlaceholderType = (typeof PLACEHOLDER_TYPES)[number];

export interface Placeholder {
  /** As written, `obj` when the `p:ph` has no type (the schema's default). */
  type: PlaceholderType;
  /** As written, 0 when absent (the schema's default). */
  idx: number;
  /** True when the layout has another placeholder of the same type and idx (so a slide cannot address this one). */
  ambiguous: boolean;
  /** The shape's name in the layout (`Title 1`). */
  name: string;
  /** Effective position and size. */
  box: Box;
  /** Text insets in inches (bodyPr lIns/tIns/rIns/bIns; 0.1 and 0.05 by default). */
  insets: { l: number; t: number; r: number; b: number };
  anchor: 't' | 'ctr' | 'b';
  /** `normAutofit` (shrink text on overflow), `spAutoFit` (grow the shape) or none. */
  autofit: 'none' | 'norm' | 'shape';
  wrap: boolean;
  /** Text set vertically (bodyPr vert other than horz). */
  vertical: boolean;
  /** Effective styles of outline levels 1–9 (index 0 is level 1). */
  levels: LevelStyle[];
  /** A slide's text here states every property (the template's styles do not say what PowerPoint shows). */
  explicitText?: boolean;
  /** The placeholder's own fill (#RRGGBB), inherited from the master's: a title drawn on its own bar. */
  fill?: string;
}

/** What a slide's fill is; `hex` is what text is read against (a gradient's or picture's average when not solid). */
export interface Background {
  hex: string;
  kind: 'solid' | 'gradient' | 'picture' | 'pattern';
  /**
   * A picture's colours on a coarse grid (n × n cells, row by row, RGB): what text over one part of it
   * is read against, where the mean colour (`hex`) is mostly page and the part is a band of colour.
   */
  grid?: { n: number; rgb: number[] };
}

/** A shape, picture or group on a master or layout that is not a placeholder: a logo, a rule, an ornament. */
export interface Decoration {
  box: Box;
  kind: 'picture' | 'shape' | 'group' | 'graphic';
  /**
   * What text over it would be read against, when briefdeck can tell: a shape's solid fill, the mean of
   * a gradient, the mean pixel of a picture that covers at least 5% of the slide. Absent for outlines,
   * lines, small pictures (logos) and fills it cannot see.
   */
  hex?: string;
}

export interface TextStyles {
  title: LevelStyle[];
  body: LevelStyle[];
  other: LevelStyle[];
}

export interface MasterInfo {
  /** Part name, e.g. `ppt/slideMasters/slideMaster1.xml`. */
  part: string;
  name: string;
  colorMap: ColorMap;
  theme: TemplateTheme;
  background: Background;
  placeholders: Placeholder[];
  decorations: Decoration[];
  textStyles: TextStyles;
}

export interface LayoutInfo {
  /** Part name, e.g. `ppt/slideLayouts/slideLayout2.xml`. */
  part: string;
  /** `p:cSld/@name`, in the template's own language ("Titel und Inhalt"). */
  name: string;
  /** Google Slides' `matchingName`, or the layout `type` attribute's name, when present. */
  matchingName?: string;
  /** `p:sldLayout/@type` (title, obj, secHead, twoObj, titleOnly, blank, …) when given. */
  type?: string;
  /** Index into TemplateModel.masters. */
  master: number;
  /** The layout's placeholders (slides can only fill these), boxes and styles inherited from the master. */
  placeholders: Placeholder[];
  /** The master's colour map with the layout's override applied. */
  colorMap: ColorMap;
  background: Background;
  /** The layout's own decorations, plus the master's unless the layout hides master shapes. */
  decorations: Decoration[];
  /** Body text on this layout is light on a dark fill. */
  dark: boolean;
  /**
   * Made by briefdeck for a master that has no layouts (the part does not exist in the template: emit
   * writes it). Its placeholders copy the master's title and body.
   */
  synthetic?: boolean;
}

/** The kind of package a template file is, from its main part's content type. */
export type PackageKind = 'pptx' | 'potx' | 'pptm' | 'potm' | 'ppsx' | 'ppsm';

/** Where a template read from a file keeps what emit needs to assemble the deck in its package. */
export interface PackageInfo {
  kind: PackageKind;
  /** The package holds a VBA project (pptm/potm): emit must not carry it over. */
  macros: boolean;
  /** The main part, normally `ppt/presentation.xml`. */
  presentationPart: string;
  /** The template's own slides, in presentation order (they are not in the deck). */
  slides: string[];
  /**
   * What goes with the template's own slides: their relationship parts, their notes slides, and media,
   * charts or embeddings nothing else uses (the slides themselves are in `slides`).
   */
  slideOnlyParts: string[];
  notesMaster?: string;
  handoutMaster?: string;
  /** The VBA project part and anything only it uses, when there are macros. */
  macroParts: string[];
}

/** Why a template cannot serve; `message` is one sentence, `hint` says what to do with the file. */
export interface TemplateError {
  code:
    | 'template-empty'
    | 'template-not-zip'
    | 'template-truncated'
    | 'template-corrupt'
    | 'template-encrypted'
    | 'template-ppt'
    | 'template-keynote'
    | 'template-odp'
    | 'template-not-presentation'
    | 'template-strict'
    | 'template-no-presentation'
    | 'template-no-master'
    | 'template-bad-xml'
    | 'template-too-large';
  message: string;
  hint: string;
}

export interface TemplateModel {
  /** `briefing`, `midnight`, or the template's file name. */
  name: string;
  builtin: boolean;
  /** Set for a template read from a file (readTemplate); built-in templates have none. */
  package?: PackageInfo;
  /** Slide size in inches. */
  slideSize: { w: number; h: number };
  /** Notes page size in inches. */
  notesSize: { w: number; h: number };
  /** The first master's theme: the deck's theme. */
  theme: TemplateTheme;
  masters: MasterInfo[];
  layouts: LayoutInfo[];
}

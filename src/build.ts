// The library entry point: outline text → .pptx bytes + diagnostics. The CLI, watch mode and tests
// only drive this function; it reads nothing but the assets the outline names and writes nothing.
import { Diagnostics, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { ChartImages } from './emit/write-deck.js';
import { layoutDeck } from './layout/layout-deck.js';
import type { PlacedDeck } from './layout/placed.js';
import { buildModel, type AssetReader } from './model/build-model.js';
import type { DataReader } from './model/data.js';
import type { Deck } from './model/types.js';
import { fileInputs } from './inputs.js';
import { parseOutline } from './outline/parse.js';

export interface BuildOptions {
  /** Folder the outline lives in: images are looked up from here. Default: the working folder. */
  baseDir?: string;
  /** Replaces file reading for images (tests, or callers with their own storage). */
  readAsset?: AssetReader;
  /** Replaces file reading for CSV data files. */
  readData?: DataReader;
  /** Folders besides the outline's and assets/ that images and data may be read from. */
  allowPaths?: string[];
  /** Treat warnings as errors: no deck is produced when there are any. */
  strict?: boolean;
  /** Use this built-in theme instead of the outline's. */
  theme?: 'briefing' | 'midnight';
  /** Called after each chart picture, with how many of how many are done (for progress displays). */
  onProgress?: (done: number, total: number) => void;
  /** Stop after layout (validation): no charts drawn, no package written. */
  layoutOnly?: boolean;
  /** Seconds since 1970 for the package timestamps; defaults to $SOURCE_DATE_EPOCH, then deck.date. */
  sourceDateEpoch?: number;
}

export interface BuildResult {
  /** The deck, unless there were errors. */
  pptx?: Uint8Array;
  diagnostics: Diagnostic[];
  /** Set when the outline was valid. */
  deck?: Deck;
  placed?: PlacedDeck;
  stats: { slides: number; charts: number; chartsRendered: number };
  /** Absolute paths of the images and data files the outline uses (what watch mode watches). */
  inputs: string[];
}

export async function build(text: string, options: BuildOptions = {}): Promise<BuildResult> {
  const diags = new Diagnostics();
  const stats = { slides: 0, charts: 0, chartsRendered: 0 };
  const files = fileInputs({ baseDir: options.baseDir ?? process.cwd(), ...(options.allowPaths ? { allow: options.allowPaths } : {}) });
  const done = (extra: Partial<BuildResult> = {}): BuildResult => ({ diagnostics: sortDiagnostics(diags.list), stats, inputs: [...files.used].sort(), ...extra });

  const parsed = parseOutline(text, diags);
  if (!parsed.outline) return done();
  const deck = buildModel(parsed.outline, parsed.locate, diags, options.readAsset ?? files.asset, {
    readData: options.readData ?? files.data,
    ...(options.theme ? { theme: options.theme } : {}),
  });
  if (diags.hasErrors) return done();

  const placed = layoutDeck(deck, diags);
  stats.slides = placed.slides.length;
  if (options.layoutOnly || diags.hasErrors || (options.strict && diags.list.length > 0)) return done({ deck, placed });

  // pptxgenjs and chart.js load only for a full build, never for `validate`.
  const [{ chartKey, writeDeck }, { chartPictures }] = await Promise.all([import('./emit/write-deck.js'), import('./render/chart-cache.js')]);
  const charts: ChartImages = new Map();
  const pictures = placed.slides.flatMap((slide) =>
    slide.elements.flatMap((el, i) => (el.type === 'chart' ? [{ key: chartKey(slide.number, i), el }] : [])),
  );
  stats.charts = pictures.length;
  const images = pictures.filter(({ el }) => el.spec.render === 'image');
  const drawn = await chartPictures(
    images.map(({ el }) => ({ spec: el.spec, size: { widthIn: el.box.w, heightIn: el.box.h } })),
    deck.theme,
    options.onProgress ? { onProgress: options.onProgress } : {},
  );
  stats.chartsRendered = drawn.rendered;
  images.forEach(({ key }, i) => charts.set(key, drawn.pngs[i]!));
  const pptx = await writeDeck(placed, charts, { meta: deck.meta, theme: deck.theme, modified: packageDate(deck, options) });
  return done({ pptx, deck, placed });
}

/** A fixed date for the package: the same outline must give the same bytes. */
function packageDate(deck: Deck, options: BuildOptions): Date {
  const epoch = options.sourceDateEpoch ?? (process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined);
  if (epoch !== undefined && Number.isFinite(epoch)) return new Date(epoch * 1000);
  if (deck.meta.date) {
    const [y, m = '01', d = '01'] = deck.meta.date.split('-');
    return new Date(`${y}-${m}-${d}T00:00:00Z`);
  }
  return new Date('2000-01-01T00:00:00Z');
}

/** Reads images as build() does: beside the outline, in its assets/ folder, then in ../assets/. */
export function fileAssetReader(baseDir: string): AssetReader {
  return fileInputs({ baseDir }).asset;
}

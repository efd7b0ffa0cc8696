// The library entry point: outline text → .pptx bytes + diagnostics. The CLI, watch mode and tests
// only drive this function; it reads nothing but the assets the outline names and writes nothing.
import path from 'node:path';
import { Diagnostics, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { ChartImages } from './emit/write-deck.js';
import { layoutDeck } from './layout/layout-deck.js';
import type { PlacedDeck } from './layout/placed.js';
import { buildModel, type AssetReader } from './model/build-model.js';
import type { DataReader } from './model/data.js';
import type { TemplateSource } from './model/template.js';
import type { Deck } from './model/types.js';
import { fileInputs } from './inputs.js';
import { parseOutline } from './outline/parse.js';
import { warmChartWorker } from './render/chart-pool.js';
import { mark } from './trace.js';

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
  /** Build on this PowerPoint template (.pptx, .potx, .pptm) instead of the outline's `deck.template`. */
  template?: TemplateSource;
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

/** `text` is the outline as text, or the bytes of the file (decoded strictly: a non-UTF-8 byte is a located error). */
export async function build(text: string | Uint8Array, options: BuildOptions = {}): Promise<BuildResult> {
  const diags = new Diagnostics();
  const stats = { slides: 0, charts: 0, chartsRendered: 0 };
  const files = fileInputs({ baseDir: options.baseDir ?? process.cwd(), ...(options.allowPaths ? { allow: options.allowPaths } : {}) });
  if (options.template?.path) files.used.add(path.resolve(options.template.path));
  const done = (extra: Partial<BuildResult> = {}): BuildResult => ({ diagnostics: sortDiagnostics(diags.list), stats, inputs: [...files.used].sort(), ...extra });

  if (!options.layoutOnly) {
    // The chart worker starts now, so that it has loaded chart.js and the canvas by the time this
    // thread, having read and laid out the deck, sends it the charts. An outline that never says "chart"
    // draws none.
    if ((typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength)).includes('chart')) warmChartWorker();
  }
  const epoch = sourceDateEpoch(options, diags);
  const parsed = parseOutline(text, diags);
  mark('outline read');
  const modelOptions = {
    readData: options.readData ?? files.data,
    readTemplate: options.readAsset ?? files.template,
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.template ? { template: options.template } : {}),
  };
  if (parsed.partial) {
    // Every problem in one run: the parts of a broken outline that are valid are still checked.
    buildModel(parsed.partial.outline, parsed.locate, diags, options.readAsset ?? files.asset, { ...modelOptions, partial: parsed.partial });
    return done();
  }
  if (!parsed.outline || epoch === null) return done();
  const deck = buildModel(parsed.outline, parsed.locate, diags, options.readAsset ?? files.asset, modelOptions);
  mark('model built');
  if (diags.hasErrors) return done();

  const placed = layoutDeck(deck, diags);
  mark('laid out');
  stats.slides = placed.slides.length;
  if (options.layoutOnly || diags.hasErrors || (options.strict && diags.list.length > 0)) return done({ deck, placed });

  // The charts go to the chart worker before emit loads (pptxgenjs takes ~25 ms to load), so that they
  // are drawn meanwhile. pptxgenjs and chart.js load only for a full build, never for `validate`.
  const { chartPictures } = await import('./render/chart-cache.js');
  const pictures = placed.slides.flatMap((slide) => slide.elements.flatMap((el, index) => (el.type === 'chart' ? [{ slide: slide.number, index, el }] : [])));
  stats.charts = pictures.length;
  const images = pictures.filter(({ el }) => el.spec.render === 'image');
  const drawn = chartPictures(
    images.map(({ el }) => ({ spec: el.spec, size: { widthIn: el.box.w, heightIn: el.box.h } })),
    deck.theme,
    options.onProgress ? { onProgress: options.onProgress } : {},
  );
  stats.chartsRendered = drawn.rendered;
  mark('charts sent');
  const { chartKey, writeDeck } = await import('./emit/write-deck.js');
  const charts: ChartImages = new Map();
  images.forEach(({ slide, index }, i) => charts.set(chartKey(slide, index), drawn.pngs[i]!));
  const pptx = await writeDeck(placed, charts, { meta: deck.meta, theme: deck.theme, modified: packageDate(deck, epoch), ...(deck.templateParts ? { templateParts: deck.templateParts } : {}) });
  return done({ pptx, deck, placed });
}

/** The range of dates a .pptx can store (zip entry times): 1980-01-01 to 2099-12-31. */
const EPOCH_MIN = Date.UTC(1980, 0, 1) / 1000;
const EPOCH_MAX = Date.UTC(2099, 11, 31, 23, 59, 59) / 1000;

/** options.sourceDateEpoch or $SOURCE_DATE_EPOCH, checked; undefined when neither is set, null when wrong. */
function sourceDateEpoch(options: BuildOptions, diags: Diagnostics): number | undefined | null {
  const fromEnv = options.sourceDateEpoch === undefined;
  const raw = fromEnv ? process.env.SOURCE_DATE_EPOCH : String(options.sourceDateEpoch);
  if (raw === undefined || (fromEnv && raw === '')) return undefined;
  const name = fromEnv ? 'SOURCE_DATE_EPOCH' : 'sourceDateEpoch';
  const digits = /^\d+$/.test(raw.trim());
  const value = digits ? Number(raw.trim()) : NaN;
  if (digits && value >= EPOCH_MIN && value <= EPOCH_MAX) return value;
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  const when = value < 8e12 ? new Date(value * 1000).toISOString().slice(0, 10) : 'far in the future';
  diags.error('bad-source-date-epoch', digits ? `${name}=${shown} is ${when}, outside the dates a .pptx file can store (1980-01-01 to 2099-12-31)` : `${name}=${shown} is not a whole number of seconds since 1970-01-01`, {
    hint: `set ${name} to seconds since 1970 between ${EPOCH_MIN} (1980-01-01) and ${EPOCH_MAX} (2099-12-31), e.g. $(git log -1 --format=%ct), or unset it to use deck.date`,
  });
  return null;
}

/** A fixed date for the package: the same outline must give the same bytes. */
function packageDate(deck: Deck, epoch: number | undefined): Date {
  if (epoch !== undefined) return new Date(epoch * 1000);
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

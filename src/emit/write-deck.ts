// Placed deck + chart pictures → .pptx bytes. pptxgenjs writes the slides (shapes, pictures, tables,
// charts, notes) at the positions layout decided; the slides are then put into the template's package on
// their layouts (assemble.ts) and finished on the XML tree (slide-xml.ts): placeholders, text bodies,
// theme colours, decorative flags, the footer. Deterministic: fixed dates, ids and order.
import { remember } from '../bounded-cache.js';
import { objectId } from '../object-id.js';
import { createHash } from 'node:crypto';
import type { PlacedDeck, PlacedElement, PlacedTable } from '../layout/placed.js';
import type { DeckMeta, Theme } from '../model/types.js';
import { mark } from '../trace.js';
import { unreachable } from '../unreachable.js';
import { children, descendants } from '../xml.js';
import { assemble, finishPackage, type SlideSource } from './assemble.js';
import { builtinTemplateParts, notesMasterParts, type BuiltinSources } from './builtin-template.js';
import { fixChartParts } from './chart-parts.js';
import { APP, CORE, writeApp, writeCore } from './doc-props.js';
import { MediaSwap } from './media.js';
import { addNativeChart, nativeChartEdits } from './native-chart.js';
import { bytesOf, deflatePartsAhead, readRels, readXml, REL, relsName, text, unzipParts, writeRels, writeXml, zipParts, type Parts, type Relationship } from './package.js';
import { PptxGenJS, type Pptx, type PptxSlide, type TableRow } from './pptxgen.js';
import { editSlide, shapeTag } from './slide-xml.js';
import { addSyntheticLayouts } from './synthetic-layouts.js';
import { addTableStyle } from './table-style.js';
import { byScript, colorValue, type TextContext } from './text-body.js';

/**
 * Edited slides by everything editing reads: the slide and relationships pptxgenjs and assembly gave,
 * the placed slide, the template (by identity) and the language. A rebuild (watch, serve) takes an
 * unchanged slide from here instead of parsing, editing and serializing it again.
 */
const editedSlides = new Map<string, { slide: Uint8Array; rels: Uint8Array | undefined }>();
const EDITED_CACHED = 1024;

/**
 * A placed slide's content by a hash, kept by the object: layout never changes a placed slide and hands
 * the same object to every build it did not change in (layout-deck.ts), so a rebuild hashes only new ones.
 */
const placedDigests = new WeakMap<object, string>();

function placedDigest(placed: PlacedDeck['slides'][number]): string {
  let digest = placedDigests.get(placed);
  if (digest === undefined) {
    // Pictures by a hash of their bytes, not as JSON arrays of numbers.
    const json = JSON.stringify(placed, (_k, v: unknown) => (v instanceof Uint8Array ? createHash('sha1').update(v).digest('hex') : v));
    digest = createHash('sha1').update(json).digest('hex');
    placedDigests.set(placed, digest);
  }
  return digest;
}

function editKey(parts: Parts, part: string, placed: PlacedDeck['slides'][number], template: PlacedDeck['template'], lang: string): string {
  const h = createHash('sha1');
  h.update(parts.get(part) ?? new Uint8Array(0)).update('\0').update(parts.get(relsName(part)) ?? new Uint8Array(0)).update('\0');
  return `${objectId(template)}:${lang}:${placedDigest(placed)}:${h.digest('hex')}`;
}

/** A chart picture for the chart at this slide number and element index (it may still be being drawn). */
export type ChartImages = Map<string, Uint8Array | Promise<Uint8Array>>;
export const chartKey = (slideNumber: number, elementIndex: number): string => `${slideNumber}:${elementIndex}`;

const hex = (color: string): string => color.replace(/^#/, '').toUpperCase();

export interface EmitOptions {
  meta: DeckMeta;
  theme: Theme;
  /** Fixed timestamp for the package, so that the same outline gives the same bytes. */
  modified: Date;
  /** The organisation's template package; the built-in template is written when absent. */
  templateParts?: Parts;
}

/** A full language tag for the runs and the package: `en` → `en-US`, `zh` → `zh-CN`. */
export function fullLanguage(lang: string): string {
  if (lang.includes('-')) return lang;
  const region: Record<string, string> = { en: 'US', zh: 'CN', ja: 'JP', ko: 'KR', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', pt: 'BR', nl: 'NL', sv: 'SE', da: 'DK', nb: 'NO', fi: 'FI', pl: 'PL', ru: 'RU', ar: 'SA', he: 'IL', tr: 'TR' };
  return region[lang] ? `${lang}-${region[lang]}` : lang;
}

/**
 * The built-in template's package by everything it is made of, so that a rebuild (watch, serve) writes
 * it once, and assemble's per-template work (cached by the package's identity) is done once too.
 */
const builtinCache = new Map<string, Parts>();
const BUILTIN_CACHED = 4;

function cachedBuiltinTemplate(t: PlacedDeck['template'], src: BuiltinSources): Parts {
  const { logo, ...theme } = src.theme;
  // The template model by identity: layout makes one per theme and never changes it (layout-deck.ts).
  const h = createHash('sha256').update(JSON.stringify([objectId(t), theme, src.footerText, logo?.mime ?? null]));
  if (logo) h.update(logo.data);
  // What builtinTemplateParts reads from pptxgenjs's package.
  for (const name of ['ppt/theme/theme1.xml', 'ppt/presProps.xml', 'ppt/viewProps.xml']) h.update(`\0${name}\0`).update(src.base.get(name) ?? new Uint8Array(0));
  return remember(builtinCache, h.digest('hex'), BUILTIN_CACHED, () => builtinTemplateParts(t, src));
}

export async function writeDeck(deck: PlacedDeck, charts: ChartImages, opts: EmitOptions): Promise<Uint8Array> {
  const lang = fullLanguage(opts.meta.language);
  const size = deck.template.slideSize;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'BRIEFDECK', width: size.w, height: size.h });
  pptx.layout = 'BRIEFDECK';

  const media = new MediaSwap();
  for (const placed of deck.slides) {
    const slide = pptx.addSlide();
    placed.elements.forEach((el, i) => addElement(slide, pptx, el, i, opts, lang, charts.get(chartKey(placed.number, i)), media));
    if (placed.notes) slide.addNotes(placed.notes);
  }
  // In the bundle and the tests pptxgenjs's JSZip is a collector (zip-collector.ts) that hands over the
  // parts themselves; the compiled library's real JSZip gives a stored zip to take apart.
  const written = await pptx.write({ outputType: 'uint8array', compression: false });
  const generated: Parts = written instanceof Map ? (written as Parts) : unzipParts(written as Uint8Array);
  mark('pptxgenjs wrote the slides');
  await fixCharts(generated, opts.modified, opts.theme.eastAsianFont, nativeChartEdits(pptx));

  const templateParts = opts.templateParts ?? cachedBuiltinTemplate(deck.template, { base: generated, theme: opts.theme, footerText: opts.meta.title });
  mark('template parts ready');
  const sources: SlideSource[] = deck.slides.map((s, i) => ({ part: `ppt/slides/slide${i + 1}.xml`, layoutPart: deck.template.layouts[s.layout]!.part }));
  const assembled = assemble(templateParts, generated, sources, () => notesMasterParts(deck.template, generated), { trusted: !opts.templateParts });
  const { parts } = assembled;
  addSyntheticLayouts(parts, assembled.types, deck.template, assembled.presentationPart, opts.meta.title);

  mark('slides on their layouts');
  const notesIdx = assembled.notesMaster ? notesPlaceholderIdx(parts, assembled.notesMaster) : undefined;
  // pptxgenjs's notes slides address the slide image without an idx, the notes body as 1 and the number as 10.
  const aligned = notesIdx && notesIdx.get('sldImg') === null && notesIdx.get('body') === '1' && notesIdx.get('sldNum') === '10';
  deck.slides.forEach((placed, i) => {
    const part = assembled.slides[i]!;
    const layout = deck.template.layouts[placed.layout]!;
    const edited = remember(editedSlides, editKey(parts, part, placed, deck.template, lang), EDITED_CACHED, () => {
      const rels = readRels(parts, part);
      const links = new Map<string, string>();
      const ctx: TextContext = {
        theme: deck.template.masters[layout.master]?.theme ?? deck.template.theme,
        colorMap: layout.colorMap,
        lang,
        link: (url) => {
          let id = links.get(url);
          if (!id) {
            id = `rIdLink${links.size + 1}`;
            links.set(url, id);
            rels.push({ id, type: REL.hyperlink, target: url, external: true });
          }
          return id;
        },
      };
      const doc = readXml(parts, part);
      editSlide(doc, placed, layout, ctx);
      fixTableText(doc);
      writeXml(parts, part, doc);
      if (links.size) writeRels(parts, part, rels);
      return { slide: parts.get(part)!, rels: links.size ? parts.get(relsName(part)) : undefined };
    });
    parts.set(part, edited.slide);
    if (edited.rels) parts.set(relsName(part), edited.rels);
    const notes = assembled.notes.get(part);
    if (notes && notesIdx && !aligned) alignNotesPlaceholders(parts, notes, notesIdx);
  });

  mark('slides edited');
  const { presentationPart } = assembled;
  const c = opts.theme.colors;
  const first = deck.template.layouts[deck.slides[0]?.layout ?? 0] ?? deck.template.layouts[0]!;
  const tctx = { theme: deck.template.theme, colorMap: first.colorMap };
  addTableStyle(parts, presentationPart, assembled.types, {
    header: colorValue(c.titleText, tctx),
    text: colorValue(c.text, tctx),
    line: colorValue(c.grid, tctx),
  });

  writeCore(parts, opts.meta, opts.modified, lang);
  writeApp(parts, {
    meta: opts.meta,
    slideTitles: deck.slides.map((s) => s.title || `Slide ${s.number}`),
    paragraphs: deck.slides.flatMap((s) => s.elements.flatMap(paragraphTexts)),
    notesCount: deck.slides.filter((s) => s.notes).length,
    fonts: [...new Set([deck.template.theme.major.latin, deck.template.theme.minor.latin])],
    themeName: deck.template.theme.name,
    format: `Custom (${size.w.toFixed(2)} × ${size.h.toFixed(2)} in)`,
  });
  finishPackage(assembled, CORE, APP);
  // The pictures, last: the charts among them were drawn on the chart worker meanwhile. The XML is
  // deflated before they are awaited, in case the worker is not done.
  deflatePartsAhead(parts);
  mark('XML deflated');
  for (const [name, bytes] of parts) if (name.startsWith('ppt/media/')) parts.set(name, (await media.lookup(bytes)) ?? bytes);
  mark('pictures in');
  const zipped = zipParts(parts, opts.modified);
  mark('zipped');
  return zipped;
}

function addElement(slide: PptxSlide, pptx: Pptx, el: PlacedElement, index: number, opts: EmitOptions, lang: string, chartPng: Uint8Array | Promise<Uint8Array> | undefined, media: MediaSwap): void {
  const { x, y, w, h } = el.box;
  const objectName = shapeTag(index);
  switch (el.type) {
    case 'text':
      // The text body is written on the XML tree (text-body.ts); pptxgenjs places the shape.
      slide.addText('', { x, y, w, h, objectName, margin: 0 });
      return;
    case 'rect':
      slide.addShape(el.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, {
        x,
        y,
        w,
        h,
        objectName,
        fill: { color: hex(el.fill ?? '#FFFFFF') },
        line: el.line ? { color: hex(el.line.color), width: el.line.widthPt } : { type: 'none' },
        ...(el.radius ? { rectRadius: el.radius } : {}),
      });
      return;
    case 'line':
      slide.addShape(pptx.ShapeType.line, { x, y, w, h, objectName, line: { color: hex(el.line?.color ?? '#000000'), width: el.line?.widthPt ?? 1 } });
      return;
    case 'picture':
      slide.addImage({ data: el.mime === 'image/png' ? media.standIn(el.data) : dataUri(el.mime, el.data), x, y, w, h, altText: el.alt, objectName });
      return;
    case 'chart':
      // native-chart: an editable chart when the outline asks for one (build.ts renders no picture for it).
      if (el.spec.render === 'native') {
        addNativeChart(slide, pptx, el, opts.theme, opts.meta.language);
        return;
      }
      if (!chartPng) throw new Error(`internal: no picture was rendered for the chart at ${x},${y}`);
      slide.addImage({ data: media.standIn(chartPng), x, y, w, h, altText: el.alt, objectName });
      return;
    case 'table':
      slide.addTable(tableRows(el, lang), {
        x,
        y,
        w,
        colW: el.colWidths,
        rowH: el.rowHeights,
        fontFace: '+mn-lt',
        fontSize: el.sizePt,
        margin: [el.pad.y, el.pad.x, el.pad.y, el.pad.x],
        valign: 'middle',
        autoPage: false,
        objectName,
      });
      return;
    default:
      unreachable(el, 'placed element');
  }
}

/** The text of each paragraph an element shows (what Office counts for docProps). */
function paragraphTexts(el: PlacedElement): string[] {
  const join = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
  if (el.type === 'text') return el.paragraphs.map((p) => join(p.runs));
  if (el.type === 'table') return [...el.header.map(join), ...el.rows.flatMap((r) => r.map((c) => join(c.text)))];
  return [];
}

function dataUri(mime: string, data: Uint8Array): string {
  return `${mime};base64,${Buffer.from(data).toString('base64')}`;
}

function tableRows(t: PlacedTable, lang: string): TableRow[] {
  const none = { type: 'none' as const };
  // The header rule is written on the header cells: LibreOffice does not take a custom style's header row.
  const rule = [none, none, { type: 'solid' as const, pt: 1.5, color: hex(t.colors.rule) }, none];
  const cell = (runs: PlacedTable['header'][number], c: number, header: boolean) => ({
    text: byScript(runs, lang).map(({ run: r, lang: l }) => ({ text: r.text, options: { bold: header || (r.bold ?? false), italic: r.italic ?? false, lang: l } })),
    options: {
      align: t.numericColumns[c] ? ('right' as const) : ('left' as const),
      bold: header,
      color: hex(header ? t.colors.header : t.colors.text),
      ...(header ? { border: rule } : {}),
      // Exact leading, as measured: LibreOffice otherwise sets table text at 1.0 em.
      lineSpacing: Math.round(t.linePitchPt * 10) / 10,
    },
  });
  return [t.header.map((h, c) => cell(h, c, true)), ...t.rows.map((row) => row.map((c, ci) => cell(c.text, ci, false)))] as TableRow[];
}

/**
 * Table cell text as pptxgenjs writes it, repaired: one paragraph-properties element per paragraph
 * (pptxgenjs #1081 writes one per run) and the East Asian and complex-script faces as theme references.
 */
function fixTableText(doc: ReturnType<typeof readXml>): void {
  for (const tbl of descendants(doc, 'a', 'tbl')) {
    for (const p of descendants(tbl, 'a', 'p')) {
      const keep = descendants(p, 'a', 'pPr')[0];
      for (const extra of descendants(p, 'a', 'pPr')) if (extra !== keep) extra.parentNode!.removeChild(extra);
      if (keep && keep !== p.firstChild) p.insertBefore(keep, p.firstChild);
    }
    // pptxgenjs writes "no line" on every cell edge when a table has no borders of its own, which would
    // hide the table style's rules.
    descendants(tbl, 'a', 'tr').forEach((tr, r) => {
      for (const tcPr of descendants(tr, 'a', 'tcPr')) {
        for (const edge of r === 0 ? ['lnL', 'lnR', 'lnT'] : ['lnL', 'lnR', 'lnT', 'lnB']) for (const e of children(tcPr, 'a', edge)) tcPr.removeChild(e);
      }
    });
    for (const e of descendants(tbl, 'a', 'ea')) if (e.getAttribute('typeface') === '+mn-lt') e.setAttribute('typeface', '+mn-ea');
    for (const e of descendants(tbl, 'a', 'cs')) if (e.getAttribute('typeface') === '+mn-lt') e.setAttribute('typeface', '+mn-cs');
  }
}

/** Notes masters' placeholder idx by type, by the master's bytes (a template's, the same on every rebuild). */
const notesIdxRead = new WeakMap<Uint8Array, ReadonlyMap<string, string | null>>();

/** The notes master's placeholder idx by type. */
function notesPlaceholderIdx(parts: Parts, masterPart: string): ReadonlyMap<string, string | null> {
  const bytes = parts.get(masterPart);
  let idxByType = bytes && notesIdxRead.get(bytes);
  if (!idxByType) {
    const found = new Map<string, string | null>();
    for (const ph of descendants(readXml(parts, masterPart), 'p', 'ph')) found.set(ph.getAttribute('type') ?? 'obj', ph.getAttribute('idx'));
    if (bytes) notesIdxRead.set(bytes, found);
    idxByType = found;
  }
  return idxByType;
}

/** Notes slides' placeholders addressed as the notes master numbers them (by type). */
function alignNotesPlaceholders(parts: Parts, notesPart: string, idxByType: ReadonlyMap<string, string | null>): void {
  const doc = readXml(parts, notesPart);
  for (const ph of descendants(doc, 'p', 'ph')) {
    const type = ph.getAttribute('type') ?? 'obj';
    if (!idxByType.has(type)) continue;
    const idx = idxByType.get(type);
    if (idx === null || idx === undefined) ph.removeAttribute('idx');
    else ph.setAttribute('idx', idx);
  }
  writeXml(parts, notesPart, doc);
}

/** chart-parts.ts works on text parts: hand it the chart XML as text and take the repaired parts back. */
async function fixCharts(parts: Parts, modified: Date, eastAsianFont: string, edits: Parameters<typeof fixChartParts>[3]): Promise<void> {
  if (![...parts.keys()].some((n) => n.startsWith('ppt/charts/'))) return;
  const view = new Map<string, string | Uint8Array>();
  for (const [name, bytes] of parts) view.set(name, /\.(?:xml|rels)$/.test(name) ? text(bytes) : bytes);
  await fixChartParts(view, modified, eastAsianFont, edits);
  parts.clear();
  for (const [name, content] of view) parts.set(name, typeof content === 'string' ? bytesOf(content) : content);
}

export type { Relationship };

// Post-processing of the chart parts and embedded workbooks pptxgenjs 4.0.1 writes (called from
// finalize.ts), on the XML tree (src/xml.ts), each edit scoped to the element it changes. Three jobs:
//  - repair the schema faults of its chart XML and workbooks, so that `validate-pptx --strict` reports 0
//    problems on a deck with every chart kind, and readers other than PowerPoint (Apache POI) can read it;
//  - apply what native-chart.ts asked for and pptxgenjs cannot write (ChartEdits: per-point label formats,
//    the highlight, the units line in the title, label separators);
//  - make chart parts byte-deterministic: pptxgenjs numbers chart parts with a process-wide counter,
//    writes random GUIDs, and zips each workbook with the current time in its entries and properties.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { child, children, create, descendants, elements, NS, parseXml, serializeXml, type Document, type Element, type Prefix } from '../xml.js';

/** Parts of the package: XML parts as text, everything else as bytes (as in finalize.ts). */
export type Parts = Map<string, string | Uint8Array>;

/** What native-chart.ts asks of one series (the c:ser elements of a chart in document order). */
export interface SeriesEdits {
  /** The series' label format, when it differs from its chart group's (pptxgenjs writes one per group). */
  seriesFormat?: string;
  /** Label formats of single points that differ from their series' (facts with their own decimals). */
  pointFormats?: { index: number; format: string }[];
  /** Labels only at these points (the highlight, with data labels off). */
  labelOnly?: number[];
  /** No label at these points (a doughnut's headline slice: its share is in the hole). */
  noLabel?: number[];
  /** Fills of single bars: the muted ones that are not highlighted. */
  pointFills?: { index: number; color: string }[];
  /** Larger markers at single points of a line: the highlighted ones. */
  pointMarkers?: { index: number; size: number; color: string }[];
}

/** What native-chart.ts asks of one chart part that pptxgenjs's options cannot say. */
export interface ChartEdits {
  series?: SeriesEdits[];
  /** Between the parts of a data label (pie: the name, then the share on its own line). */
  labelSeparator?: string;
  /** The units, written horizontally as a second, lighter line of the chart title (under its heading). */
  unitsLine?: string;
  /** The title box at the chart's top left corner (PowerPoint centres an automatic title). */
  titleTopLeft?: boolean;
}

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const CHART_RELS = /^ppt\/charts\/_rels\/chart(\d+)\.xml\.rels$/;
const WORKBOOK_PART = /^ppt\/embeddings\/Microsoft_Excel_Worksheet(\d+)\.xlsx$/;
const WORKBOOK_DEFLATE_LEVEL = 6;
const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Applies `edits` (by pptxgenjs's part name), repairs, renumbers and normalizes every chart part and
 * embedded workbook in `parts`, in place; names `eastAsianFont` for CJK text in charts when given.
 */
export async function fixChartParts(parts: Parts, modified: Date, eastAsianFont?: string, edits?: ReadonlyMap<string, ChartEdits>): Promise<void> {
  for (const [name, content] of parts) {
    if (typeof content !== 'string' || !CHART_PART.test(name)) continue;
    const doc = parseXml(content, name);
    const asked = edits?.get(name.slice(name.lastIndexOf('/') + 1));
    if (asked) applyEdits(doc, asked);
    repairChart(doc);
    if (eastAsianFont) setEastAsianFace(doc, eastAsianFont);
    parts.set(name, serializeXml(doc));
  }
  renumberCharts(parts);
  for (const [name, content] of [...parts]) {
    if (!WORKBOOK_PART.test(name) || typeof content === 'string') continue;
    parts.set(name, fixWorkbook(content, modified, chartOfWorkbook(parts, name)));
  }
}

/** All chart XML repairs, in order, on the tree. */
export function repairChart(doc: Document): void {
  dropThirdAxisIdIn(doc);
  addLineGroupingIn(doc);
  dropInvertIfNegativeIn(doc);
  orderSeriesChildrenIn(doc);
  dropCategoryOnlyValAxElementsIn(doc);
  dropEmptyNumPointsIn(doc);
  singleLevelCategoriesIn(doc);
  stabilizeGuidsIn(doc);
}

/** The repairs on a chart part's text (tests, and callers without a tree). */
export function fixChartXml(xml: string): string {
  return onTree(xml, repairChart);
}

function onTree(xml: string, edit: (doc: Document) => void): string {
  const doc = parseXml(xml, 'chart');
  edit(doc);
  return serializeXml(doc);
}

const C = (local: string): `${Prefix}:${string}` => `c:${local}`;

// ---------------------------------------------------------------------------------------------------
// Part names

/** Relationship targets (rels) and part names ([Content_Types].xml) of chart parts and workbooks, as attributes. */
function referenceAttributes(doc: Document): { el: Element; attr: string }[] {
  const out: { el: Element; attr: string }[] = [];
  for (const el of descendants(doc, 'rel', 'Relationship')) out.push({ el, attr: 'Target' });
  for (const el of descendants(doc, 'ct', 'Override')) out.push({ el, attr: 'PartName' });
  return out;
}

/**
 * pptxgenjs names chart parts after a process-wide counter (chart9.xml for the first chart of the second
 * deck built in a process): renumber charts and their workbooks 1..n in the order the slides use them.
 */
export function renumberCharts(parts: Parts): void {
  const order: number[] = [];
  const note = (n: number) => {
    if (!order.includes(n)) order.push(n);
  };
  const rels = [...parts.keys()].filter((n) => n.endsWith('.rels') && !CHART_RELS.test(n));
  const slideNo = (n: string) => Number(/^ppt\/slides\/_rels\/slide(\d+)\.xml\.rels$/.exec(n)?.[1] ?? Infinity);
  rels.sort((a, b) => slideNo(a) - slideNo(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of rels) {
    const xml = parts.get(name);
    if (typeof xml !== 'string' || !xml.includes('/charts/chart')) continue;
    for (const { el, attr } of referenceAttributes(parseXml(xml, name))) {
      const m = /\/charts\/chart(\d+)\.xml$/.exec(el.getAttribute(attr) ?? '');
      if (m) note(Number(m[1]));
    }
  }
  const existing = [...parts.keys()].flatMap((n) => {
    const m = CHART_PART.exec(n);
    return m ? [Number(m[1])] : [];
  });
  existing.sort((a, b) => a - b).forEach(note);

  const chartMap = new Map<number, number>(order.map((old, i) => [old, i + 1]));
  const bookMap = new Map<number, number>();
  for (const [old, now] of chartMap) {
    const name = `ppt/charts/_rels/chart${old}.xml.rels`;
    const xml = parts.get(name);
    if (typeof xml !== 'string') continue;
    for (const { el, attr } of referenceAttributes(parseXml(xml, name))) {
      const m = /\/embeddings\/Microsoft_Excel_Worksheet(\d+)\.xlsx$/.exec(el.getAttribute(attr) ?? '');
      if (m) bookMap.set(Number(m[1]), now);
    }
  }
  // Parts that refer to charts are rewritten even when no number changes, so that their bytes do not
  // depend on how many charts this process has made before.

  const renameRef = (ref: string): string => {
    let m = /^(.*\/charts\/chart)(\d+)(\.xml)$/.exec(ref);
    if (m) return `${m[1]}${chartMap.get(Number(m[2])) ?? m[2]}${m[3]}`;
    m = /^(.*\/embeddings\/Microsoft_Excel_Worksheet)(\d+)(\.xlsx)$/.exec(ref);
    if (m) return `${m[1]}${bookMap.get(Number(m[2])) ?? m[2]}${m[3]}`;
    return ref;
  };
  const renamePart = (name: string): string => {
    let m = CHART_PART.exec(name);
    if (m) return `ppt/charts/chart${chartMap.get(Number(m[1])) ?? m[1]}.xml`;
    m = CHART_RELS.exec(name);
    if (m) return `ppt/charts/_rels/chart${chartMap.get(Number(m[1])) ?? m[1]}.xml.rels`;
    m = WORKBOOK_PART.exec(name);
    if (m) return `ppt/embeddings/Microsoft_Excel_Worksheet${bookMap.get(Number(m[1])) ?? m[1]}.xlsx`;
    return name;
  };

  const renamed: Parts = new Map();
  for (const [name, content] of parts) {
    let fixed = content;
    if (typeof content === 'string' && (name.endsWith('.rels') || name === '[Content_Types].xml') && /\/(charts|embeddings)\//.test(content)) {
      const doc = parseXml(content, name);
      for (const { el, attr } of referenceAttributes(doc)) {
        const ref = el.getAttribute(attr);
        if (ref !== null) el.setAttribute(attr, renameRef(ref));
      }
      fixed = serializeXml(doc);
    }
    renamed.set(renamePart(name), fixed);
  }
  if (renamed.size !== parts.size) throw new Error('internal: renumbering chart parts made two parts share a name');
  parts.clear();
  for (const [name, content] of renamed) parts.set(name, content);
}

/** The chart XML whose relationships point at the workbook `name`, if any. */
function chartOfWorkbook(parts: Parts, name: string): string | undefined {
  const file = name.slice(name.lastIndexOf('/') + 1);
  for (const [relsName, xml] of parts) {
    const m = CHART_RELS.exec(relsName);
    if (!m || typeof xml !== 'string') continue;
    const points = descendants(parseXml(xml, relsName), 'rel', 'Relationship').some((r) => (r.getAttribute('Target') ?? '').endsWith(`/embeddings/${file}`));
    if (!points) continue;
    const chart = parts.get(`ppt/charts/chart${m[1]}.xml`);
    return typeof chart === 'string' ? chart : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Chart XML faults

/** Chart groups whose schema allows exactly two c:axId (the 3-D groups take a third, for the series axis). */
const TWO_AXIS_GROUPS = ['barChart', 'lineChart', 'areaChart', 'radarChart', 'scatterChart', 'bubbleChart', 'stockChart'];

/** The chart groups of the plot area with one of these names. */
function groups(doc: Document, names: readonly string[]): Element[] {
  return names.flatMap((n) => descendants(doc, 'c', n));
}

/** pptxgenjs #1534: 2-D bar, line and area groups get a third c:axId (the 3-D series axis) that names no axis. */
function dropThirdAxisIdIn(doc: Document): void {
  for (const g of groups(doc, TWO_AXIS_GROUPS)) for (const extra of children(g, 'c', 'axId').slice(2)) g.removeChild(extra);
}

/** pptxgenjs writes c:lineChart without its required first child c:grouping. */
function addLineGroupingIn(doc: Document): void {
  for (const g of descendants(doc, 'c', 'lineChart')) {
    if (child(g, 'c', 'grouping')) continue;
    g.insertBefore(create(doc, 'c:grouping', { val: 'standard' }), g.firstChild);
  }
}

/** pptxgenjs gives line and area series c:invertIfNegative, which only bar series (CT_BarSer) may carry. */
function dropInvertIfNegativeIn(doc: Document): void {
  for (const g of groups(doc, ['lineChart', 'areaChart'])) {
    for (const ser of children(g, 'c', 'ser')) for (const x of children(ser, 'c', 'invertIfNegative')) ser.removeChild(x);
  }
}

/** The children of a series in schema order, per chart group (ECMA-376 CT_BarSer, CT_LineSer, …). */
const SERIES_ORDER: Record<string, readonly string[]> = {
  barChart: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  lineChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  areaChart: ['idx', 'order', 'tx', 'spPr', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'extLst'],
  pieChart: ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  doughnutChart: ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
};

/** Reorders `el`'s child elements to `order` (stable among equals; unknown names keep their place at the end). */
function sortChildren(el: Element, order: readonly string[]): void {
  const kids = elements(el);
  const rank = (k: Element) => {
    const r = k.namespaceURI === NS.c ? order.indexOf(k.localName ?? '') : -1;
    return r < 0 ? order.length : r;
  };
  const sorted = kids.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  if (sorted.every(({ i }, j) => i === j)) return;
  for (const { k } of sorted) el.appendChild(k);
}

/**
 * pptxgenjs writes a line series' c:marker after its c:dLbls, and edits add c:dPt: put every series'
 * children in schema order, each series on its own (a marker never leaves its c:ser).
 */
function orderSeriesChildrenIn(doc: Document): void {
  for (const [group, order] of Object.entries(SERIES_ORDER)) {
    for (const g of descendants(doc, 'c', group)) for (const ser of children(g, 'c', 'ser')) sortChildren(ser, order);
  }
}

/** pptxgenjs can put the category-axis-only c:auto, c:lblAlgn, c:lblOffset and c:noMultiLvlLbl into a c:valAx (combo charts). */
function dropCategoryOnlyValAxElementsIn(doc: Document): void {
  for (const ax of descendants(doc, 'c', 'valAx')) {
    for (const name of ['auto', 'lblAlgn', 'lblOffset', 'noMultiLvlLbl']) for (const x of children(ax, 'c', name)) ax.removeChild(x);
  }
}

/** pptxgenjs writes a gap (null value) as an empty <c:v/> number; Office leaves the point out of the cache. */
function dropEmptyNumPointsIn(doc: Document): void {
  for (const cache of descendants(doc, 'c', 'numCache')) {
    for (const p of children(cache, 'c', 'pt')) {
      const v = child(p, 'c', 'v');
      if (!v || (v.textContent ?? '').trim() === '') cache.removeChild(p);
    }
  }
}

/**
 * pptxgenjs writes single-level category labels as c:multiLvlStrRef; PowerPoint writes c:strRef, and other
 * readers (Apache POI) fail on the multi-level form: write a one-level reference as c:strRef.
 */
function singleLevelCategoriesIn(doc: Document): void {
  for (const cat of descendants(doc, 'c', 'cat')) {
    const multi = child(cat, 'c', 'multiLvlStrRef');
    const cache = child(multi, 'c', 'multiLvlStrCache');
    if (!multi || !cache) continue;
    const levels = children(cache, 'c', 'lvl');
    if (levels.length !== 1) continue;
    const f = child(multi, 'c', 'f');
    const count = child(cache, 'c', 'ptCount');
    const strCache = create(doc, C('strCache'));
    if (count) strCache.appendChild(count);
    for (const p of children(levels[0]!, 'c', 'pt')) strCache.appendChild(p);
    const strRef = create(doc, C('strRef'));
    if (f) strRef.appendChild(f);
    strRef.appendChild(strCache);
    cat.replaceChild(strRef, multi);
  }
}

const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

/**
 * pptxgenjs writes Math.random() GUIDs (c16:uniqueId, a:fld ids): number them in document order, so output
 * is reproducible. Extension URIs (`uri="{CE6537A1-…}"`) name schemas, not objects, and are kept.
 */
function stabilizeGuidsIn(doc: Document): void {
  let n = 0;
  const root = doc.documentElement;
  if (!root) return;
  const walk = (el: Element): void => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'uri' || !GUID.test(attr.value)) continue;
      n += 1;
      el.setAttribute(attr.name, `{00000000-0000-4000-8000-${n.toString(16).toUpperCase().padStart(12, '0')}}`);
    }
    for (const k of elements(el)) walk(k);
  };
  walk(root);
}

/**
 * pptxgenjs gives chart text only a:latin, so Chinese labels would fall back to whatever face the viewer
 * picks: name the deck's East Asian face next to each a:latin, as finalize.ts does for slides.
 */
function setEastAsianFace(doc: Document, face: string): void {
  for (const latin of descendants(doc, 'a', 'latin')) {
    const props = latin.parentNode as Element | null;
    if (!props) continue;
    const ea = child(props, 'a', 'ea') ?? create(doc, 'a:ea');
    ea.setAttribute('typeface', face);
    // (xmldom loops forever when a node is inserted before itself.)
    if (latin.nextSibling !== ea) props.insertBefore(ea, latin.nextSibling);
  }
}

// String forms of single repairs, for tests that show one fault at a time.
export const dropThirdAxisId = (xml: string): string => onTree(xml, dropThirdAxisIdIn);
export const addLineGrouping = (xml: string): string => onTree(xml, addLineGroupingIn);
export const dropInvertIfNegative = (xml: string): string => onTree(xml, dropInvertIfNegativeIn);
export const moveLineMarkerBeforeDataLabels = (xml: string): string => onTree(xml, orderSeriesChildrenIn);
export const dropCategoryOnlyValAxElements = (xml: string): string => onTree(xml, dropCategoryOnlyValAxElementsIn);
export const dropEmptyNumPoints = (xml: string): string => onTree(xml, dropEmptyNumPointsIn);
export const singleLevelCategories = (xml: string): string => onTree(xml, singleLevelCategoriesIn);
export const stabilizeGuids = (xml: string): string => onTree(xml, stabilizeGuidsIn);
export const addEastAsianFont = (xml: string, face: string): string => onTree(xml, (doc) => setEastAsianFace(doc, face));

// ---------------------------------------------------------------------------------------------------
// Edits native-chart.ts asked for

export function applyEdits(doc: Document, edits: ChartEdits): void {
  const series = descendants(doc, 'c', 'ser');
  (edits.series ?? []).forEach((e, i) => {
    const ser = series[i];
    if (ser) editSeries(doc, ser, e);
  });
  if (edits.labelSeparator !== undefined) {
    for (const labels of [...descendants(doc, 'c', 'dLbl'), ...descendants(doc, 'c', 'dLbls')]) {
      setSeparator(doc, labels, edits.labelSeparator);
    }
  }
  if (edits.unitsLine) unitsUnderHeading(doc, edits.unitsLine);
  if (edits.titleTopLeft) titleAtTopLeft(doc);
}

/** Pins the chart title's box to the top left corner (c:layout/c:manualLayout, edges as fractions of the chart). */
function titleAtTopLeft(doc: Document): void {
  const title = child(child(doc.documentElement, 'c', 'chart'), 'c', 'title');
  if (!title) return;
  const layout = create(
    doc,
    'c:layout',
    {},
    create(doc, 'c:manualLayout', {}, create(doc, 'c:xMode', { val: 'edge' }), create(doc, 'c:yMode', { val: 'edge' }), create(doc, 'c:x', { val: 0.01 }), create(doc, 'c:y', { val: 0.01 })),
  );
  const old = child(title, 'c', 'layout');
  if (old) title.replaceChild(layout, old);
  else title.insertBefore(layout, child(title, 'c', 'overlay') ?? null);
}

function editSeries(doc: Document, ser: Element, e: SeriesEdits): void {
  const labels = child(ser, 'c', 'dLbls');
  if (labels && e.seriesFormat) child(labels, 'c', 'numFmt')?.setAttribute('formatCode', e.seriesFormat);
  if (labels && (e.pointFormats?.length || e.labelOnly)) {
    const indices = new Set([...(e.pointFormats ?? []).map((p) => p.index), ...(e.labelOnly ?? [])]);
    for (const index of [...indices].sort((a, b) => a - b)) {
      const format = e.pointFormats?.find((p) => p.index === index)?.format;
      labels.insertBefore(pointLabel(doc, labels, index, format, e.labelOnly ? e.labelOnly.includes(index) : undefined), firstNonLabel(labels));
    }
  }
  for (const index of e.noLabel ?? []) {
    if (!labels) break;
    for (const old of children(labels, 'c', 'dLbl')) if (child(old, 'c', 'idx')?.getAttribute('val') === String(index)) labels.removeChild(old);
    labels.insertBefore(create(doc, 'c:dLbl', {}, create(doc, 'c:idx', { val: index }), create(doc, 'c:delete', { val: 1 })), firstNonLabel(labels));
  }
  for (const { index, color } of e.pointFills ?? []) {
    const dPt = pointOf(doc, ser, index);
    const spPr = create(doc, 'c:spPr', {}, create(doc, 'a:solidFill', {}, create(doc, 'a:srgbClr', { val: color })));
    for (const old of children(dPt, 'c', 'spPr')) dPt.removeChild(old);
    dPt.appendChild(spPr);
  }
  for (const { index, size, color } of e.pointMarkers ?? []) {
    const dPt = pointOf(doc, ser, index);
    const seriesMarker = child(ser, 'c', 'marker');
    const marker = create(doc, 'c:marker', {}, create(doc, 'c:symbol', { val: 'circle' }), create(doc, 'c:size', { val: size }));
    const spPr = child(seriesMarker, 'c', 'spPr');
    marker.appendChild(spPr ? (spPr.cloneNode(true) as Element) : create(doc, 'c:spPr', {}, create(doc, 'a:solidFill', {}, create(doc, 'a:srgbClr', { val: color }))));
    for (const old of children(dPt, 'c', 'marker')) dPt.removeChild(old);
    dPt.insertBefore(marker, child(dPt, 'c', 'bubble3D') ?? null);
  }
  if (labels) {
    // Per-point labels in index order, before the series' own settings.
    const anchor = firstNonLabel(labels);
    const sorted = children(labels, 'c', 'dLbl').sort((p, q) => Number(child(p, 'c', 'idx')?.getAttribute('val')) - Number(child(q, 'c', 'idx')?.getAttribute('val')));
    for (const d of sorted) labels.insertBefore(d, anchor);
  }
  // Keep the series' children (and each data point's) in schema order after the insertions.
  const group = (ser.parentNode as Element | null)?.localName ?? '';
  const order = SERIES_ORDER[group];
  if (order) sortChildren(ser, order);
}

/** The series' c:dPt for `index` (created after any existing ones, in index order). */
function pointOf(doc: Document, ser: Element, index: number): Element {
  const existing = children(ser, 'c', 'dPt').find((p) => child(p, 'c', 'idx')?.getAttribute('val') === String(index));
  if (existing) return existing;
  const dPt = create(doc, 'c:dPt', {}, create(doc, 'c:idx', { val: index }));
  if ((ser.parentNode as Element | null)?.localName === 'barChart') dPt.appendChild(create(doc, 'c:invertIfNegative', { val: 0 }));
  dPt.appendChild(create(doc, 'c:bubble3D', { val: 0 }));
  const after = children(ser, 'c', 'dPt').find((p) => Number(child(p, 'c', 'idx')?.getAttribute('val')) > index);
  ser.insertBefore(dPt, after ?? child(ser, 'c', 'dLbls') ?? null);
  return dPt;
}

/** The first child of c:dLbls that is not a c:dLbl: per-point labels go before it. */
function firstNonLabel(labels: Element): Element | null {
  return elements(labels).find((k) => k.localName !== 'dLbl') ?? null;
}

/** A c:dLbl for one point: the series' label settings, with its own format and (optionally) shown or not. */
function pointLabel(doc: Document, labels: Element, index: number, format: string | undefined, show: boolean | undefined): Element {
  const dLbl = create(doc, 'c:dLbl', {}, create(doc, 'c:idx', { val: index }));
  // CT_DLbl: idx, then numFmt, spPr, txPr, dLblPos, showLegendKey, showVal, showCatName, showSerName, showPercent, showBubbleSize, separator.
  for (const name of ['numFmt', 'spPr', 'txPr', 'dLblPos', 'showLegendKey', 'showVal', 'showCatName', 'showSerName', 'showPercent', 'showBubbleSize', 'separator']) {
    const source = child(labels, 'c', name);
    if (!source) continue;
    const copy = source.cloneNode(true) as Element;
    if (name === 'numFmt' && format) copy.setAttribute('formatCode', format);
    if (name === 'showVal' && show !== undefined) copy.setAttribute('val', show ? '1' : '0');
    dLbl.appendChild(copy);
  }
  return dLbl;
}

/** Sets c:separator in a c:dLbl or c:dLbls (after showBubbleSize, before showLeaderLines and the rest). */
function setSeparator(doc: Document, labels: Element, text: string): void {
  if (child(labels, 'c', 'delete')) return;
  for (const old of children(labels, 'c', 'separator')) labels.removeChild(old);
  const sep = create(doc, 'c:separator');
  sep.appendChild(doc.createTextNode(text));
  const after = child(labels, 'c', 'showLeaderLines') ?? child(labels, 'c', 'leaderLines') ?? child(labels, 'c', 'extLst') ?? null;
  const bubble = child(labels, 'c', 'showBubbleSize');
  labels.insertBefore(sep, bubble ? bubble.nextSibling : after);
}

/**
 * The units under the chart title's heading, horizontal: a second paragraph, in the heading's colour and
 * face, not bold and smaller (pptxgenjs writes a title of one paragraph).
 */
function unitsUnderHeading(doc: Document, text: string): void {
  const rich = child(child(child(child(doc.documentElement, 'c', 'chart'), 'c', 'title'), 'c', 'tx'), 'c', 'rich');
  const first = child(rich, 'a', 'p');
  const props = child(child(first, 'a', 'r'), 'a', 'rPr');
  if (!rich || !first) return;
  const para = create(doc, 'a:p');
  const pPr = child(first, 'a', 'pPr');
  if (pPr) para.appendChild(pPr.cloneNode(true));
  const rPr = (props?.cloneNode(true) as Element | undefined) ?? create(doc, 'a:rPr');
  rPr.setAttribute('b', '0');
  const size = Number(rPr.getAttribute('sz') ?? '1400');
  rPr.setAttribute('sz', String(Math.max(1200, Math.round((size * 0.7) / 50) * 50)));
  const t = create(doc, 'a:t');
  t.appendChild(doc.createTextNode(text));
  para.appendChild(create(doc, 'a:r', {}, rPr, t));
  rich.insertBefore(para, first.nextSibling);
}

// ---------------------------------------------------------------------------------------------------
// Embedded workbooks

/**
 * Repairs an embedded workbook and zips it again byte-deterministically (fflate, as the package): fixed
 * property dates, fixed entry dates, entries in a fixed order, no folder entries, DEFLATE at a fixed level.
 */
export function fixWorkbook(xlsx: Uint8Array, modified: Date, chartXml?: string): Uint8Array {
  const files = unzipSync(xlsx);
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  const xml = new Map<string, Document>();
  for (const [name, bytes] of Object.entries(files)) if (/\.(?:xml|rels)$/.test(name)) xml.set(name, parseXml(decode(bytes), name));
  const core = xml.get('docProps/core.xml');
  if (core) setWorkbookDatesIn(core, modified);
  const sheet = xml.get('xl/worksheets/sheet1.xml');
  const strings = xml.get('xl/sharedStrings.xml');
  for (const [name, doc] of xml) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
    fixTableRefIn(doc);
    if (sheet) headersMatchColumns(doc, sheet, strings);
  }
  if (sheet && chartXml) restoreZeroCellsIn(sheet, parseXml(chartXml, 'chart'));

  const mtime = new Date(modified.getUTCFullYear(), modified.getUTCMonth(), modified.getUTCDate(), modified.getUTCHours(), modified.getUTCMinutes(), modified.getUTCSeconds());
  const names = Object.keys(files)
    .filter((n) => !n.endsWith('/'))
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out: Zippable = {};
  for (const name of names) {
    const doc = xml.get(name);
    const bytes = doc ? new TextEncoder().encode(serializeXml(doc)) : files[name]!;
    out[name] = [bytes, { level: WORKBOOK_DEFLATE_LEVEL, mtime }];
  }
  return zipSync(out);
}

function sheetChildren(el: Element | undefined | null, local: string): Element[] {
  if (!el) return [];
  return elements(el).filter((k) => k.namespaceURI === SHEET_NS && k.localName === local);
}

/** pptxgenjs #1531: the table's ref carries a stray apostrophe (`A1:C5'`); Keynote and Preview then drop the chart. */
function fixTableRefIn(doc: Document): void {
  const table = doc.documentElement;
  const ref = table?.getAttribute('ref');
  if (table && ref) table.setAttribute('ref', ref.replace(/'+$/, ''));
}

/** The text of a cell: a shared string, an inline string or the value as written. */
function cellText(cell: Element, strings: Document | undefined): string {
  const type = cell.getAttribute('t');
  if (type === 'inlineStr') return sheetChildren(sheetChildren(cell, 'is')[0], 't')[0]?.textContent ?? '';
  const v = sheetChildren(cell, 'v')[0]?.textContent ?? '';
  if (type !== 's' || !strings?.documentElement) return v;
  const item = sheetChildren(strings.documentElement, 'si')[Number(v)];
  return item ? sheetChildren(item, 't').map((t) => t.textContent ?? '').join('') : '';
}

/** Writes `text` into `cell` as an inline string. */
function setCellText(sheet: Document, cell: Element, text: string): void {
  while (cell.firstChild) cell.removeChild(cell.firstChild);
  cell.setAttribute('t', 'inlineStr');
  const t = sheet.createElementNS(SHEET_NS, 't');
  t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  t.appendChild(sheet.createTextNode(text));
  const is = sheet.createElementNS(SHEET_NS, 'is');
  is.appendChild(t);
  cell.appendChild(is);
}

/**
 * A table's column names must equal its header cells (Excel repairs the workbook otherwise): pptxgenjs
 * leaves the label column's header cell empty and names the column "Column1". Name it with a space (the
 * blank header PowerPoint's own data sheets show) in both places; other columns take their cell's text.
 */
function headersMatchColumns(table: Document, sheet: Document, strings: Document | undefined): void {
  const root = table.documentElement;
  const columns = sheetChildren(sheetChildren(root, 'tableColumns')[0], 'tableColumn');
  const start = /^([A-Z]+)(\d+):/.exec(root?.getAttribute('ref') ?? '');
  if (!start) return;
  const headerRow = sheetChildren(sheetChildren(sheet.documentElement, 'sheetData')[0], 'row').find((r) => r.getAttribute('r') === start[2]);
  if (!headerRow) return;
  const cells = new Map(sheetChildren(headerRow, 'c').map((c) => [c.getAttribute('r') ?? '', c]));
  const first = columnNumber(start[1]!);
  const used = new Set<string>();
  columns.forEach((col, i) => {
    const ref = `${columnName(first + i)}${start[2]}`;
    const cell = cells.get(ref);
    let text = cell ? cellText(cell, strings) : '';
    if (text.trim() === '') text = ' ';
    // Names are unique within a table (series names are unique in the model; this guards the label column).
    let name = text;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${text} ${k}`;
    used.add(name.toLowerCase());
    col.setAttribute('name', name);
    if (cell && cellText(cell, strings) !== name) setCellText(sheet, cell, name);
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** pptxgenjs stamps the workbook's created/modified with the current time: use the package's date. */
function setWorkbookDatesIn(doc: Document, modified: Date): void {
  const stamp = modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const local of ['created', 'modified']) {
    for (const el of descendants(doc, 'dcterms', local)) {
      while (el.firstChild) el.removeChild(el.firstChild);
      el.appendChild(doc.createTextNode(stamp));
    }
  }
}

/**
 * pptxgenjs writes `value || ''` into the sheet, so a 0 becomes an empty number cell (and a gap an empty
 * <v>): refill the cells from the chart's own number caches, and leave a real gap as a cell with no value.
 */
function restoreZeroCellsIn(sheet: Document, chart: Document): void {
  const cached = chartValues(chart);
  for (const cell of Array.from(sheet.getElementsByTagNameNS(SHEET_NS, 'c'))) {
    if (cell.getAttribute('t')) continue;
    const v = sheetChildren(cell, 'v')[0];
    if (!v || (v.textContent ?? '').trim() !== '') continue;
    const value = cached.get(cell.getAttribute('r') ?? '');
    if (value === undefined) cell.removeChild(v);
    else {
      while (v.firstChild) v.removeChild(v.firstChild);
      v.appendChild(sheet.createTextNode(value));
    }
  }
}

/** Cell reference → cached number, from every c:numRef (formula `Sheet1!$B$2:$B$5` + its c:numCache points). */
function chartValues(chart: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const ref of descendants(chart, 'c', 'numRef')) {
    const m = /!\$([A-Z]+)\$(\d+)(?::\$[A-Z]+\$\d+)?$/.exec(child(ref, 'c', 'f')?.textContent ?? '');
    if (!m) continue;
    for (const p of children(child(ref, 'c', 'numCache') ?? ref, 'c', 'pt')) {
      const v = (child(p, 'c', 'v')?.textContent ?? '').trim();
      if (v) out.set(`${m[1]}${Number(m[2]) + Number(p.getAttribute('idx'))}`, v);
    }
  }
  return out;
}

// String forms for tests.
export const fixTableRef = (xml: string): string => onTree(xml, fixTableRefIn);
export const setWorkbookDates = (xml: string, modified: Date): string => onTree(xml, (doc) => setWorkbookDatesIn(doc, modified));
export const restoreZeroCells = (sheetXml: string, chartXml: string): string => onTree(sheetXml, (doc) => restoreZeroCellsIn(doc, parseXml(chartXml, 'chart')));

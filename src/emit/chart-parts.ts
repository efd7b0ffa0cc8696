// Post-processing of the chart parts and embedded workbooks pptxgenjs 4.0.1 writes (called from
// finalize.ts). Two jobs:
//  - repair the schema faults of its chart XML and workbooks, so that `validate-pptx --strict` reports 0
//    problems on a deck with every chart kind (each fix a small idempotent string transformation on the
//    exact shapes pptxgenjs emits);
//  - make chart parts byte-deterministic: pptxgenjs numbers chart parts with a process-wide counter,
//    writes random GUIDs, and zips each workbook with the current time in its entries and properties.
import JSZip from 'jszip';

/** Parts of the package: XML parts as text, everything else as bytes (as in finalize.ts). */
export type Parts = Map<string, string | Uint8Array>;

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const CHART_RELS = /^ppt\/charts\/_rels\/chart(\d+)\.xml\.rels$/;
const WORKBOOK_PART = /^ppt\/embeddings\/Microsoft_Excel_Worksheet(\d+)\.xlsx$/;
const WORKBOOK_DEFLATE_LEVEL = 6;

/**
 * Renumbers, repairs and normalizes every chart part and embedded workbook in `parts`, in place; names
 * `eastAsianFont` for CJK text in charts when given.
 */
export async function fixChartParts(parts: Parts, modified: Date, eastAsianFont?: string): Promise<void> {
  renumberCharts(parts);
  for (const [name, content] of parts) {
    if (typeof content !== 'string' || !CHART_PART.test(name)) continue;
    const fixed = fixChartXml(content);
    parts.set(name, eastAsianFont ? addEastAsianFont(fixed, eastAsianFont) : fixed);
  }
  for (const [name, content] of [...parts]) {
    if (!WORKBOOK_PART.test(name) || typeof content === 'string') continue;
    const chart = chartOfWorkbook(parts, name);
    parts.set(name, await fixWorkbook(content, modified, chart));
  }
}

/** All chart XML repairs, in order. */
export function fixChartXml(xml: string): string {
  let out = dropThirdAxisId(xml);
  out = addLineGrouping(out);
  out = dropInvertIfNegative(out);
  out = moveLineMarkerBeforeDataLabels(out);
  out = dropCategoryOnlyValAxElements(out);
  out = dropEmptyNumPoints(out);
  out = stabilizeGuids(out);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Part names

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
    if (typeof xml !== 'string') continue;
    for (const m of xml.matchAll(/Target="[^"]*\/charts\/chart(\d+)\.xml"/g)) note(Number(m[1]));
  }
  const existing = [...parts.keys()].flatMap((n) => {
    const m = CHART_PART.exec(n);
    return m ? [Number(m[1])] : [];
  });
  existing.sort((a, b) => a - b).forEach(note);

  const chartMap = new Map<number, number>(order.map((old, i) => [old, i + 1]));
  const bookMap = new Map<number, number>();
  for (const [old, now] of chartMap) {
    const xml = parts.get(`ppt/charts/_rels/chart${old}.xml.rels`);
    if (typeof xml !== 'string') continue;
    for (const m of xml.matchAll(/Target="[^"]*\/embeddings\/Microsoft_Excel_Worksheet(\d+)\.xlsx"/g)) bookMap.set(Number(m[1]), now);
  }
  if ([...chartMap, ...bookMap].every(([a, b]) => a === b)) return;

  const renameRefs = (text: string): string =>
    text
      .replace(/(\/charts\/chart)(\d+)(\.xml)/g, (whole, head: string, n: string, tail: string) => {
        const to = chartMap.get(Number(n));
        return to === undefined ? whole : `${head}${to}${tail}`;
      })
      .replace(/(\/embeddings\/Microsoft_Excel_Worksheet)(\d+)(\.xlsx)/g, (whole, head: string, n: string, tail: string) => {
        const to = bookMap.get(Number(n));
        return to === undefined ? whole : `${head}${to}${tail}`;
      });
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
    const fixed = typeof content === 'string' && (name.endsWith('.rels') || name === '[Content_Types].xml') ? renameRefs(content) : content;
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
    if (!m || typeof xml !== 'string' || !xml.includes(`/embeddings/${file}"`)) continue;
    const chart = parts.get(`ppt/charts/chart${m[1]}.xml`);
    return typeof chart === 'string' ? chart : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Chart XML faults

/** Chart groups whose schema allows exactly two c:axId (the 3-D groups take a third, for the series axis). */
const TWO_AXIS_GROUPS = ['barChart', 'lineChart', 'areaChart', 'radarChart', 'scatterChart', 'bubbleChart', 'stockChart'];

/** pptxgenjs #1534: 2-D bar, line and area groups get a third c:axId (the 3-D series axis) that names no axis. */
export function dropThirdAxisId(xml: string): string {
  const group = new RegExp(`(<c:(${TWO_AXIS_GROUPS.join('|')})>)([\\s\\S]*?)(</c:\\2>)`, 'g');
  return xml.replace(group, (_whole, open: string, _tag: string, body: string, close: string) => {
    let seen = 0;
    const fixed = body.replace(/\s*<c:axId val="[^"]*"\/>/g, (axId) => (++seen > 2 ? '' : axId));
    return open + fixed + close;
  });
}

/** pptxgenjs writes c:lineChart without its required first child c:grouping. */
export function addLineGrouping(xml: string): string {
  return xml.replace(/<c:lineChart>(?!\s*<c:grouping\b)/g, '<c:lineChart><c:grouping val="standard"/>');
}

/** pptxgenjs gives line and area series c:invertIfNegative, which only bar series (CT_BarSer) may carry. */
export function dropInvertIfNegative(xml: string): string {
  return xml.replace(/(<c:(lineChart|areaChart)>)([\s\S]*?)(<\/c:\2>)/g, (_w, open: string, _t: string, body: string, close: string) =>
    open + body.replace(/\s*<c:invertIfNegative val="[^"]*"\/>/g, '') + close,
  );
}

/** pptxgenjs writes a line series' c:marker after its c:dLbls; CT_LineSer wants marker (and dPt) first. */
export function moveLineMarkerBeforeDataLabels(xml: string): string {
  return xml.replace(/(<c:lineChart>)([\s\S]*?)(<\/c:lineChart>)/g, (_w, open: string, body: string, close: string) =>
    open +
    body.replace(
      /(<c:dLbls>[\s\S]*?<\/c:dLbls>)(\s*)(<c:marker>[\s\S]*?<\/c:marker>)/g,
      (_m, labels: string, space: string, marker: string) => marker + space + labels,
    ) +
    close,
  );
}

/** pptxgenjs can put the category-axis-only c:auto, c:lblAlgn, c:lblOffset and c:noMultiLvlLbl into a c:valAx (combo charts). */
export function dropCategoryOnlyValAxElements(xml: string): string {
  return xml.replace(/(<c:valAx>)([\s\S]*?)(<\/c:valAx>)/g, (_w, open: string, body: string, close: string) =>
    open + body.replace(/\s*<c:(?:auto|lblAlgn|lblOffset|noMultiLvlLbl) val="[^"]*"\/>/g, '') + close,
  );
}

/** pptxgenjs writes a gap (null value) as an empty <c:v/> number; Office leaves the point out of the cache. */
export function dropEmptyNumPoints(xml: string): string {
  return xml.replace(/(<c:numCache>)([\s\S]*?)(<\/c:numCache>)/g, (_w, open: string, body: string, close: string) =>
    open + body.replace(/<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g, '') + close,
  );
}

/** pptxgenjs writes Math.random() GUIDs (c16:uniqueId, a:fld ids): number them in order, so output is reproducible. */
export function stabilizeGuids(xml: string): string {
  let n = 0;
  return xml.replace(/\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g, (guid) => {
    // Well-known extension URIs ({CE6537A1-...}, {C3380CC4-...}) name schemas, not objects: keep them.
    if (EXTENSION_URIS.has(guid.toUpperCase())) return guid;
    n += 1;
    return `{00000000-0000-4000-8000-${n.toString(16).toUpperCase().padStart(12, '0')}}`;
  });
}

const EXTENSION_URIS = new Set(['{CE6537A1-D6FC-4F65-9D91-7224C49458BB}', '{C3380CC4-5D6E-409C-BE32-E72D297353CC}', '{02D57815-91ED-43CB-92C2-25804820EDAC}']);

/**
 * pptxgenjs gives chart text only a:latin, so Chinese labels would fall back to whatever face the viewer
 * picks: name the deck's East Asian face after each a:latin, as finalize.ts does for slides.
 */
export function addEastAsianFont(xml: string, face: string): string {
  const ea = `<a:ea typeface="${face.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"/>`;
  return xml.replace(/(<a:latin\b[^>]*\/>)(\s*)(<a:ea\b[^>]*\/>)?/g, (_w, latin: string, space: string) => latin + space + ea);
}

// ---------------------------------------------------------------------------------------------------
// Embedded workbooks

/**
 * Repairs an embedded workbook and zips it again byte-deterministically: fixed property dates, fixed
 * entry dates, entries in a fixed order, no folder entries, DEFLATE at a fixed level.
 */
export async function fixWorkbook(xlsx: Uint8Array, modified: Date, chartXml?: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const entries: [string, Uint8Array][] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    let bytes = await entry.async('uint8array');
    if (/\.(?:xml|rels)$/.test(entry.name)) {
      let text = new TextDecoder().decode(bytes);
      if (entry.name === 'docProps/core.xml') text = setWorkbookDates(text, modified);
      if (/^xl\/tables\/[^/]+\.xml$/.test(entry.name)) text = fixTableRef(text);
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) && chartXml) text = restoreZeroCells(text, chartXml);
      bytes = new TextEncoder().encode(text);
    }
    entries.push([entry.name, bytes]);
  }
  entries.sort(([a], [b]) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out = new JSZip();
  for (const [name, bytes] of entries) out.file(name, bytes, { date: modified, createFolders: false, binary: true });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: WORKBOOK_DEFLATE_LEVEL }, platform: 'DOS' });
}

/** pptxgenjs #1531: the table's ref carries a stray apostrophe (`A1:C5'`); Keynote and Preview then drop the chart. */
export function fixTableRef(xml: string): string {
  return xml.replace(/(<table\b[^>]*?\bref="[A-Z]+\d+:[A-Z]+\d+)'+"/, '$1"');
}

/** pptxgenjs stamps the workbook's created/modified with the current time: use the package's date. */
export function setWorkbookDates(xml: string, modified: Date): string {
  const stamp = modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_w, open: string, _t: string, close: string) => open + stamp + close);
}

/**
 * pptxgenjs writes `value || ''` into the sheet, so a 0 becomes an empty number cell (and a gap an empty
 * <v>): refill the cells from the chart's own number caches, and leave a real gap as a cell with no value.
 */
export function restoreZeroCells(sheetXml: string, chartXml: string): string {
  const cached = chartValues(chartXml);
  return sheetXml.replace(/<c r="([A-Z]+\d+)"(\s*)><v>\s*<\/v><\/c>/g, (_w, ref: string) => {
    const v = cached.get(ref);
    return v === undefined ? `<c r="${ref}"/>` : `<c r="${ref}"><v>${v}</v></c>`;
  });
}

/** Cell reference → cached number, from every c:numRef (formula `Sheet1!$B$2:$B$5` + its c:numCache points). */
function chartValues(chartXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of chartXml.matchAll(/<c:numRef>\s*<c:f>[^<!]*!\$([A-Z]+)\$(\d+)(?::\$[A-Z]+\$\d+)?<\/c:f>\s*<c:numCache>([\s\S]*?)<\/c:numCache>/g)) {
    const col = m[1]!;
    const first = Number(m[2]);
    for (const p of m[3]!.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]+)<\/c:v>/g)) out.set(`${col}${first + Number(p[1])}`, p[2]!.trim());
  }
  return out;
}

// Builds small PowerPoint packages in memory for template tests, so that every edge case (dark master,
// master without layouts, duplicated placeholders, Keynote-like exports, broken files) has a fixture
// that runs anywhere. Only what a case needs is spelled out; the rest is PowerPoint's defaults.
import { strToU8, zipSync } from 'fflate';

const NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const EMU = 914400;
const emu = (inches: number): number => Math.round(inches * EMU);

export interface PhSpec {
  type?: string;
  idx?: number;
  name?: string;
  /** x, y, w, h in inches; absent = inherit. */
  box?: [number, number, number, number];
  /** Inner XML of a:lstStyle. */
  lstStyle?: string;
  /** Attributes and children of a:bodyPr, e.g. `anchor="b"` and `<a:normAutofit/>`. */
  bodyPrAttrs?: string;
  bodyPrChildren?: string;
}

export interface LayoutSpec {
  name: string;
  type?: string;
  matchingName?: string;
  placeholders?: PhSpec[];
  /** Raw `<p:bg>…</p:bg>`. */
  bg?: string;
  /** Attributes of a:overrideClrMapping, e.g. `bg1="dk1" tx1="lt1" …`. */
  clrMapOverride?: Record<string, string>;
  showMasterSp?: boolean;
  /** Raw shapes (p:sp, p:pic, …) added to the shape tree. */
  shapes?: string[];
}

export interface ThemeSpec {
  colors?: Partial<Record<'dk1' | 'lt1' | 'dk2' | 'lt2' | 'accent1' | 'accent2' | 'accent3' | 'accent4' | 'accent5' | 'accent6' | 'hlink' | 'folHlink', string>>;
  major?: string;
  minor?: string;
  majorEa?: string;
  minorEa?: string;
  /** Raw `<a:font script=… typeface=…/>` elements for the minor font. */
  minorScripts?: string;
}

export interface MasterSpec {
  clrMap?: Record<string, string>;
  bg?: string;
  placeholders?: PhSpec[];
  /** Inner XML of p:titleStyle, p:bodyStyle, p:otherStyle. */
  titleStyle?: string;
  bodyStyle?: string;
  otherStyle?: string;
  shapes?: string[];
  layouts?: LayoutSpec[];
  theme?: ThemeSpec;
}

export interface PackageSpec {
  /** Slide size in inches. */
  size?: [number, number];
  notesSize?: [number, number];
  masters?: MasterSpec[];
  kind?: 'pptx' | 'potx' | 'pptm';
  /** Number of the template's own slides (each on the first layout). */
  slides?: number;
  /** Inner XML of p:defaultTextStyle. */
  defaultTextStyle?: string;
  /** Parts added or replaced as they are. */
  extra?: Record<string, string | Uint8Array>;
  /** Parts left out. */
  omit?: string[];
}

const DEFAULT_COLORS = { dk1: '000000', lt1: 'FFFFFF', dk2: '44546A', lt2: 'E7E6E6', accent1: '4472C4', accent2: 'ED7D31', accent3: 'A5A5A5', accent4: 'FFC000', accent5: '5B9BD5', accent6: '70AD47', hlink: '0563C1', folHlink: '954F72' };

export const OFFICE_MASTER_PHS: PhSpec[] = [
  { type: 'title', name: 'Title Placeholder 1', box: [0.5, 0.3, 9, 1.25], bodyPrAttrs: 'anchor="ctr"' },
  { type: 'body', idx: 1, name: 'Text Placeholder 2', box: [0.5, 1.75, 9, 4.95], bodyPrChildren: '<a:normAutofit/>' },
  { type: 'dt', idx: 2, name: 'Date Placeholder 3', box: [0.5, 6.95, 2.33, 0.4] },
  { type: 'ftr', idx: 3, name: 'Footer Placeholder 4', box: [3.42, 6.95, 3.17, 0.4] },
  { type: 'sldNum', idx: 4, name: 'Slide Number Placeholder 5', box: [7.17, 6.95, 2.33, 0.4] },
];

export const TITLE_STYLE = '<a:lvl1pPr algn="l"><a:defRPr sz="4400" b="0"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/></a:defRPr></a:lvl1pPr>';
export const BODY_STYLE = [1, 2, 3]
  .map((n) => `<a:lvl${n}pPr marL="${228600 * (2 * n - 1)}" indent="-228600"><a:spcBef><a:spcPts val="1000"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="•"/><a:defRPr sz="${3200 - 400 * n}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:lvl${n}pPr>`)
  .join('');
export const OTHER_STYLE = '<a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr>';

/** The layouts PowerPoint's blank presentation has (the ones a deck needs), by type. */
export const OFFICE_LAYOUTS: LayoutSpec[] = [
  { name: 'Title Slide', type: 'title', placeholders: [{ type: 'ctrTitle', box: [0.75, 2.33, 8.5, 1.61] }, { type: 'subTitle', idx: 1, box: [1.5, 4.25, 7, 1.92] }, { type: 'dt', idx: 10 }, { type: 'ftr', idx: 11 }, { type: 'sldNum', idx: 12 }] },
  { name: 'Title and Content', type: 'obj', placeholders: [{ type: 'title' }, { idx: 1 }, { type: 'dt', idx: 10 }, { type: 'ftr', idx: 11 }, { type: 'sldNum', idx: 12 }] },
  { name: 'Section Header', type: 'secHead', placeholders: [{ type: 'title', box: [0.79, 4.82, 8.5, 1.49] }, { type: 'body', idx: 1, box: [0.79, 3.18, 8.5, 1.64] }, { type: 'dt', idx: 10 }, { type: 'ftr', idx: 11 }, { type: 'sldNum', idx: 12 }] },
  { name: 'Two Content', type: 'twoObj', placeholders: [{ type: 'title' }, { idx: 1, box: [0.5, 1.75, 4.42, 4.95] }, { idx: 2, box: [5.08, 1.75, 4.42, 4.95] }, { type: 'dt', idx: 10 }, { type: 'ftr', idx: 11 }, { type: 'sldNum', idx: 12 }] },
  { name: 'Title Only', type: 'titleOnly', placeholders: [{ type: 'title' }, { type: 'dt', idx: 10 }, { type: 'ftr', idx: 11 }, { type: 'sldNum', idx: 12 }] },
  { name: 'Blank', type: 'blank', placeholders: [{ type: 'dt', idx: 10 }, { type: 'ftr', idx: 11 }, { type: 'sldNum', idx: 12 }] },
  { name: 'Picture with Caption', type: 'picTx', placeholders: [{ type: 'title', box: [1.96, 5.25, 6, 0.62] }, { type: 'pic', idx: 1, box: [1.96, 0.67, 6, 4.5] }, { type: 'body', idx: 2, box: [1.96, 5.87, 6, 0.88] }] },
];

function phXml(p: PhSpec, id: number): string {
  const attrs = [p.type ? `type="${p.type}"` : '', p.idx !== undefined ? `idx="${p.idx}"` : ''].filter(Boolean).join(' ');
  const xfrm = p.box ? `<a:xfrm><a:off x="${emu(p.box[0])}" y="${emu(p.box[1])}"/><a:ext cx="${emu(p.box[2])}" cy="${emu(p.box[3])}"/></a:xfrm>` : '';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${p.name ?? `Placeholder ${id}`}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph ${attrs}/></p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm}</p:spPr><p:txBody><a:bodyPr ${p.bodyPrAttrs ?? ''}>${p.bodyPrChildren ?? ''}</a:bodyPr><a:lstStyle>${p.lstStyle ?? ''}</a:lstStyle><a:p><a:r><a:rPr lang="en-US"/><a:t>Click to edit</a:t></a:r></a:p></p:txBody></p:sp>`
  );
}

function spTree(phs: PhSpec[], shapes: string[]): string {
  return `<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${phs.map((p, i) => phXml(p, i + 2)).join('')}${shapes.join('')}</p:spTree>`;
}

/** A rectangle shape with a solid fill (a bar, a logo block): box in inches. */
export function rectShape(box: [number, number, number, number], fill: string, id = 100): string {
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Rectangle ${id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="${emu(box[0])}" y="${emu(box[1])}"/><a:ext cx="${emu(box[2])}" cy="${emu(box[3])}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill></p:spPr></p:sp>`;
}

const CLR_MAP = { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2', accent1: 'accent1', accent2: 'accent2', accent3: 'accent3', accent4: 'accent4', accent5: 'accent5', accent6: 'accent6', hlink: 'hlink', folHlink: 'folHlink' };
const attrsOf = (m: Record<string, string>): string => Object.entries(m).map(([k, v]) => `${k}="${v}"`).join(' ');

function themeXml(spec: ThemeSpec = {}): string {
  const colors = { ...DEFAULT_COLORS, ...spec.colors };
  const clr = Object.entries(colors).map(([k, v]) => `<a:${k}><a:srgbClr val="${v}"/></a:${k}>`).join('');
  return (
    DECL +
    `<a:theme ${NS} name="Test Theme"><a:themeElements><a:clrScheme name="Test">${clr}</a:clrScheme>` +
    `<a:fontScheme name="Test"><a:majorFont><a:latin typeface="${spec.major ?? 'Calibri Light'}"/><a:ea typeface="${spec.majorEa ?? ''}"/><a:cs typeface=""/></a:majorFont>` +
    `<a:minorFont><a:latin typeface="${spec.minor ?? 'Calibri'}"/><a:ea typeface="${spec.minorEa ?? ''}"/><a:cs typeface=""/>${spec.minorScripts ?? ''}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Test"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>` +
    `<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>` +
    `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
    `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/></a:schemeClr></a:solidFill><a:gradFill><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"/></a:gs><a:gs pos="100000"><a:srgbClr val="000000"/></a:gs></a:gsLst></a:gradFill></a:bgFillStyleLst></a:fmtScheme>` +
    `</a:themeElements></a:theme>`
  );
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (list: [string, string, string][]): string =>
  DECL + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** A package as parts (name → text or bytes), before zipping. */
export function packageParts(spec: PackageSpec = {}): Map<string, string | Uint8Array> {
  const parts = new Map<string, string | Uint8Array>();
  const [w, h] = spec.size ?? [10, 7.5];
  const [nw, nh] = spec.notesSize ?? [7.5, 10];
  const masters = spec.masters ?? [{}];
  const overrides: [string, string][] = [];
  const presRels: [string, string, string][] = [];
  const masterIds: string[] = [];
  let layoutNo = 0;
  let firstLayout = '';
  masters.forEach((m, mi) => {
    const n = mi + 1;
    const layouts = m.layouts ?? OFFICE_LAYOUTS;
    const layoutRels: [string, string, string][] = [];
    const layoutIds: string[] = [];
    layouts.forEach((l, li) => {
      layoutNo++;
      const part = `ppt/slideLayouts/slideLayout${layoutNo}.xml`;
      if (!firstLayout) firstLayout = part;
      const attrs = [l.type ? `type="${l.type}"` : '', l.matchingName ? `matchingName="${l.matchingName}"` : '', l.showMasterSp === false ? 'showMasterSp="0"' : ''].join(' ');
      const ovr = l.clrMapOverride ? `<a:overrideClrMapping ${attrsOf({ ...CLR_MAP, ...l.clrMapOverride })}/>` : '<a:masterClrMapping/>';
      parts.set(part, DECL + `<p:sldLayout ${NS} ${attrs} preserve="1"><p:cSld name="${l.name}">${l.bg ?? ''}${spTree(l.placeholders ?? [], l.shapes ?? [])}</p:cSld><p:clrMapOvr>${ovr}</p:clrMapOvr></p:sldLayout>`);
      parts.set(`ppt/slideLayouts/_rels/slideLayout${layoutNo}.xml.rels`, rels([['rId1', 'slideMaster', `../slideMasters/slideMaster${n}.xml`]]));
      overrides.push([`/${part}`, 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml']);
      layoutRels.push([`rId${li + 1}`, 'slideLayout', `../slideLayouts/slideLayout${layoutNo}.xml`]);
      layoutIds.push(`<p:sldLayoutId id="${2147483649 + layoutNo + mi * 100}" r:id="rId${li + 1}"/>`);
    });
    const themeRel = `rId${layouts.length + 1}`;
    parts.set(`ppt/theme/theme${n}.xml`, themeXml(m.theme));
    overrides.push([`/ppt/theme/theme${n}.xml`, 'application/vnd.openxmlformats-officedocument.theme+xml']);
    const bg = m.bg ?? '<p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>';
    const tx = `<p:txStyles><p:titleStyle>${m.titleStyle ?? TITLE_STYLE}</p:titleStyle><p:bodyStyle>${m.bodyStyle ?? BODY_STYLE}</p:bodyStyle><p:otherStyle>${m.otherStyle ?? OTHER_STYLE}</p:otherStyle></p:txStyles>`;
    const layoutList = layoutIds.length ? `<p:sldLayoutIdLst>${layoutIds.join('')}</p:sldLayoutIdLst>` : '';
    parts.set(`ppt/slideMasters/slideMaster${n}.xml`, DECL + `<p:sldMaster ${NS}><p:cSld>${bg}${spTree(m.placeholders ?? OFFICE_MASTER_PHS, m.shapes ?? [])}</p:cSld><p:clrMap ${attrsOf({ ...CLR_MAP, ...m.clrMap })}/>${layoutList}${tx}</p:sldMaster>`);
    parts.set(`ppt/slideMasters/_rels/slideMaster${n}.xml.rels`, rels([...layoutRels, [themeRel, 'theme', `../theme/theme${n}.xml`]]));
    overrides.push([`/ppt/slideMasters/slideMaster${n}.xml`, 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml']);
    presRels.push([`rIdM${n}`, 'slideMaster', `slideMasters/slideMaster${n}.xml`]);
    masterIds.push(`<p:sldMasterId id="${2147483648 + mi * 100}" r:id="rIdM${n}"/>`);
  });
  const slideIds: string[] = [];
  for (let s = 1; s <= (spec.slides ?? 0); s++) {
    parts.set(`ppt/slides/slide${s}.xml`, DECL + `<p:sld ${NS}><p:cSld>${spTree([{ type: 'title' }], [])}</p:cSld></p:sld>`);
    parts.set(`ppt/slides/_rels/slide${s}.xml.rels`, rels([['rId1', 'slideLayout', `../${firstLayout.slice(4)}`], ['rId2', 'image', '../media/slide-only.png']]));
    overrides.push([`/ppt/slides/slide${s}.xml`, 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml']);
    presRels.push([`rIdS${s}`, 'slide', `slides/slide${s}.xml`]);
    slideIds.push(`<p:sldId id="${255 + s}" r:id="rIdS${s}"/>`);
  }
  if (spec.slides) parts.set('ppt/media/slide-only.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  const mainType =
    spec.kind === 'potx'
      ? 'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml'
      : spec.kind === 'pptm'
        ? 'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml'
        : 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
  if (spec.kind === 'pptm') {
    parts.set('ppt/vbaProject.bin', new Uint8Array([1, 2, 3]));
    presRels.push(['rIdV', 'vbaProject', 'vbaProject.bin']);
  }
  parts.set(
    'ppt/presentation.xml',
    DECL +
      `<p:presentation ${NS}><p:sldMasterIdLst>${masterIds.join('')}</p:sldMasterIdLst>${slideIds.length ? `<p:sldIdLst>${slideIds.join('')}</p:sldIdLst>` : ''}` +
      `<p:sldSz cx="${emu(w)}" cy="${emu(h)}"/><p:notesSz cx="${emu(nw)}" cy="${emu(nh)}"/>` +
      `<p:defaultTextStyle>${spec.defaultTextStyle ?? '<a:defPPr><a:defRPr lang="en-US"/></a:defPPr><a:lvl1pPr><a:defRPr sz="1800"/></a:lvl1pPr>'}</p:defaultTextStyle></p:presentation>`,
  );
  parts.set('ppt/_rels/presentation.xml.rels', rels(presRels));
  parts.set('_rels/.rels', rels([['rId1', 'officeDocument', 'ppt/presentation.xml']]));
  overrides.push(['/ppt/presentation.xml', mainType]);
  parts.set(
    '[Content_Types].xml',
    DECL +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
      overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
      `</Types>`,
  );
  for (const [name, data] of Object.entries(spec.extra ?? {})) parts.set(name, data);
  for (const name of spec.omit ?? []) parts.delete(name);
  return parts;
}

/** Zips parts with fixed dates, as a template file's bytes. */
export function zipParts(parts: Map<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of parts) files[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime: new Date(Date.UTC(2020, 0, 1)) }];
  return zipSync(files);
}

export function buildPackage(spec: PackageSpec = {}): Uint8Array {
  return zipParts(packageParts(spec));
}

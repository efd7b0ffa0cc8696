// readTemplate: a .pptx/.potx/.pptm file → TemplateModel, read once. The package is unzipped with
// limits (unzip.ts), its XML parsed through src/xml.ts, and every master and layout resolved to plain
// data: effective placeholder boxes and text styles, colours as hex, backgrounds, decorations.
import { EMU_PER_IN } from '../geometry.js';
import { relativeLuminance } from '../model/color.js';
import { child, children, NS, numAttr, path, XmlError, type Element } from '../xml.js';
import { readBackground } from './background.js';
import { decorationColors } from './decoration-color.js';
import { schemeHex, type ColorContext } from './color.js';
import {
  COLOR_ROLES,
  DEFAULT_COLOR_MAP,
  SCHEME_SLOTS,
  type Background,
  type ColorMap,
  type LayoutInfo,
  type LevelStyle,
  type MasterInfo,
  type PackageInfo,
  type PackageKind,
  type Placeholder,
  type SchemeSlot,
  type TemplateError,
  type TemplateModel,
} from './model.js';
import { Package, REL, relsPartOf, relType } from './package.js';
import { defaultBox, effectivePlaceholder, markAmbiguous, masterTypeFor, type MasterStyles } from './placeholders.js';
import { readShapeTree, type RawPlaceholder } from './shapes.js';
import { syntheticLayouts } from './synthetic.js';
import { resolveLevels } from './text-style.js';
import { readTheme, type ThemePart } from './theme.js';
import { classifyForeignZip, templateError, unzipTemplate } from './unzip.js';

export type ReadResult = { template: TemplateModel; parts: Map<string, Uint8Array> } | { error: TemplateError };

const MAIN_TYPES: Record<string, PackageKind> = {
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
  'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml': 'potx',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml': 'ppsx',
  'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml': 'pptm',
  'application/vnd.ms-powerpoint.template.macroEnabled.main+xml': 'potm',
  'application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml': 'ppsm',
};

const STRICT_P = 'http://purl.oclc.org/ooxml/presentationml/main';

export interface ReadOptions {
  /**
   * Resolve levels 2–9 of layout placeholders at once instead of on first read (the reference the
   * deferred reading is tested against; same model either way).
   */
  eagerLevels?: boolean;
}

/** Reads a template file. `name` (the file name) appears in error messages and as the template's name. */
export function readTemplate(bytes: Uint8Array, name: string, options: ReadOptions = {}): ReadResult {
  const unzipped = unzipTemplate(bytes, name);
  if ('error' in unzipped) return unzipped;
  const { parts } = unzipped;
  try {
    const pkg = new Package(parts);
    if (!pkg.has('[Content_Types].xml')) return { error: classifyForeignZip(parts, name) };
    const main = pkg.targetsOfType('', REL.officeDocument)[0] ?? pkg.resolve('ppt/presentation.xml');
    if (!main || !pkg.has(main)) return { error: classifyForeignZip(parts, name) };
    const kind = MAIN_TYPES[pkg.contentType(main) ?? ''] ?? (main.toLowerCase() === 'ppt/presentation.xml' ? 'pptx' : undefined);
    if (!kind) return { error: classifyForeignZip(parts, name) };
    const template = readPresentation(pkg, main, kind, name, options);
    if ('error' in template) return template;
    checkCarriedParts(pkg, template.package!);
    return { template, parts };
  } catch (e) {
    if (e instanceof XmlError) {
      return templateError('template-bad-xml', `template \`${name}\` has a damaged part: \`${e.part}\` is not well-formed XML (${e.message.slice(e.part.length + 2)})`, 'open the template in PowerPoint and save it again; PowerPoint repairs damaged parts');
    }
    throw e;
  }
}

function readPresentation(pkg: Package, main: string, kind: PackageKind, name: string, options: ReadOptions): TemplateModel | { error: TemplateError } {
  const pres = pkg.root(main)!;
  if (pres.namespaceURI === STRICT_P) {
    return templateError('template-strict', `template \`${name}\` is saved as Strict Open XML, which PowerPoint templates are not`, 'in PowerPoint choose File → Save As → PowerPoint Presentation (.pptx) or PowerPoint Template (.potx), not "Strict Open XML Presentation"');
  }
  if (pres.namespaceURI !== NS.p || pres.localName !== 'presentation') {
    return templateError('template-no-presentation', `template \`${name}\` has no PowerPoint presentation in it (\`${main}\` is a \`${pres.localName}\`)`, 'open it in PowerPoint and save it as a PowerPoint Presentation (.pptx) or Template (.potx)');
  }
  const slideSize = sizeOf(child(pres, 'p', 'sldSz'), { w: 10, h: 7.5 });
  const notesSize = sizeOf(child(pres, 'p', 'notesSz'), { w: 7.5, h: 10 });
  const defaultText = child(pres, 'p', 'defaultTextStyle');

  const listed = children(child(pres, 'p', 'sldMasterIdLst') ?? pres, 'p', 'sldMasterId')
    .map((m) => pkg.target(main, m.getAttributeNS(NS.r, 'id')))
    .filter((p): p is string => p !== undefined && pkg.has(p));
  // Some writers leave the list out; the relationships still name the masters.
  const masterParts = [...new Set(listed.length ? listed : pkg.targetsOfType(main, REL.slideMaster))];
  if (masterParts.length === 0) {
    return templateError('template-no-master', `template \`${name}\` has no slide master, so it has no layouts to build slides on`, 'open it in PowerPoint, check View → Slide Master shows a master, save it, and try again');
  }

  const usedNames = new Set([...pkg.parts.keys()].map((p) => p.toLowerCase()));
  let nextLayout = 1;
  const freeLayoutPart = (): string => {
    while (usedNames.has(`ppt/slidelayouts/slidelayout${nextLayout}.xml`)) nextLayout++;
    const part = `ppt/slideLayouts/slideLayout${nextLayout}.xml`;
    usedNames.add(part.toLowerCase());
    return part;
  };

  const masters: MasterInfo[] = [];
  const layouts: LayoutInfo[] = [];
  // Mean colours of pictures, by part: a logo shared by every layout is decoded once.
  const pictures = new Map<string, string | undefined>();
  masterParts.forEach((part, mi) => {
    const m = readMaster(pkg, part, slideSize, defaultText, pictures);
    masters.push(m.info);
    const own = m.layoutParts.map((lp) => readLayout(pkg, lp, mi, m, slideSize, defaultText, pictures, options));
    layouts.push(...(own.length ? own : syntheticLayouts(m.info, mi, slideSize, freeLayoutPart).map((l) => withDark(l))));
  });

  return {
    name,
    builtin: false,
    package: packageInfo(pkg, main, kind, pres),
    slideSize,
    notesSize,
    theme: masters[0]!.theme,
    masters,
    layouts,
  };
}

function sizeOf(el: Element | undefined, fallback: { w: number; h: number }): { w: number; h: number } {
  const cx = numAttr(el, 'cx', 0);
  const cy = numAttr(el, 'cy', 0);
  // PowerPoint's range is 1 in to 56 in; anything else is a broken file, not a design.
  if (!(cx >= 914400 / 2 && cy >= 914400 / 2 && cx <= 914400 * 200 && cy <= 914400 * 200)) return fallback;
  return { w: cx / EMU_PER_IN, h: cy / EMU_PER_IN };
}

interface MasterRead {
  info: MasterInfo;
  root: Element;
  part: string;
  themePart: ThemePart;
  styles: MasterStyles;
  raw: RawPlaceholder[];
  layoutParts: string[];
}

function readColorMap(el: Element | undefined, base: ColorMap): ColorMap {
  if (!el) return { ...base };
  const map = { ...base };
  for (const role of COLOR_ROLES) {
    const v = el.getAttribute(role);
    if (v && (SCHEME_SLOTS as readonly string[]).includes(v)) map[role] = v as SchemeSlot;
  }
  return map;
}

function readMaster(pkg: Package, part: string, slide: { w: number; h: number }, defaultText: Element | undefined, pictures: Map<string, string | undefined>): MasterRead {
  const root = pkg.xml(part).documentElement!;
  const themeName = pkg.targetsOfType(part, REL.theme)[0];
  const themePart = readTheme(themeName ? pkg.root(themeName) : undefined);
  const colorMap = readColorMap(child(root, 'p', 'clrMap'), DEFAULT_COLOR_MAP);
  const color: ColorContext = { scheme: themePart.theme.colors, map: colorMap };
  const txStyles = child(root, 'p', 'txStyles');
  const styles: MasterStyles = {};
  const title = child(txStyles, 'p', 'titleStyle');
  const body = child(txStyles, 'p', 'bodyStyle');
  const other = child(txStyles, 'p', 'otherStyle');
  if (title) styles.title = title;
  if (body) styles.body = body;
  if (other) styles.other = other;
  if (defaultText) styles.presentation = defaultText;
  if (!txStyles) styles.none = true;
  const tree = readShapeTree(root, slide, decorationColors(pkg, part, color, pictures, slide));
  const ctx = { color, theme: themePart.theme };
  const placeholders = tree.placeholders.map((raw) => effectivePlaceholder(raw, undefined, styles, ctx, defaultBox(raw.type, slide)));
  markAmbiguous(placeholders);
  const background = readBackground(root, { pkg, part, theme: themePart, color }) ?? { kind: 'solid', hex: schemeHex('bg1', color) ?? '#FFFFFF' };
  const listedLayouts = children(child(root, 'p', 'sldLayoutIdLst') ?? root, 'p', 'sldLayoutId')
    .map((l) => pkg.target(part, l.getAttributeNS(NS.r, 'id')))
    .filter((p): p is string => p !== undefined && pkg.has(p));
  const layoutParts = listedLayouts.length ? listedLayouts : pkg.targetsOfType(part, REL.slideLayout);
  return {
    root,
    part,
    themePart,
    styles,
    raw: tree.placeholders,
    layoutParts: [...new Set(layoutParts)],
    info: {
      part,
      name: path(root, 'p:cSld')?.getAttribute('name') || themePart.theme.name,
      colorMap,
      theme: themePart.theme,
      background,
      placeholders,
      decorations: tree.decorations,
      textStyles: {
        title: resolveLevels([styles.title, styles.presentation], { ...ctx, heading: true }),
        body: resolveLevels([styles.body, styles.presentation], { ...ctx, heading: false }),
        other: resolveLevels([styles.other, styles.presentation], { ...ctx, heading: false }),
      },
    },
  };
}

/** PowerPoint's English names for the layout types, which stand in for a name in another language. */
const TYPE_NAMES: Record<string, string> = {
  title: 'Title Slide', obj: 'Title and Content', secHead: 'Section Header', twoObj: 'Two Content', twoTxTwoObj: 'Comparison',
  titleOnly: 'Title Only', blank: 'Blank', objTx: 'Content with Caption', picTx: 'Picture with Caption', vertTx: 'Title and Vertical Text',
  vertTitleAndTx: 'Vertical Title and Text', tx: 'Title and Text', twoColTx: 'Two Column Text', tbl: 'Title and Table', chart: 'Title and Chart',
  txAndChart: 'Text and Chart', chartAndTx: 'Chart and Text', dgm: 'Title and Diagram', txAndClipArt: 'Text and Clip Art', clipArtAndTx: 'Clip Art and Text',
  txAndObj: 'Text and Object', objAndTx: 'Object and Text', objOnly: 'Object', txAndMedia: 'Text and Media', mediaAndTx: 'Media and Text',
  txOverObj: 'Text over Object', objOverTx: 'Object over Text', twoTxTwoObj2: 'Comparison', fourObj: 'Four Objects', cust: 'Custom',
};

function readLayout(pkg: Package, part: string, masterIndex: number, master: MasterRead, slide: { w: number; h: number }, defaultText: Element | undefined, pictures: Map<string, string | undefined>, options: ReadOptions): LayoutInfo {
  const root = pkg.xml(part).documentElement!;
  const ovr = child(root, 'p', 'clrMapOvr');
  const colorMap = readColorMap(child(ovr, 'a', 'overrideClrMapping'), master.info.colorMap);
  const color: ColorContext = { scheme: master.themePart.theme.colors, map: colorMap };
  const ctx = { color, theme: master.themePart.theme };
  const styles = { ...master.styles, ...(defaultText ? { presentation: defaultText } : {}) };
  const tree = readShapeTree(root, slide, decorationColors(pkg, part, color, pictures, slide));
  const baseOf = (raw: RawPlaceholder): RawPlaceholder | undefined => {
    const baseType = masterTypeFor(raw.type);
    return master.raw.find((m) => m.type === baseType) ?? (baseType === 'body' ? master.raw.find((m) => m.type === 'obj') : undefined);
  };
  // Levels 2–9 of every placeholder, from the layout parsed again: only for the layouts a deck uses
  // (its tree is let go below, as keeping 68 of them cost about 90 MB).
  let deeper: LevelStyle[][] | undefined;
  const deeperLevels = (i: number) => (): LevelStyle[] => {
    if (!deeper) {
      const again = readShapeTree(pkg.xml(part).documentElement!, slide);
      deeper = again.placeholders.map((raw) => effectivePlaceholder(raw, baseOf(raw), styles, ctx, defaultBox(raw.type, slide)).levels);
      pkg.forget(part);
    }
    return deeper[i]!;
  };
  const placeholders = tree.placeholders.map((raw, i) => effectivePlaceholder(raw, baseOf(raw), styles, ctx, defaultBox(raw.type, slide), options.eagerLevels ? undefined : deeperLevels(i)));
  markAmbiguous(placeholders);
  const sameMap = COLOR_ROLES.every((r) => colorMap[r] === master.info.colorMap[r]);
  // Without a background of its own the layout shows the master's, read through the layout's colour map.
  const background: Background =
    readBackground(root, { pkg, part, theme: master.themePart, color }) ??
    (sameMap ? { ...master.info.background } : readBackground(master.root, { pkg, part: master.part, theme: master.themePart, color }) ?? { kind: 'solid', hex: schemeHex('bg1', color) ?? '#FFFFFF' });
  const showMaster = root.getAttribute('showMasterSp');
  const type = root.getAttribute('type') || undefined;
  const cSldName = path(root, 'p:cSld')?.getAttribute('name') ?? '';
  const matchingName = root.getAttribute('matchingName') || (type ? TYPE_NAMES[type] : undefined);
  const layout: LayoutInfo = {
    part,
    name: cSldName || matchingName || part.slice(part.lastIndexOf('/') + 1).replace(/\.xml$/i, ''),
    master: masterIndex,
    placeholders,
    colorMap,
    background,
    decorations: [...tree.decorations, ...(showMaster === '0' || showMaster === 'false' ? [] : master.info.decorations)],
    dark: false,
  };
  if (matchingName) layout.matchingName = matchingName;
  if (type) layout.type = type;
  pkg.forget(part);
  return withDark(layout, master.info, ctx);
}

/** Sets `dark` from the layout's background against the colour its body text (or title) is set in. */
function withDark(layout: LayoutInfo, master?: MasterInfo, ctx?: { color: ColorContext; theme: MasterInfo['theme'] }): LayoutInfo {
  const text = pickText(layout.placeholders) ?? pickText(master?.placeholders ?? []);
  let hex = text?.levels[0]?.color.hex;
  if (!hex && ctx) hex = schemeHex('tx1', ctx.color);
  hex ??= '#000000';
  layout.dark = relativeLuminance(hex) > relativeLuminance(layout.background.hex);
  return layout;
}

function pickText(list: Placeholder[]): Placeholder | undefined {
  return list.find((p) => p.type === 'body' || p.type === 'obj') ?? list.find((p) => p.type === 'title' || p.type === 'ctrTitle') ?? list.find((p) => p.type === 'subTitle');
}

/** What emit needs to know about the package besides the model: its kind, own slides, macros. */
function packageInfo(pkg: Package, main: string, kind: PackageKind, pres: Element): PackageInfo {
  const slides = children(child(pres, 'p', 'sldIdLst') ?? pres, 'p', 'sldId')
    .map((s) => pkg.target(main, s.getAttributeNS(NS.r, 'id')))
    .filter((p): p is string => p !== undefined);
  const macroRoots = pkg.targetsOfType(main, REL.vbaProject);
  const macroParts = [...reachable(pkg, macroRoots, () => true)];
  const carried = carriedParts(pkg, main);
  const fromSlides = reachable(pkg, slides, () => true);
  const dropped = [...fromSlides].filter((p) => !carried.has(p));
  const slideOnly = new Set(dropped.filter((p) => !slides.includes(p)));
  for (const p of dropped) {
    const rels = pkg.resolve(relsPartOf(p));
    if (rels) slideOnly.add(rels);
  }
  const info: PackageInfo = {
    kind,
    macros: macroParts.length > 0 || kind === 'pptm' || kind === 'potm' || kind === 'ppsm',
    presentationPart: main,
    slides,
    slideOnlyParts: [...slideOnly].sort(),
    macroParts: macroParts.sort(),
  };
  const notes = pkg.targetsOfType(main, REL.notesMaster)[0];
  const handout = pkg.targetsOfType(main, REL.handoutMaster)[0];
  if (notes) info.notesMaster = notes;
  if (handout) info.handoutMaster = handout;
  return info;
}

/** Parts reachable from `roots` through internal relationships, following only those `follow` allows. */
function reachable(pkg: Package, roots: string[], follow: (type: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const p = queue.pop()!;
    const real = pkg.resolve(p);
    if (!real || seen.has(real)) continue;
    seen.add(real);
    for (const r of pkg.relationships(real)) if (!r.external && follow(relType(r.type))) queue.push(r.target);
  }
  return seen;
}

/** Every part the deck keeps: reachable from the package root without passing through a slide. */
function carriedParts(pkg: Package, main: string): Set<string> {
  const roots = pkg.relationships('').filter((r) => !r.external).map((r) => r.target);
  const set = reachable(pkg, roots.length ? roots : [main], (t) => t !== REL.slide && t !== 'notesSlide' && t !== REL.vbaProject);
  set.add('[Content_Types].xml');
  return set;
}

/** Every XML part the deck will carry must parse: a damaged one is reported now, not in PowerPoint. */
function checkCarriedParts(pkg: Package, info: PackageInfo): void {
  const skip = new Set([...info.slideOnlyParts, ...info.slides, ...info.macroParts]);
  for (const part of carriedParts(pkg, info.presentationPart)) {
    if (skip.has(part)) continue;
    const ct = pkg.contentType(part) ?? '';
    if (/[+/]xml$/.test(ct) || /\.(xml|rels)$/i.test(part)) pkg.check(part);
    if (pkg.has(relsPartOf(part))) pkg.check(relsPartOf(part));
  }
}

// Writes the built-in template (src/template/builtin.ts) as a template package — presentation part,
// slide master with its text styles and placeholders, the named layouts, the theme with the deck's colour
// and font schemes, and a portrait notes master — so that emit assembles every deck, built-in theme or
// organisation template, on one path (assemble.ts).
import { inToEmu } from '../geometry.js';
import type { Theme } from '../model/types.js';
import { BUILTIN_NOTES } from '../template/builtin.js';
import type { LayoutInfo, LevelStyle, MasterInfo, Placeholder, TemplateModel, TemplateTheme } from '../template/model.js';
import { child, children, NS, parseXml, type Document, type Element } from '../xml.js';
import { bodyPr, builder, colorEl, decorativeExt, listStyle, solidFill, xfrm, type El } from './drawing-xml.js';
import { CT, readXml, REL, writeContentTypes, writeRels, writeXml, type Parts } from './package.js';
import { themeDocument } from './theme-part.js';

const ROOT_NS = `xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"`;
const newDoc = (root: string, part: string): Document => parseXml(`<${root} ${ROOT_NS}/>`, part);

export interface BuiltinSources {
  /** pptxgenjs's own package: the stock theme's format scheme, presProps and viewProps are taken from it. */
  base: Parts;
  theme: Theme;
  /** The deck title, shown in the footer placeholders. */
  footerText: string;
}

/** The built-in template as a package of parts, ready for assemble(). */
export function builtinTemplateParts(t: TemplateModel, src: BuiltinSources): Parts {
  const parts: Parts = new Map();
  const types = new Map<string, string>();
  const put = (name: string, doc: Document, type: string) => {
    writeXml(parts, name, doc);
    types.set(name, type);
  };
  const master = t.masters[0]!;
  const masterPart = master.part;

  // Theme: the stock Office theme's effects, with the deck's colours and fonts.
  put('ppt/theme/theme1.xml', themeDocument(readXml(src.base, 'ppt/theme/theme1.xml'), t.theme), CT.theme);
  types.set('ppt/theme/theme2.xml', CT.theme);

  const logo = src.theme.logo;
  if (logo) parts.set(`ppt/media/logo.${logo.mime === 'image/png' ? 'png' : 'jpeg'}`, logo.data);

  put(masterPart, masterDocument(master, t, src), CT.slideMaster);
  writeRels(parts, masterPart, [
    ...t.layouts.map((l, i) => ({ id: `rId${i + 1}`, type: REL.slideLayout, target: `../slideLayouts/${l.part.split('/').pop()}`, external: false })),
    { id: `rId${t.layouts.length + 1}`, type: REL.theme, target: '../theme/theme1.xml', external: false },
    ...(logo ? [{ id: 'rIdLogo', type: REL.image, target: `../media/logo.${logo.mime === 'image/png' ? 'png' : 'jpeg'}`, external: false }] : []),
  ]);
  t.layouts.forEach((layout) => {
    put(layout.part, layoutDocument(layout, master, t, src), CT.slideLayout);
    writeRels(parts, layout.part, [{ id: 'rId1', type: REL.slideMaster, target: '../slideMasters/slideMaster1.xml', external: false }]);
  });

  // The notes master's theme is the slides' theme, the same bytes: made once.
  for (const [name, bytes] of notesMasterParts(t, src.base, parts.get('ppt/theme/theme1.xml'))) parts.set(name, bytes);
  types.set('ppt/notesMasters/notesMaster1.xml', CT.notesMaster);

  for (const [name, type] of [
    ['ppt/presProps.xml', CT.presProps],
    ['ppt/viewProps.xml', CT.viewProps],
  ] as const) {
    const bytes = src.base.get(name);
    if (bytes) {
      parts.set(name, bytes);
      types.set(name, type);
    }
  }
  put('ppt/tableStyles.xml', parseXml(`<a:tblStyleLst xmlns:a="${NS.a}" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`, 'ppt/tableStyles.xml'), CT.tableStyles);

  put('ppt/presentation.xml', presentationDocument(t), CT.presentation);
  writeRels(parts, 'ppt/presentation.xml', [
    { id: 'rId1', type: REL.slideMaster, target: 'slideMasters/slideMaster1.xml', external: false },
    { id: 'rId2', type: REL.notesMaster, target: 'notesMasters/notesMaster1.xml', external: false },
    { id: 'rId3', type: REL.theme, target: 'theme/theme1.xml', external: false },
    { id: 'rId4', type: REL.presProps, target: 'presProps.xml', external: false },
    { id: 'rId5', type: REL.viewProps, target: 'viewProps.xml', external: false },
    { id: 'rId6', type: REL.tableStyles, target: 'tableStyles.xml', external: false },
  ]);
  writeRels(parts, '', [{ id: 'rId1', type: REL.officeDocument, target: 'ppt/presentation.xml', external: false }]);
  writeContentTypes(parts, (name) => types.get(name));
  return parts;
}

/**
 * A layout briefdeck makes for a master that has none (template/synthetic.ts): its placeholders, with
 * the styles that differ from the master's, on the master's background and colour map.
 */
export function syntheticLayoutDocument(layout: LayoutInfo, master: MasterInfo, t: TemplateModel, footerText: string): Document {
  const doc = newDoc('p:sldLayout', layout.part);
  const el = builder(doc);
  const root = doc.documentElement!;
  if (layout.type) root.setAttribute('type', layout.type);
  root.setAttribute('preserve', '1');
  const tree = el('p:spTree', {}, ...spTreeHead(el));
  layout.placeholders.forEach((ph, i) => {
    const base = inherited(master, ph);
    tree.appendChild(placeholderShape(el, i + 2, ph, ph.levels.map((s, n) => (sameLevel(s, base[n]) ? undefined : s)), master.theme, footerText));
  });
  root.appendChild(el('p:cSld', { name: layout.name }, tree));
  root.appendChild(el('p:clrMapOvr', {}, el('a:masterClrMapping')));
  return doc;
}

/**
 * A portrait notes master for the deck's slide size, with its own copy of the theme (theme2.xml): made
 * from pptxgenjs's theme in `base`, or `theme` when the caller has made that already.
 */
export function notesMasterParts(t: TemplateModel, base: Parts, theme?: Uint8Array): Parts {
  const parts: Parts = new Map();
  writeXml(parts, 'ppt/notesMasters/notesMaster1.xml', notesMasterDocument(t));
  writeRels(parts, 'ppt/notesMasters/notesMaster1.xml', [{ id: 'rId1', type: REL.theme, target: '../theme/theme2.xml', external: false }]);
  if (theme) parts.set('ppt/theme/theme2.xml', theme);
  else writeXml(parts, 'ppt/theme/theme2.xml', themeDocument(readXml(base, 'ppt/theme/theme1.xml'), t.theme));
  return parts;
}

function presentationDocument(t: TemplateModel): Document {
  const doc = newDoc('p:presentation', 'ppt/presentation.xml');
  const el = builder(doc);
  const root = doc.documentElement!;
  root.setAttribute('saveSubsetFonts', '1');
  root.appendChild(el('p:sldMasterIdLst', {}, el('p:sldMasterId', { id: 2147483648, 'r:id': 'rId1' })));
  root.appendChild(el('p:notesMasterIdLst', {}, el('p:notesMasterId', { 'r:id': 'rId2' })));
  root.appendChild(el('p:sldSz', { cx: inToEmu(t.slideSize.w), cy: inToEmu(t.slideSize.h) }));
  root.appendChild(el('p:notesSz', { cx: inToEmu(t.notesSize.w), cy: inToEmu(t.notesSize.h) }));
  return doc;
}

const spTreeHead = (el: El): Element[] => [
  el('p:nvGrpSpPr', {}, el('p:cNvPr', { id: 1, name: '' }), el('p:cNvGrpSpPr'), el('p:nvPr')),
  el('p:grpSpPr', {}, el('a:xfrm', {}, el('a:off', { x: 0, y: 0 }), el('a:ext', { cx: 0, cy: 0 }), el('a:chOff', { x: 0, y: 0 }), el('a:chExt', { cx: 0, cy: 0 }))),
];

const background = (el: El, hex: string, t: TemplateModel, map: LayoutInfo['colorMap']): Element => {
  const role = (['bg1', 'bg2', 'tx1', 'tx2'] as const).find((r) => t.theme.colors[map[r]].toUpperCase() === hex.toUpperCase());
  return el('p:bg', {}, el('p:bgPr', {}, solidFill(el, role ? { hex, role } : { hex }), el('a:effectLst')));
};

const clrMapAttrs = (map: LayoutInfo['colorMap']): Record<string, string> => ({ ...map });

const PROMPT: Partial<Record<Placeholder['type'], string>> = {
  title: 'Click to edit the title',
  ctrTitle: 'Click to edit the title',
  subTitle: 'Click to edit the subtitle',
  body: 'Click to edit the text',
  obj: 'Click to edit the text',
};

/** A placeholder shape of a master or layout: position, text box properties and, where given, its levels. */
function placeholderShape(el: El, id: number, ph: Placeholder, levels: (LevelStyle | undefined)[], theme: TemplateTheme, footerText: string): Element {
  const prefer = ph.type === 'title' || ph.type === 'ctrTitle' ? 'major' : 'minor';
  const small = ph.type === 'dt' || ph.type === 'ftr' || ph.type === 'sldNum';
  const attrs: Record<string, string | number | undefined> = {
    type: ph.type === 'obj' ? undefined : ph.type,
    sz: small ? 'quarter' : undefined,
    idx: ph.type === 'title' || ph.type === 'ctrTitle' ? undefined : ph.idx,
  };
  const paragraph =
    ph.type === 'sldNum'
      ? el('a:p', {}, el('a:fld', { id: '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}', type: 'slidenum' }, el('a:rPr', { lang: 'en-US' }), textEl(el, '‹#›')))
      : ph.type === 'ftr'
        ? el('a:p', {}, el('a:r', {}, el('a:rPr', { lang: 'en-US' }), textEl(el, footerText)))
        : ph.type === 'dt'
          ? el('a:p', {}, el('a:endParaRPr', { lang: 'en-US' }))
          : el('a:p', {}, el('a:r', {}, el('a:rPr', { lang: 'en-US' }), textEl(el, PROMPT[ph.type] ?? 'Click to add text')));
  return el(
    'p:sp',
    {},
    el(
      'p:nvSpPr',
      {},
      el('p:cNvPr', { id, name: ph.name }),
      el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 })),
      el('p:nvPr', {}, el('p:ph', attrs)),
    ),
    el('p:spPr', {}, xfrm(el, ph.box), el('a:prstGeom', { prst: 'rect' }, el('a:avLst'))),
    el('p:txBody', {}, bodyPr(el, ph), listStyle(el, 'a:lstStyle', levels, theme, prefer), paragraph),
  );
}

const textEl = (el: El, s: string): Element => {
  const t = el('a:t');
  t.appendChild(t.ownerDocument!.createTextNode(s));
  return t;
};

function rule(el: El, id: number, name: string, box: { x: number; y: number; w: number; h: number }, color: { hex: string; role?: string }, line: boolean): Element {
  const c = color as { hex: string; role?: import('../template/model.js').ColorRole };
  return el(
    'p:sp',
    {},
    el('p:nvSpPr', {}, el('p:cNvPr', { id, name }, decorativeExt(el)), el('p:cNvSpPr'), el('p:nvPr', { userDrawn: 1 })),
    el(
      'p:spPr',
      {},
      xfrm(el, box),
      el('a:prstGeom', { prst: line ? 'line' : 'rect' }, el('a:avLst')),
      line ? el('a:noFill') : solidFill(el, c),
      line ? el('a:ln', { w: 9525 }, solidFill(el, c)) : el('a:ln', {}, el('a:noFill')),
    ),
  );
}

function masterDocument(master: MasterInfo, t: TemplateModel, src: BuiltinSources): Document {
  const doc = newDoc('p:sldMaster', master.part);
  const el = builder(doc);
  const root = doc.documentElement!;
  const c = src.theme.colors;
  const tree = el('p:spTree', {}, ...spTreeHead(el));
  let id = 2;
  const [titleRule, footerRule, logoBox] = master.decorations;
  tree.appendChild(rule(el, id++, 'Title Rule', titleRule!.box, colorOf(c.accent, t, master.colorMap), false));
  tree.appendChild(rule(el, id++, 'Footer Rule', footerRule!.box, colorOf(c.grid, t, master.colorMap), true));
  if (logoBox && src.theme.logo) {
    tree.appendChild(
      el(
        'p:pic',
        {},
        el('p:nvPicPr', {}, el('p:cNvPr', { id: id++, name: 'Logo', descr: 'Logo' }, decorativeExt(el)), el('p:cNvPicPr', {}, el('a:picLocks', { noChangeAspect: 1 })), el('p:nvPr', { userDrawn: 1 })),
        el('p:blipFill', {}, el('a:blip', { 'r:embed': 'rIdLogo' }), el('a:stretch', {}, el('a:fillRect'))),
        el('p:spPr', {}, xfrm(el, logoBox.box), el('a:prstGeom', { prst: 'rect' }, el('a:avLst'))),
      ),
    );
  }
  for (const ph of master.placeholders) {
    const own = ph.type === 'dt' || ph.type === 'ftr' || ph.type === 'sldNum' ? ph.levels.slice(0, 1) : [];
    tree.appendChild(placeholderShape(el, id++, ph, own, t.theme, src.footerText));
  }
  root.appendChild(el('p:cSld', {}, background(el, master.background.hex, t, master.colorMap), tree));
  root.appendChild(el('p:clrMap', clrMapAttrs(master.colorMap)));
  root.appendChild(el('p:sldLayoutIdLst', {}, ...t.layouts.map((_, i) => el('p:sldLayoutId', { id: 2147483649 + i, 'r:id': `rId${i + 1}` }))));
  root.appendChild(
    el(
      'p:txStyles',
      {},
      listStyle(el, 'p:titleStyle', master.textStyles.title, t.theme, 'major'),
      listStyle(el, 'p:bodyStyle', master.textStyles.body, t.theme, 'minor'),
      listStyle(el, 'p:otherStyle', master.textStyles.other, t.theme, 'minor'),
    ),
  );
  return doc;
}

function colorOf(hex: string, t: TemplateModel, map: LayoutInfo['colorMap']): { hex: string; role?: import('../template/model.js').ColorRole } {
  const order = ['tx1', 'bg1', 'tx2', 'bg2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'] as const;
  const role = order.find((r) => t.theme.colors[map[r]].toUpperCase() === hex.toUpperCase());
  return role ? { hex, role } : { hex };
}

/** The master's inherited levels for a placeholder type: what a layout need not repeat. */
function inherited(master: MasterInfo, ph: Placeholder): LevelStyle[] {
  if (ph.type === 'title' || ph.type === 'ctrTitle') return master.textStyles.title;
  if (ph.type === 'dt' || ph.type === 'ftr' || ph.type === 'sldNum' || ph.type === 'hdr' || ph.type === 'sldImg') {
    return master.placeholders.find((m) => m.type === ph.type)?.levels ?? master.textStyles.other;
  }
  return master.textStyles.body;
}

const sameLevel = (a: LevelStyle | undefined, b: LevelStyle | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

function layoutDocument(layout: LayoutInfo, master: MasterInfo, t: TemplateModel, src: BuiltinSources): Document {
  const doc = newDoc('p:sldLayout', layout.part);
  const el = builder(doc);
  const root = doc.documentElement!;
  const feature = layout.background.hex !== master.background.hex;
  if (feature || layout.decorations.length < master.decorations.length) root.setAttribute('showMasterSp', '0');
  if (layout.type) root.setAttribute('type', layout.type);
  root.setAttribute('preserve', '1');
  const tree = el('p:spTree', {}, ...spTreeHead(el));
  let id = 2;
  if (!feature && layout.decorations.length < master.decorations.length) {
    // A layout that hides the master's shapes (Blank keeps only the footer rule) draws the ones it keeps.
    for (const d of layout.decorations) if (d.box.h === 0) tree.appendChild(rule(el, id++, 'Footer Rule', d.box, colorOf(src.theme.colors.grid, t, layout.colorMap), true));
  }
  for (const ph of layout.placeholders) {
    const base = inherited(master, ph);
    const levels = ph.levels.map((s, i) => (sameLevel(s, base[i]) ? undefined : s));
    tree.appendChild(placeholderShape(el, id++, ph, levels, t.theme, src.footerText));
  }
  root.appendChild(el('p:cSld', { name: layout.name }, ...(feature ? [background(el, layout.background.hex, t, layout.colorMap)] : []), tree));
  const same = JSON.stringify(layout.colorMap) === JSON.stringify(master.colorMap);
  root.appendChild(el('p:clrMapOvr', {}, same ? el('a:masterClrMapping') : el('a:overrideClrMapping', clrMapAttrs(layout.colorMap))));
  return doc;
}

/** A notes page laid out as PowerPoint lays out its own: the slide picture above the notes, portrait. */
function notesMasterDocument(t: TemplateModel): Document {
  const doc = newDoc('p:notesMaster', 'ppt/notesMasters/notesMaster1.xml');
  const el = builder(doc);
  const root = doc.documentElement!;
  const { w, h } = BUILTIN_NOTES;
  const margin = 0.75;
  const imgW = w - 2 * margin - 0.5;
  const imgH = (imgW * t.slideSize.h) / t.slideSize.w;
  const shapes: [Placeholder['type'], number | undefined, string, { x: number; y: number; w: number; h: number }][] = [
    // Numbered as the notes slides pptxgenjs writes address them (body 1, slide number 10).
    ['hdr', undefined, 'Header Placeholder', { x: 0, y: 0, w: w / 2 - 0.25, h: 0.5 }],
    ['dt', 2, 'Date Placeholder', { x: w / 2 + 0.25, y: 0, w: w / 2 - 0.25, h: 0.5 }],
    ['sldImg', undefined, 'Slide Image Placeholder', { x: (w - imgW) / 2, y: 0.75, w: imgW, h: imgH }],
    ['body', 1, 'Notes Placeholder', { x: margin, y: 0.75 + imgH + 0.35, w: w - 2 * margin, h: h - (0.75 + imgH + 0.35) - 0.8 }],
    ['ftr', 3, 'Footer Placeholder', { x: 0, y: h - 0.5, w: w / 2 - 0.25, h: 0.5 }],
    ['sldNum', 10, 'Slide Number Placeholder', { x: w / 2 + 0.25, y: h - 0.5, w: w / 2 - 0.25, h: 0.5 }],
  ];
  const tree = el('p:spTree', {}, ...spTreeHead(el));
  shapes.forEach(([type, idx, name, box], i) => {
    const small = type !== 'sldImg' && type !== 'body';
    tree.appendChild(
      el(
        'p:sp',
        {},
        el(
          'p:nvSpPr',
          {},
          el('p:cNvPr', { id: i + 2, name }),
          el('p:cNvSpPr', {}, el('a:spLocks', type === 'sldImg' ? { noGrp: 1, noRot: 1, noChangeAspect: 1 } : { noGrp: 1 })),
          el('p:nvPr', {}, el('p:ph', { type, sz: small || type === 'body' ? 'quarter' : undefined, idx })),
        ),
        el(
          'p:spPr',
          {},
          xfrm(el, box),
          el('a:prstGeom', { prst: 'rect' }, el('a:avLst')),
          ...(type === 'sldImg' ? [el('a:noFill'), el('a:ln', { w: 12700 }, el('a:solidFill', {}, el('a:prstClr', { val: 'black' })))] : []),
        ),
        ...(type === 'sldImg'
          ? []
          : [
              el(
                'p:txBody',
                {},
                el('a:bodyPr', { vert: 'horz', lIns: 91440, tIns: 45720, rIns: 91440, bIns: 45720, rtlCol: 0, anchor: type === 'ftr' || type === 'sldNum' ? 'b' : 't' }),
                el('a:lstStyle', {}, el('a:lvl1pPr', { algn: type === 'dt' || type === 'sldNum' ? 'r' : 'l' }, el('a:defRPr', { sz: small ? 1200 : 1200 }))),
                type === 'sldNum'
                  ? el('a:p', {}, el('a:fld', { id: '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}', type: 'slidenum' }, el('a:rPr', { lang: 'en-US' }), textEl(el, '‹#›')))
                  : el('a:p', {}, el('a:endParaRPr', { lang: 'en-US' })),
              ),
            ]),
      ),
    );
  });
  root.appendChild(el('p:cSld', {}, el('p:bg', {}, el('p:bgRef', { idx: 1001 }, el('a:schemeClr', { val: 'bg1' }))), tree));
  root.appendChild(el('p:clrMap', clrMapAttrs({ bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2', accent1: 'accent1', accent2: 'accent2', accent3: 'accent3', accent4: 'accent4', accent5: 'accent5', accent6: 'accent6', hlink: 'hlink', folHlink: 'folHlink' })));
  const level = (n: number) => el(`a:lvl${n}pPr`, { marL: (n - 1) * 457200, algn: 'l', rtl: 0 }, el('a:defRPr', { sz: 1200 }, el('a:solidFill', {}, el('a:schemeClr', { val: 'tx1' })), el('a:latin', { typeface: '+mn-lt' }), el('a:ea', { typeface: '+mn-ea' }), el('a:cs', { typeface: '+mn-cs' })));
  root.appendChild(el('p:notesStyle', {}, ...Array.from({ length: 9 }, (_, i) => level(i + 1))));
  return doc;
}

export { child, children, colorEl };

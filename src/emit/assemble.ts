// Puts the deck's slides into its template's package: the template's presentation part (slide size,
// default text styles, embedded fonts), masters, layouts, themes, notes master and everything they use
// come from the template — built-in or the organisation's — and the slides, their notes, pictures and
// charts from pptxgenjs. The template's own slides, comments, macros, custom shows and thumbnail are
// left out. Every relationship is rebuilt so that each part is reachable exactly once.
import path from 'node:path/posix';
import { hasUniqueShapeIds } from '../template/shape-ids.js';
import { child, children, descendants, elements, NS, type Element } from '../xml.js';
import {
  CONTENT_TYPES,
  CT,
  contentTypes,
  readRels,
  readXml,
  REL,
  relativeTarget,
  relsName,
  resolveTarget,
  writeContentTypes,
  writeRels,
  writeXml,
  type Parts,
  type Relationship,
} from './package.js';

/** Relationship types of the presentation part that the deck keeps from its template. */
const KEPT_FROM_PRESENTATION = new Set<string>([
  REL.slideMaster,
  REL.notesMaster,
  REL.handoutMaster,
  REL.theme,
  REL.presProps,
  REL.viewProps,
  REL.tableStyles,
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font',
  // Customer data (WPS and add-ins keep settings there); p:custDataLst refers to them by id.
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/tags',
]);

/** Relationship types that never follow a template part into the deck. */
const DROPPED = new Set<string>([
  REL.slide,
  REL.notesSlide,
  'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/commentAuthors',
  'http://schemas.microsoft.com/office/2018/10/relationships/authors',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
]);

export interface SlideSource {
  /** The slide part in pptxgenjs's package. */
  part: string;
  /** The template layout part the slide uses. */
  layoutPart: string;
}

export interface Assembled {
  parts: Parts;
  /** The presentation part (the template's main part's name). */
  presentationPart: string;
  /** Content type of every part, by name (written last, once docProps are in). */
  types: Map<string, string>;
  /** Part names of the slides in the output, in order. */
  slides: string[];
  /** Notes slide part of each slide (by slide part). */
  notes: Map<string, string>;
  /** The notes master the notes slides use. */
  notesMaster?: string;
}

/**
 * The deck's package: `template` (a complete template package) with its slides replaced by the slides of
 * `generated` (pptxgenjs's package), each on its layout.
 */
export function assemble(template: Parts, generated: Parts, slides: SlideSource[], fallbackNotesMaster: () => Parts, options: { trusted?: boolean } = {}): Assembled {
  const base = templateBase(template, options.trusted ?? false);
  const out: Parts = new Map(base.parts);
  const typeOfGenerated = contentTypes(generated);
  const types = new Map<string, string>(base.types);
  const { presentationPart } = base;
  const presentation = readXml(template, presentationPart);
  const presRels = base.presRels.map((r) => ({ ...r }));
  let notesMaster = base.notesMaster;

  // A template without a notes master (pandoc's, some exports) gets the built-in one.
  if (!notesMaster) {
    notesMaster = uniqueName(out, 'ppt/notesMasters/notesMaster1.xml');
    const theme = uniqueName(out, 'ppt/theme/theme1.xml');
    const fallback = fallbackNotesMaster();
    out.set(notesMaster, fallback.get('ppt/notesMasters/notesMaster1.xml')!);
    out.set(theme, fallback.get('ppt/theme/theme2.xml')!);
    writeRels(out, notesMaster, [{ id: 'rId1', type: REL.theme, target: relativeTarget(notesMaster, theme), external: false }]);
    types.set(notesMaster, CT.notesMaster);
    types.set(theme, CT.theme);
    presRels.push({ id: 'rIdNotesMaster', type: REL.notesMaster, target: relativeTarget(presentationPart, notesMaster), external: false });
  }

  // The slides and what they use, renamed where a name is taken by a template part.
  const renamed = new Map<string, string>();
  const claim = (part: string): string => {
    let name = renamed.get(part);
    if (!name) {
      name = uniqueName(out, part);
      renamed.set(part, name);
      out.set(name, new Uint8Array());
    }
    return name;
  };
  const outSlides: string[] = [];
  const notes = new Map<string, string>();
  slides.forEach((s, i) => {
    const slidePart = claim(`ppt/slides/slide${i + 1}.xml`);
    outSlides.push(slidePart);
    copyGenerated(s.part, slidePart);
    const rels = readRels(generated, s.part).map((r): Relationship => {
      if (r.type === REL.slideLayout) return { ...r, target: relativeTarget(slidePart, s.layoutPart) };
      if (r.external) return r;
      const target = resolveTarget(s.part, r.target);
      const name = r.type === REL.notesSlide ? claim(`ppt/notesSlides/notesSlide${i + 1}.xml`) : claim(target);
      if (r.type === REL.notesSlide) {
        notes.set(slidePart, name);
        copyNotes(target, name, slidePart);
      } else copyTree(target, name);
      return { ...r, target: relativeTarget(slidePart, name) };
    });
    writeRels(out, slidePart, rels);
  });

  function copyGenerated(from: string, to: string): void {
    out.set(to, generated.get(from)!);
    types.set(to, typeOfGenerated(from) ?? '');
  }
  /** A chart or picture and what it uses (a chart's workbook), renamed as needed. */
  function copyTree(from: string, to: string): void {
    if (out.get(to)?.length) return;
    copyGenerated(from, to);
    const rels = readRels(generated, from);
    if (!rels.length) return;
    writeRels(
      out,
      to,
      rels.map((r) => {
        if (r.external) return r;
        const target = resolveTarget(from, r.target);
        const name = claim(target);
        copyTree(target, name);
        return { ...r, target: relativeTarget(to, name) };
      }),
    );
  }
  function copyNotes(from: string, to: string, slidePart: string): void {
    copyGenerated(from, to);
    writeRels(
      out,
      to,
      readRels(generated, from).map((r) =>
        r.type === REL.notesMaster
          ? { ...r, target: relativeTarget(to, notesMaster!) }
          : r.type === REL.slide
            ? { ...r, target: relativeTarget(to, slidePart) }
            : r,
      ),
    );
  }

  // The presentation part: the template's, with the deck's slides and fresh relationship ids.
  const rels: Relationship[] = [];
  const ids = new Map<string, string>();
  for (const r of presRels) {
    if (r.external || !KEPT_FROM_PRESENTATION.has(r.type)) continue;
    const id = `rId${rels.length + 1}`;
    ids.set(r.id, id);
    rels.push({ ...r, id });
  }
  const slideIds = outSlides.map((part) => {
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type: REL.slide, target: relativeTarget(presentationPart, part), external: false });
    return id;
  });
  rewritePresentation(presentation.documentElement!, ids, slideIds, rels.find((r) => r.type === REL.notesMaster)?.id);
  writeXml(out, presentationPart, presentation);
  writeRels(out, presentationPart, rels);
  types.set(presentationPart, CT.presentation);

  writeRels(out, '', [{ id: 'rId1', type: REL.officeDocument, target: presentationPart, external: false }]);
  for (const [name, bytes] of out) if (bytes.length === 0) out.delete(name);
  return { parts: out, presentationPart, types, slides: outSlides, notes, notesMaster };
}

/** Writes [Content_Types].xml and the document properties' relationships once docProps are in place. */
export function finishPackage(a: Assembled, core: string, app: string): void {
  const types = a.types;
  types.set(core, CT.core);
  types.set(app, CT.app);
  writeRels(a.parts, '', [
    ...readRels(a.parts, ''),
    { id: 'rId2', type: REL.coreProperties, target: core, external: false },
    { id: 'rId3', type: REL.extendedProperties, target: app, external: false },
  ]);
  writeContentTypes(a.parts, (name) => types.get(name) || undefined);
}

interface TemplateBase {
  /** The template's parts the deck keeps (its own slides and what only they use left out), repaired. */
  parts: Parts;
  types: Map<string, string>;
  presentationPart: string;
  presRels: Relationship[];
  notesMaster?: string;
}

// A template is sorted out once per process (watch and serve build on the same one again and again).
const bases = new WeakMap<Parts, TemplateBase>();

function templateBase(template: Parts, trusted: boolean): TemplateBase {
  const cached = bases.get(template);
  if (cached) return cached;
  const out: Parts = new Map();
  const types = new Map<string, string>();
  const typeOfTemplate = contentTypes(template);
  const presentationPart = mainPart(template);
  const presRels = readRels(template, presentationPart);
  // The template's parts the deck keeps: what the kept presentation relationships reach.
  const keep = new Set<string>();
  const visit = (part: string) => {
    if (keep.has(part) || !template.has(part)) return;
    keep.add(part);
    for (const r of readRels(template, part)) if (!r.external && !DROPPED.has(r.type)) visit(resolveTarget(part, r.target));
  };
  for (const r of presRels) if (!r.external && KEPT_FROM_PRESENTATION.has(r.type)) visit(resolveTarget(presentationPart, r.target));
  for (const part of keep) {
    copyPart(template, out, part, (r) => r.external || !DROPPED.has(r.type));
    types.set(part, typeOfTemplate(part) ?? '');
    // briefdeck's own template needs no repair; an organisation's may, unless the template reader
    // found the part's ids unique already (parsing 68 layouts again cost a second on a large template).
    if (!trusted && DRAWING.test(part) && !hasUniqueShapeIds(template.get(part))) repairShapeIds(out, part);
  }
  const notesMaster = presRels.filter((r) => r.type === REL.notesMaster).map((r) => resolveTarget(presentationPart, r.target))[0];
  const base: TemplateBase = { parts: out, types, presentationPart, presRels, ...(notesMaster ? { notesMaster } : {}) };
  bases.set(template, base);
  return base;
}

function mainPart(parts: Parts): string {
  const rel = readRels(parts, '').find((r) => r.type === REL.officeDocument);
  return rel ? resolveTarget('', rel.target) : 'ppt/presentation.xml';
}

function copyPart(from: Parts, to: Parts, part: string, keepRelation: (r: Relationship) => boolean): void {
  to.set(part, from.get(part)!);
  const rels = readRels(from, part);
  if (rels.length || from.has(relsName(part))) writeRels(to, part, rels.filter(keepRelation));
}

const DRAWING = /^ppt\/(?:slideMasters|slideLayouts|notesMasters|handoutMasters)\/[^/]+\.xml$/;

/**
 * A template's master or layout that gives two shapes one id (LibreOffice writes such files) is repaired:
 * later duplicates get fresh ids, as PowerPoint does when it opens one.
 */
function repairShapeIds(parts: Parts, part: string): void {
  const doc = readXml(parts, part);
  const all = descendants(doc, 'p', 'cNvPr');
  const seen = new Set<string>();
  let next = Math.max(0, ...all.map((e) => Number(e.getAttribute('id')) || 0));
  let changed = false;
  for (const e of all) {
    const id = e.getAttribute('id') ?? '';
    if (seen.has(id)) {
      e.setAttribute('id', String(++next));
      changed = true;
    }
    seen.add(e.getAttribute('id')!);
  }
  if (changed) writeXml(parts, part, doc);
}

/** `name`, or the same name with a number added before the extension, free in `parts`. */
function uniqueName(parts: Parts, name: string): string {
  if (!parts.has(name)) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, -ext.length).replace(/\d+$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${ext}`;
    if (!parts.has(candidate)) return candidate;
  }
}

/** Slides, notes master and relationship ids of the presentation part; what refers to dropped parts goes. */
function rewritePresentation(root: Element, ids: Map<string, string>, slideIds: string[], notesMasterId: string | undefined): void {
  // Relationship ids anywhere in the part (masters, handout master, embedded fonts) follow the renumbering.
  const walk = (e: Element) => {
    for (const attr of Array.from(e.attributes)) {
      if (attr.namespaceURI === NS.r && ids.has(attr.value)) e.setAttributeNS(NS.r, attr.name, ids.get(attr.value)!);
    }
    for (const c of elements(e)) walk(c);
  };
  walk(root);
  for (const name of ['sldIdLst', 'custShowLst', 'modifyVerifier', 'photoAlbum']) for (const e of children(root, 'p', name)) root.removeChild(e);
  // Customer data whose part the deck does not keep (an external or missing one) goes with it.
  const kept = new Set(ids.values());
  for (const list of children(root, 'p', 'custDataLst')) {
    for (const tags of children(list, 'p', 'tags')) if (!kept.has(tags.getAttributeNS(NS.r, 'id') ?? '')) list.removeChild(tags);
    if (elements(list).length === 0) root.removeChild(list);
  }
  // Section lists name the template's slides.
  const ext = child(root, 'p', 'extLst');
  if (ext) for (const e of children(ext, 'p', 'ext')) if (e.getAttribute('uri') === '{521415D9-36F7-43E2-AB2F-B90AF26B5E84}') ext.removeChild(e);
  if (ext && elements(ext).length === 0) root.removeChild(ext);

  const doc = root.ownerDocument!;
  const after = (names: string[]): Element | null => {
    let last: Element | null = null;
    for (const e of elements(root)) if (names.includes(e.localName ?? '')) last = e;
    return last;
  };
  const insertAfter = (node: Element, ref: Element | null) => root.insertBefore(node, ref ? ref.nextSibling : root.firstChild);

  if (notesMasterId && !child(root, 'p', 'notesMasterIdLst')) {
    const list = doc.createElementNS(NS.p, 'p:notesMasterIdLst');
    const entry = doc.createElementNS(NS.p, 'p:notesMasterId');
    entry.setAttributeNS(NS.r, 'r:id', notesMasterId);
    list.appendChild(entry);
    insertAfter(list, after(['sldMasterIdLst']));
  }
  const list = doc.createElementNS(NS.p, 'p:sldIdLst');
  slideIds.forEach((id, i) => {
    const s = doc.createElementNS(NS.p, 'p:sldId');
    s.setAttribute('id', String(256 + i));
    s.setAttributeNS(NS.r, 'r:id', id);
    list.appendChild(s);
  });
  insertAfter(list, after(['sldMasterIdLst', 'notesMasterIdLst', 'handoutMasterIdLst']));
}

export { CONTENT_TYPES };

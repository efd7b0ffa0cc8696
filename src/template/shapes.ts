// The shape tree of a master or layout (`p:cSld/p:spTree`): placeholders as written (their own box,
// body properties and list style, before inheritance) and decorations — every other visible shape,
// picture, group or graphic frame, with its box.
import { EMU_PER_IN, type Box } from '../geometry.js';
import { child, children, elements, NS, numAttr, path, type Element } from '../xml.js';
import { PLACEHOLDER_TYPES, type Decoration, type PlaceholderType } from './model.js';

export interface RawPlaceholder {
  type: PlaceholderType;
  idx: number;
  name: string;
  box?: Box;
  bodyPr?: Element;
  lstStyle?: Element;
  spPr?: Element;
  style?: Element;
  /** The placeholder's own prompt text ("Click to edit…"), whose run properties LibreOffice takes for its style. */
  txBody?: Element;
}

export interface ShapeTree {
  placeholders: RawPlaceholder[];
  decorations: Decoration[];
}

const NV: Record<string, string> = { sp: 'nvSpPr', pic: 'nvPicPr', graphicFrame: 'nvGraphicFramePr', cxnSp: 'nvCxnSpPr', grpSp: 'nvGrpSpPr', contentPart: 'nvContentPartPr' };

/** Reads `p:cSld/p:spTree` of a master or layout root element. */
export function readShapeTree(root: Element | undefined, slide: { w: number; h: number }, colorOf?: (el: Element, box: Box) => string | undefined): ShapeTree {
  const tree: ShapeTree = { placeholders: [], decorations: [] };
  const spTree = path(root, 'p:cSld', 'p:spTree');
  if (!spTree) return tree;
  for (const el of topLevelShapes(spTree)) {
    const local = el.localName ?? '';
    const nv = child(el, 'p', NV[local] ?? '');
    const cNvPr = child(nv, 'p', 'cNvPr');
    const ph = path(nv, 'p:nvPr', 'p:ph');
    const box = boxOf(el);
    if (ph && local !== 'grpSp') {
      const written = ph.getAttribute('type') ?? 'obj';
      const type = (PLACEHOLDER_TYPES as readonly string[]).includes(written) ? (written as PlaceholderType) : 'obj';
      const raw: RawPlaceholder = { type, idx: Math.max(0, Math.trunc(numAttr(ph, 'idx', 0))), name: cNvPr?.getAttribute('name') ?? '' };
      if (box) raw.box = box;
      const txBody = child(el, 'p', 'txBody');
      const bodyPr = child(txBody, 'a', 'bodyPr');
      const lstStyle = child(txBody, 'a', 'lstStyle');
      if (bodyPr) raw.bodyPr = bodyPr;
      if (lstStyle) raw.lstStyle = lstStyle;
      if (txBody) raw.txBody = txBody;
      const spPr = child(el, 'p', 'spPr');
      const style = child(el, 'p', 'style');
      if (spPr) raw.spPr = spPr;
      if (style) raw.style = style;
      tree.placeholders.push(raw);
      continue;
    }
    if (!box || cNvPr?.getAttribute('hidden') === '1' || cNvPr?.getAttribute('hidden') === 'true') continue;
    if (box.w <= 0 && box.h <= 0) continue;
    // Shapes parked off the slide are not shown.
    if (box.x >= slide.w || box.y >= slide.h || box.x + box.w <= 0 || box.y + box.h <= 0) continue;
    if (local === 'sp' && invisible(el)) continue;
    const kind: Decoration['kind'] = local === 'pic' ? 'picture' : local === 'grpSp' ? 'group' : local === 'graphicFrame' || local === 'contentPart' ? 'graphic' : 'shape';
    const hex = colorOf?.(el, box);
    tree.decorations.push(hex ? { box, kind, hex } : { box, kind });
  }
  return tree;
}

/** Children of the shape tree, with markup-compatibility wrappers replaced by their fallback content. */
function topLevelShapes(spTree: Element): Element[] {
  const out: Element[] = [];
  for (const el of elements(spTree)) {
    if (el.namespaceURI === NS.mc && el.localName === 'AlternateContent') {
      const branch = child(el, 'mc', 'Fallback') ?? child(el, 'mc', 'Choice');
      if (branch) out.push(...elements(branch).filter((e) => e.namespaceURI === NS.p && e.localName! in NV));
    } else if (el.namespaceURI === NS.p && el.localName! in NV) {
      out.push(el);
    }
  }
  return out;
}

/** The shape's position and size in inches, when it states one. */
export function boxOf(el: Element): Box | undefined {
  const xfrm = el.localName === 'grpSp' ? path(el, 'p:grpSpPr', 'a:xfrm') : el.localName === 'graphicFrame' ? child(el, 'p', 'xfrm') : path(el, 'p:spPr', 'a:xfrm');
  return xfrmBox(xfrm);
}

export function xfrmBox(xfrm: Element | undefined): Box | undefined {
  const off = child(xfrm, 'a', 'off');
  const ext = child(xfrm, 'a', 'ext');
  if (!off || !ext) return undefined;
  const v = [numAttr(off, 'x', 0), numAttr(off, 'y', 0), numAttr(ext, 'cx', 0), numAttr(ext, 'cy', 0)].map((n) => n / EMU_PER_IN);
  const [x, y, w, h] = v as [number, number, number, number];
  return { x, y, w: Math.max(0, w), h: Math.max(0, h) };
}

/** A shape with no fill, no outline and no text draws nothing (an empty text box, a spacer). */
function invisible(sp: Element): boolean {
  const spPr = child(sp, 'p', 'spPr');
  const style = child(sp, 'p', 'style');
  const filled = spPr ? elements(spPr).some((c) => ['solidFill', 'gradFill', 'blipFill', 'pattFill', 'grpFill'].includes(c.localName ?? '')) : false;
  const noFill = spPr ? child(spPr, 'a', 'noFill') !== undefined : false;
  const ln = child(spPr, 'a', 'ln');
  const lined = ln ? elements(ln).some((c) => ['solidFill', 'gradFill', 'pattFill'].includes(c.localName ?? '')) : false;
  // A theme style reference fills or outlines the shape unless the shape says otherwise.
  const styleFill = style ? numAttr(child(style, 'a', 'fillRef'), 'idx', 0) > 0 : false;
  const styleLine = style ? numAttr(child(style, 'a', 'lnRef'), 'idx', 0) > 0 : false;
  const hasFill = filled || (!noFill && styleFill);
  const hasLine = lined || (!(ln && child(ln, 'a', 'noFill')) && styleLine);
  const text = children(child(sp, 'p', 'txBody') ?? sp, 'a', 'p').some((p) => (p.textContent ?? '').trim() !== '');
  return !hasFill && !hasLine && !text;
}

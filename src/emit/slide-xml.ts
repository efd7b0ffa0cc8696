// What pptxgenjs cannot write into a slide, done on the slide's XML tree: shapes that fill the layout's
// placeholders (title, body, picture) and inherit from them, text bodies written by text-body.ts,
// decoration marked decorative for screen readers, theme colours for theme-coloured fills and lines,
// tables with a header row and a table style, and the footer and slide number in the layout's footer
// placeholders, last in the reading order. Each shape pptxgenjs wrote is found by the name emit gave it.
import type { LayoutInfo } from '../template/model.js';
import type { PlacedElement, PlacedSlide, PlacedText } from '../layout/placed.js';
import { unreachable } from '../unreachable.js';
import { child, children, descendants, elements, path, type Document, type Element } from '../xml.js';
import { builder, colorEl, decorativeExt, type El } from './drawing-xml.js';
import { colorValue, textBody, type TextContext } from './text-body.js';

/** The name emit gives the shape of placed element `i`, so that this pass can find it. */
export const shapeTag = (i: number): string => `bd:${i}`;

/** briefdeck's table style (tableStyles.xml): header row on, no banding, hairlines. */
export const TABLE_STYLE_ID = '{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}';

const SHAPES = new Set(['sp', 'pic', 'graphicFrame', 'cxnSp', 'grpSp']);

/** A box written on the slide that is within half a point of the layout's: inherit it instead. */
const sameBox = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean =>
  [a.x - b.x, a.y - b.y, a.w - b.w, a.h - b.h].every((d) => Math.abs(d) < 0.5 / 72);

export function editSlide(doc: Document, slide: PlacedSlide, layout: LayoutInfo, ctx: TextContext): void {
  const el = builder(doc);
  const tree = path(doc.documentElement, 'p:cSld', 'p:spTree');
  if (!tree) throw new Error('internal: a slide without a shape tree');
  const counts = new Map<string, number>();
  const nextName = (base: string) => {
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return `${base} ${n}`;
  };

  for (const shape of elements(tree).filter((e) => SHAPES.has(e.localName ?? ''))) {
    const nv = elements(shape)[0];
    const cNvPr = nv && child(nv, 'p', 'cNvPr');
    const m = /^bd:(\d+)$/.exec(cNvPr?.getAttribute('name') ?? '');
    const placed = m ? slide.elements[Number(m[1])] : undefined;
    if (!cNvPr || !placed) continue;
    editShape(el, shape, nv!, cNvPr, placed, ctx, nextName);
  }

  // The slide number: the layout's placeholder, after everything else in the reading order.
  const num = layout.placeholders.find((p) => p.type === 'sldNum');
  if (slide.footer.number && num) tree.appendChild(slideNumberShape(el, num.idx, nextName('Slide Number Placeholder'), String(slide.number), ctx.lang));

  // Shape ids unique within the slide (pptxgenjs gives a table the id of another shape).
  let id = 1;
  for (const c of descendants(tree, 'p', 'cNvPr')) c.setAttribute('id', String(++id));
}

function editShape(el: El, shape: Element, nv: Element, cNvPr: Element, placed: PlacedElement, ctx: TextContext, nextName: (b: string) => string): void {
  const nvPr = child(nv, 'p', 'nvPr');
  switch (placed.type) {
    case 'text': {
      const ph = placed.placeholder;
      cNvPr.setAttribute('name', nextName(ph ? PH_NAMES[ph.type] ?? 'Text Placeholder' : 'TextBox'));
      const cNvSpPr = child(nv, 'p', 'cNvSpPr');
      if (cNvSpPr) {
        cNvSpPr.removeAttribute('txBox');
        while (cNvSpPr.firstChild) cNvSpPr.removeChild(cNvSpPr.firstChild);
        cNvSpPr.appendChild(el('a:spLocks', ph ? { noGrp: 1 } : {}));
        if (!ph) cNvSpPr.setAttribute('txBox', '1');
      }
      if (ph && nvPr) setPlaceholder(el, nvPr, ph.type, ph.idx, ph.type === 'ftr' ? 'quarter' : undefined);
      const spPr = child(shape, 'p', 'spPr');
      if (spPr && ph?.inherits) {
        // A placeholder inherits its geometry and (no) fill from the layout: keep only a position of its own.
        for (const c of elements(spPr)) if (c.localName !== 'xfrm' || sameBox(placed.box, ph.box)) spPr.removeChild(c);
      }
      const old = child(shape, 'p', 'txBody');
      if (old) shape.removeChild(old);
      shape.appendChild(textBody(el, placed as PlacedText, ctx));
      return;
    }
    case 'rect':
    case 'line':
      cNvPr.setAttribute('name', nextName(placed.type === 'line' ? 'Straight Connector' : 'Rectangle'));
      cNvPr.appendChild(decorativeExt(el));
      themeColors(el, shape, ctx);
      return;
    case 'picture':
    case 'chart': {
      const isChart = placed.type === 'chart';
      cNvPr.setAttribute('name', nextName(isChart ? 'Chart' : placed.decorative ? 'Logo' : 'Picture'));
      if (placed.type === 'picture' && placed.decorative) cNvPr.appendChild(decorativeExt(el));
      if (placed.placeholder && shape.localName === 'pic' && nvPr) {
        const locks = path(nv, 'p:cNvPicPr', 'a:picLocks');
        locks?.setAttribute('noGrp', '1');
        setPlaceholder(el, nvPr, placed.placeholder.type, placed.placeholder.idx);
      }
      return;
    }
    case 'table': {
      cNvPr.setAttribute('name', nextName('Table'));
      const tbl = descendants(shape, 'a', 'tbl')[0];
      const tblPr = tbl && child(tbl, 'a', 'tblPr');
      if (tblPr) {
        tblPr.setAttribute('firstRow', '1');
        tblPr.setAttribute('bandRow', '0');
        while (tblPr.firstChild) tblPr.removeChild(tblPr.firstChild);
        const styleId = el('a:tableStyleId');
        styleId.appendChild(styleId.ownerDocument!.createTextNode(TABLE_STYLE_ID));
        tblPr.appendChild(styleId);
      }
      themeColors(el, shape, ctx);
      return;
    }
    default:
      unreachable(placed, 'placed element');
  }
}

const PH_NAMES: Record<string, string> = {
  title: 'Title',
  ctrTitle: 'Title',
  subTitle: 'Subtitle',
  body: 'Text Placeholder',
  obj: 'Content Placeholder',
  pic: 'Picture Placeholder',
  ftr: 'Footer Placeholder',
};

function setPlaceholder(el: El, nvPr: Element, type: string, idx: number, sz?: string): void {
  for (const old of children(nvPr, 'p', 'ph')) nvPr.removeChild(old);
  const attrs = { type: type === 'obj' ? undefined : type, sz, idx: type === 'title' || type === 'ctrTitle' ? undefined : idx };
  nvPr.insertBefore(el('p:ph', attrs), nvPr.firstChild);
}

/** Literal fills and lines that are theme colours become theme colour references. */
function themeColors(el: El, shape: Element, ctx: TextContext): void {
  for (const srgb of descendants(shape, 'a', 'srgbClr')) {
    const value = colorValue(`#${srgb.getAttribute('val') ?? ''}`, ctx);
    // A colour with transforms (alpha, tint) stays as written.
    if (!value.role || srgb.firstChild) continue;
    srgb.parentNode!.replaceChild(colorEl(el, value), srgb);
  }
}

function slideNumberShape(el: El, idx: number, name: string, value: string, lang: string): Element {
  const t = el('a:t');
  t.appendChild(t.ownerDocument!.createTextNode(value));
  return el(
    'p:sp',
    {},
    el('p:nvSpPr', {}, el('p:cNvPr', { id: 0, name }), el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 })), el('p:nvPr', {}, el('p:ph', { type: 'sldNum', sz: 'quarter', idx }))),
    el('p:spPr'),
    el('p:txBody', {}, el('a:bodyPr'), el('a:lstStyle'), el('a:p', {}, el('a:fld', { id: '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}', type: 'slidenum' }, el('a:rPr', { lang }), t))),
  );
}

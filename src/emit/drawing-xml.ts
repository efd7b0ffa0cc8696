// Small builders for DrawingML/PresentationML elements that several emit modules write: positions,
// colours, text level styles, body properties. All through the XML tree; values are escaped by it.
import { EMU_PER_PT, inToEmu, type Box } from '../geometry.js';
import type { ColorValue, LevelStyle, Placeholder, TemplateTheme } from '../template/model.js';
import { create, type Document, type Element } from '../xml.js';

export type El = (qname: Parameters<typeof create>[1], attrs?: Record<string, string | number | undefined>, ...kids: (Element | undefined | false)[]) => Element;

/** An element factory bound to one document: `el('a:off', { x: 0, y: 0 })`. */
export function builder(doc: Document): El {
  return (qname, attrs = {}, ...kids) => create(doc, qname, attrs, ...(kids.filter(Boolean) as Element[]));
}

export function xfrm(el: El, box: Box, ns: 'a' | 'p' = 'a'): Element {
  return el(`${ns}:xfrm`, {}, el('a:off', { x: inToEmu(box.x), y: inToEmu(box.y) }), el('a:ext', { cx: inToEmu(Math.max(0, box.w)), cy: inToEmu(Math.max(0, box.h)) }));
}

/** A colour as a theme reference where it is one, else the literal. */
export function colorEl(el: El, c: ColorValue): Element {
  return c.role ? el('a:schemeClr', { val: c.role }) : el('a:srgbClr', { val: c.hex.replace('#', '').toUpperCase() });
}

export const solidFill = (el: El, c: ColorValue): Element => el('a:solidFill', {}, colorEl(el, c));

const pts = (pt: number): number => Math.round(pt * 100);

/** The theme font reference for a face (+mj-lt, +mn-lt), or the face itself. */
export function fontRef(face: string, theme: TemplateTheme, prefer: 'major' | 'minor'): string {
  const order = prefer === 'major' ? (['major', 'minor'] as const) : (['minor', 'major'] as const);
  for (const k of order) if (theme[k].latin === face) return k === 'major' ? '+mj-lt' : '+mn-lt';
  return face;
}

/** `a:lvlNpPr` for a level style (text list styles in masters and layouts). */
export function levelPPr(el: El, n: number, s: LevelStyle, theme: TemplateTheme, prefer: 'major' | 'minor'): Element {
  const latin = fontRef(s.font, theme, prefer);
  const ea = latin.startsWith('+') ? `${latin.slice(0, 3)}-ea` : s.eaFont;
  const cs = latin.startsWith('+') ? `${latin.slice(0, 3)}-cs` : undefined;
  const spacing = 'pt' in s.lineSpacing ? el('a:spcPts', { val: pts(s.lineSpacing.pt) }) : el('a:spcPct', { val: Math.round(s.lineSpacing.pct * 100000) });
  const bullet =
    s.bullet.kind === 'char'
      ? [el('a:buFont', { typeface: 'Arial' }), el('a:buChar', { char: s.bullet.char })]
      : s.bullet.kind === 'auto'
        ? [el('a:buAutoNum', { type: s.bullet.scheme })]
        : [el('a:buNone')];
  return el(
    `a:lvl${n}pPr`,
    { marL: inToEmu(s.marginIn), indent: inToEmu(s.indentIn), algn: s.align },
    el('a:lnSpc', {}, spacing),
    el('a:spcBef', {}, el('a:spcPts', { val: pts(s.spaceBeforePt) })),
    el('a:spcAft', {}, el('a:spcPts', { val: pts(s.spaceAfterPt) })),
    ...bullet,
    el(
      'a:defRPr',
      { sz: pts(s.sizePt), b: s.bold ? 1 : 0, i: s.italic ? 1 : 0, ...(s.caps !== 'none' ? { cap: s.caps } : {}) },
      solidFill(el, s.color),
      el('a:latin', { typeface: latin }),
      ea !== undefined && el('a:ea', { typeface: ea }),
      cs !== undefined && el('a:cs', { typeface: cs }),
    ),
  );
}

/** `a:lstStyle` (or a txStyles child) holding the given levels, 1-based from `from`. */
export function listStyle(el: El, qname: 'a:lstStyle' | 'p:titleStyle' | 'p:bodyStyle' | 'p:otherStyle', levels: (LevelStyle | undefined)[], theme: TemplateTheme, prefer: 'major' | 'minor'): Element {
  return el(qname, {}, ...levels.map((s, i) => (s ? levelPPr(el, i + 1, s, theme, prefer) : undefined)));
}

/** `a:bodyPr` with a placeholder's insets, anchor, wrapping and autofit. */
export function bodyPr(el: El, ph: Pick<Placeholder, 'insets' | 'anchor' | 'wrap' | 'autofit'>): Element {
  const { l, t, r, b } = ph.insets;
  return el(
    'a:bodyPr',
    { wrap: ph.wrap ? 'square' : 'none', lIns: inToEmu(l), tIns: inToEmu(t), rIns: inToEmu(r), bIns: inToEmu(b), rtlCol: 0, anchor: ph.anchor },
    ph.autofit === 'norm' ? el('a:normAutofit') : ph.autofit === 'shape' ? el('a:spAutoFit') : el('a:noAutofit'),
  );
}

/** The decorative flag PowerPoint writes (Format Pane → Alt Text → Mark as decorative). */
export function decorativeExt(el: El): Element {
  const ext = el('a:ext', { uri: '{C183D7F6-B498-43B3-948B-1728B52AA6E4}' });
  const flag = el('adec:decorative', { val: 1 });
  ext.appendChild(flag);
  return el('a:extLst', {}, ext);
}

export const EMU_PT = EMU_PER_PT;

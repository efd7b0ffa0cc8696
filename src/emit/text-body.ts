// The text body of a slide shape (p:txBody), built from a placed text through the XML tree. Text in a
// placeholder writes only what differs from the style it inherits from its layout (size, face, colour,
// bullets, spacing), so that Reset Slide gives back the same look and the theme's fonts and colours
// apply; free text boxes write everything, with theme colours and theme fonts where they are the
// theme's. Every run carries the deck's language (East Asian runs their own).
import { inToEmu } from '../geometry.js';
import { CJK_TEXT } from '../font-faces.js';
import { MIN_LINE_SPACING, type PlacedParagraph, type PlacedRun, type PlacedText } from '../layout/placed.js';
import type { ColorMap, ColorValue, LevelStyle, TemplateTheme } from '../template/model.js';
import type { Element } from '../xml.js';
import { fontRef, solidFill, type El } from './drawing-xml.js';

export interface TextContext {
  theme: TemplateTheme;
  colorMap: ColorMap;
  /** The deck's language as a full tag, e.g. en-US, zh-CN. */
  lang: string;
  /** The relationship id of a hyperlink to `url` (added to the slide's relationships). */
  link: (url: string) => string;
}

const CJK_RUNS = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+|[^\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+/g;

/** Language of East Asian text in a deck written in another language. */
export function cjkLang(deckLang: string): string {
  return /^(zh|ja|ko)\b/.test(deckLang) ? deckLang : 'zh-CN';
}

/** Splits a run where it switches between CJK and other text, so that each part carries its language. */
export function byScript(runs: PlacedRun[], deckLang: string): { run: PlacedRun; lang: string }[] {
  return runs.flatMap((run) => {
    const parts = run.text.match(CJK_RUNS) ?? [''];
    return parts.map((text) => ({ run: { ...run, text }, lang: CJK_TEXT.test(text) ? cjkLang(deckLang) : deckLang }));
  });
}

const ALGN = { left: 'l', center: 'ctr', right: 'r' } as const;
const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;
const pts = (pt: number): number => Math.round(pt * 100);
const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.26;

/** The role that names a colour under the slide's colour map, if any (text colours only). */
export function colorValue(hex: string, ctx: Pick<TextContext, 'theme' | 'colorMap'>): ColorValue {
  const want = hex.replace('#', '').toUpperCase();
  const order = ['tx1', 'bg1', 'tx2', 'bg2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'] as const;
  const role = order.find((r) => ctx.theme.colors[ctx.colorMap[r]].replace('#', '').toUpperCase() === want);
  return role ? { hex: `#${want}`, role } : { hex: `#${want}` };
}

export function textBody(el: El, text: PlacedText, ctx: TextContext): Element {
  const ph = text.placeholder;
  const body = el('p:txBody', {}, bodyProps(el, text), el('a:lstStyle'));
  const paragraphs = text.paragraphs.length ? text.paragraphs : [{ runs: [], level: 0 as const }];
  // A placeholder the layout does not have inherits nothing: every property is written.
  const inherited = ph?.inherits && !ph.explicitText ? ph.levels : undefined;
  paragraphs.forEach((p, i) => body.appendChild(paragraph(el, text, p, i, inherited?.[p.level], ctx)));
  return body;
}

function bodyProps(el: El, text: PlacedText): Element {
  const ph = text.placeholder;
  const { l, t, r, b } = text.insets;
  if (ph?.inherits) {
    // The layout's insets, anchor and autofit apply; say only the anchor when this text needs another.
    const anchor = ANCHOR[text.valign];
    return el('a:bodyPr', anchor === ph.anchor ? {} : { anchor });
  }
  // A stat number never wraps: where the audience's face is wider than measured, it runs into the
  // card's padding rather than breaking into "$16." / "6".
  return el('a:bodyPr', { wrap: text.noWrap ? 'none' : 'square', lIns: inToEmu(l), tIns: inToEmu(t), rIns: inToEmu(r), bIns: inToEmu(b), rtlCol: 0, anchor: ANCHOR[text.valign] }, el('a:noAutofit'));
}

function paragraph(el: El, text: PlacedText, p: PlacedParagraph, index: number, level: LevelStyle | undefined, ctx: TextContext): Element {
  const biggest = p.runs.length ? Math.max(...p.runs.map((r) => r.scale ?? 1)) : 1;
  const size = text.sizePt * biggest;
  const pPr = el('a:pPr', {});
  if (p.level > 0) pPr.setAttribute('lvl', String(p.level));
  const align = ALGN[text.align];
  if (!level || level.align !== align) pPr.setAttribute('algn', align);

  const levelBullet = level ? level.bullet.kind !== 'none' : false;
  const bulletIndentIn = level?.marginIn ?? (text.sizePt * 0.9 * (p.level + 1)) / 72;
  if (p.bullet && !levelBullet) {
    pPr.setAttribute('marL', String(inToEmu(bulletIndentIn)));
    pPr.setAttribute('indent', String(-inToEmu((text.sizePt * 0.9) / 72)));
  } else if (!p.bullet && levelBullet) {
    pPr.setAttribute('marL', '0');
    pPr.setAttribute('indent', '0');
  }

  // Exact leading in points, as measured, so that PowerPoint, Keynote and LibreOffice stack lines alike;
  // inherited where the layout's own spacing gives the same.
  const pitch = (text.linePitchPt * size) / text.sizePt;
  const inheritsPitch = level && ('pt' in level.lineSpacing ? near(level.lineSpacing.pt, pitch) : near(level.sizePt, size) && level.lineSpacing.pct >= MIN_LINE_SPACING);
  if (!inheritsPitch) pPr.appendChild(el('a:lnSpc', {}, el('a:spcPts', { val: pts(pitch) })));
  const before = index === 0 ? 0 : (p.spaceBefore ?? 0) * text.sizePt;
  if (!level || !near(level.spaceBeforePt, before)) pPr.appendChild(el('a:spcBef', {}, el('a:spcPts', { val: pts(before) })));
  if (p.bullet && !levelBullet) pPr.appendChild(el('a:buChar', { char: p.level === 1 ? '–' : '•' }));
  else if (!p.bullet && levelBullet) pPr.appendChild(el('a:buNone'));

  const out = el('a:p', {}, pPr.attributes.length || pPr.firstChild ? pPr : undefined);
  for (const { run, lang } of byScript(p.runs, ctx.lang)) {
    if (!run.text) continue;
    out.appendChild(textRun(el, text, run, lang, level, ctx));
  }
  out.appendChild(el('a:endParaRPr', { lang: ctx.lang, ...(level && near(level.sizePt, size) ? {} : { sz: pts(size) }) }));
  return out;
}

function textRun(el: El, text: PlacedText, run: PlacedRun, lang: string, level: LevelStyle | undefined, ctx: TextContext): Element {
  const size = Math.round(text.sizePt * (run.scale ?? 1) * 2) / 2;
  const bold = run.bold ?? text.bold ?? false;
  const italic = run.italic ?? text.italic ?? false;
  const attrs: Record<string, string | number | undefined> = { lang };
  if (!level || !near(level.sizePt, size)) attrs.sz = pts(size);
  if (level ? level.bold !== bold : bold) attrs.b = bold ? 1 : 0;
  // CJK faces have no italic: PowerPoint would slant them synthetically.
  const slant = italic && !CJK_TEXT.test(run.text);
  if (level ? level.italic !== slant : slant) attrs.i = slant ? 1 : 0;
  attrs.dirty = 0;
  const rPr = el('a:rPr', attrs);
  const color = run.color ?? text.color;
  if (!level || level.color.hex.toUpperCase() !== color.toUpperCase()) rPr.appendChild(solidFill(el, colorValue(color, ctx)));
  if (!level || level.font !== text.fontFace) {
    const ref = fontRef(text.fontFace, ctx.theme, text.role === 'title' || text.role === 'stat' ? 'major' : 'minor');
    rPr.appendChild(el('a:latin', { typeface: ref }));
    rPr.appendChild(el('a:ea', { typeface: ref.startsWith('+') ? `${ref.slice(0, 3)}-ea` : (ctx.theme.minor.ea ?? '') }));
    rPr.appendChild(el('a:cs', { typeface: ref.startsWith('+') ? `${ref.slice(0, 3)}-cs` : ref }));
  }
  if (run.link) rPr.appendChild(el('a:hlinkClick', { 'r:id': ctx.link(run.link) }));
  const t = el('a:t');
  t.appendChild(t.ownerDocument!.createTextNode(run.text));
  return el('a:r', {}, rPr, t);
}

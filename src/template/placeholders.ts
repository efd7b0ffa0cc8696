// Effective placeholders: a layout placeholder takes what it does not state itself from the master
// placeholder it inherits from (matched by type: a title or centred title from the master's title, a
// date, footer or slide number from the same type, everything else from the master's body), and its text
// from the master's text style for its kind (title, body or other) and the presentation's default.
import type { Box } from '../geometry.js';
import { EMU_PER_IN } from '../geometry.js';
import { child, children, create, elements, numAttr, path, type Element } from '../xml.js';
import type { LevelStyle, Placeholder, PlaceholderType } from './model.js';
import { statedFill } from './decoration-color.js';
import type { RawPlaceholder } from './shapes.js';
import { resolveFirstLevel, resolveLevels, type StyleContext } from './text-style.js';

export interface MasterStyles {
  title?: Element;
  body?: Element;
  other?: Element;
  /** `p:presentation/p:defaultTextStyle`. */
  presentation?: Element;
  /** The master has no text styles (as LibreOffice writes it): see promptStyle. */
  none?: boolean;
}

const TITLES = new Set<PlaceholderType>(['title', 'ctrTitle']);
const OTHER = new Set<PlaceholderType>(['dt', 'ftr', 'sldNum', 'hdr', 'sldImg']);

export const isTitleType = (t: PlaceholderType): boolean => TITLES.has(t);
/** Placeholders a slide finds by type (title, date, footer, slide number); the rest are found by idx. */
export const matchedByType = (t: PlaceholderType): boolean => TITLES.has(t) || t === 'dt' || t === 'ftr' || t === 'sldNum' || t === 'hdr';

/** The master placeholder type a layout placeholder of type `t` inherits from. */
export function masterTypeFor(t: PlaceholderType): PlaceholderType {
  if (TITLES.has(t)) return 'title';
  if (OTHER.has(t)) return t;
  return 'body';
}

/**
 * The prompt text's paragraph and run properties as a list style (level n from the paragraph at
 * level n), for masters without text styles.
 */
function promptStyle(txBody: Element | undefined): Element | undefined {
  if (!txBody) return undefined;
  // A master placeholder's prompt is the base of that placeholder on every layout: made once.
  if (prompts.has(txBody)) return prompts.get(txBody);
  const list = makePromptStyle(txBody);
  prompts.set(txBody, list);
  return list;
}

const prompts = new WeakMap<Element, Element | undefined>();

function makePromptStyle(txBody: Element): Element | undefined {
  if (!txBody.ownerDocument) return undefined;
  const doc = txBody.ownerDocument;
  const list = create(doc, 'a:lstStyle');
  for (const p of children(txBody, 'a', 'p')) {
    const pPr = child(p, 'a', 'pPr');
    const level = Math.min(8, Math.max(0, Math.trunc(numAttr(pPr, 'lvl', 0)))) + 1;
    if (child(list, 'a', `lvl${level}pPr`)) continue;
    const lvl = create(doc, `a:lvl${level}pPr`);
    if (pPr) for (const a of Array.from(pPr.attributes)) if (a.name !== 'lvl') lvl.setAttribute(a.name, a.value);
    if (pPr) for (const c of elements(pPr)) lvl.appendChild(c.cloneNode(true));
    const run = path(p, 'a:r', 'a:rPr') ?? child(p, 'a', 'endParaRPr');
    if (run) {
      const def = create(doc, 'a:defRPr');
      for (const a of Array.from(run.attributes)) def.setAttribute(a.name, a.value);
      for (const c of elements(run)) def.appendChild(c.cloneNode(true));
      lvl.appendChild(def);
    }
    list.appendChild(lvl);
  }
  return list;
}

/** Which of the master's text styles a placeholder's text starts from. */
export function textStyleFor(t: PlaceholderType, styles: MasterStyles): Element | undefined {
  return TITLES.has(t) ? styles.title : OTHER.has(t) ? styles.other : styles.body;
}

/**
 * Resolves a placeholder as written on a layout (or master) against its master counterpart. With
 * `deeper`, only level 1 is resolved now and levels 2–9 come from `deeper` when first read (see lazyLevels).
 */
export function effectivePlaceholder(raw: RawPlaceholder, base: RawPlaceholder | undefined, styles: MasterStyles, ctx: Omit<StyleContext, 'heading'>, fallbackBox: Box, deeper?: () => LevelStyle[]): Placeholder {
  // A placeholder may draw its own fill (a title bar); the layout's word on it beats the master's.
  const ownFill = statedFill(raw.spPr, raw.style, ctx.color);
  const fill = ownFill ?? (base ? statedFill(base.spPr, base.style, ctx.color) : undefined);
  const bodies = [raw.bodyPr, base?.bodyPr].filter((b): b is Element => b !== undefined);
  const attr = (name: string): string | undefined => {
    for (const b of bodies) {
      const v = b.getAttribute(name);
      if (v !== null && v !== '') return v;
    }
    return undefined;
  };
  const inset = (name: string, emu: number): number => {
    const v = Number(attr(name) ?? emu);
    return (Number.isFinite(v) ? Math.max(0, v) : emu) / EMU_PER_IN;
  };
  const anchorRaw = attr('anchor');
  const vert = attr('vert');
  let autofit: Placeholder['autofit'] = 'none';
  for (const b of bodies) {
    if (child(b, 'a', 'normAutofit')) autofit = 'norm';
    else if (child(b, 'a', 'spAutoFit')) autofit = 'shape';
    else if (child(b, 'a', 'noAutofit')) autofit = 'none';
    else continue;
    break;
  }
  const out: Placeholder = {
    type: raw.type,
    idx: raw.idx,
    ambiguous: false,
    name: raw.name,
    box: raw.box ?? base?.box ?? fallbackBox,
    insets: { l: inset('lIns', 91440), t: inset('tIns', 45720), r: inset('rIns', 91440), b: inset('bIns', 45720) },
    anchor: anchorRaw === 'ctr' || anchorRaw === 'dist' ? 'ctr' : anchorRaw === 'b' ? 'b' : 't',
    autofit,
    wrap: attr('wrap') !== 'none',
    vertical: vert !== undefined && vert !== 'horz',
    levels: [],
  };
  const lists = [raw.lstStyle, base?.lstStyle, textStyleFor(raw.type, styles), ...(styles.none ? [promptStyle(raw.txBody), promptStyle(base?.txBody)] : []), styles.presentation];
  const styleCtx = { ...ctx, heading: TITLES.has(raw.type) };
  out.levels = deeper ? lazyLevels(resolveFirstLevel(lists, styleCtx), deeper) : resolveLevels(lists, styleCtx);
  // Where the master has no text styles, PowerPoint falls back to 18 pt black while LibreOffice takes the
  // prompt text's look: the slide states every property, so that both show what the template shows.
  if (styles.none) out.explicitText = true;
  if (fill && fill !== 'none') out.fill = fill;
  return out;
}

/**
 * Nine levels whose first is `first` and whose others are `deeper()`'s, asked for on first read of any
 * of them. Choosing a layout reads level 1 of every layout's placeholders; levels 2–9 are read only on
 * the layouts a deck uses, and resolving them on all 68 layouts of a large template cost a quarter of
 * a second. Reads and writes behave as on a plain array; once read, they are plain values.
 */
export function lazyLevels(first: LevelStyle, deeper: () => LevelStyle[]): LevelStyle[] {
  const levels: LevelStyle[] = [first];
  const settle = (): void => {
    const all = deeper();
    for (let i = 1; i < 9; i++) Object.defineProperty(levels, i, { value: all[i], writable: true, enumerable: true, configurable: true });
  };
  for (let i = 1; i < 9; i++) {
    Object.defineProperty(levels, i, {
      get: () => (settle(), levels[i]),
      set: (v: LevelStyle) => {
        settle();
        levels[i] = v;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return levels;
}

/**
 * Flags placeholders a slide cannot address: two title-like (or two date, footer, slide number)
 * placeholders of one type, or two placeholders found by idx with the same idx.
 */
export function markAmbiguous(list: Placeholder[]): void {
  const key = (p: Placeholder): string => (matchedByType(p.type) ? `type:${TITLES.has(p.type) ? 'title' : p.type}` : `idx:${p.idx}`);
  const counts = new Map<string, number>();
  for (const p of list) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  for (const p of list) p.ambiguous = (counts.get(key(p)) ?? 0) > 1;
}

/** Where a placeholder goes when neither it nor its master states a box: PowerPoint's default places for the slide size. */
export function defaultBox(t: PlaceholderType, slide: { w: number; h: number }): Box {
  const { w, h } = slide;
  const m = w * 0.075;
  if (t === 'ctrTitle') return { x: m, y: h * 0.22, w: w - 2 * m, h: h * 0.3 };
  if (t === 'subTitle') return { x: m * 2, y: h * 0.56, w: w - 4 * m, h: h * 0.2 };
  if (TITLES.has(t)) return { x: m, y: h * 0.05, w: w - 2 * m, h: h * 0.18 };
  if (t === 'dt') return { x: m, y: h * 0.92, w: w * 0.225, h: h * 0.053 };
  if (t === 'ftr') return { x: w * 0.34, y: h * 0.92, w: w * 0.32, h: h * 0.053 };
  if (t === 'sldNum') return { x: w * 0.7, y: h * 0.92, w: w * 0.225, h: h * 0.053 };
  return { x: m, y: h * 0.27, w: w - 2 * m, h: h * 0.6 };
}

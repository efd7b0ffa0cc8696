// Effective paragraph and run properties of outline levels 1–9. A level's properties come from a chain
// of list styles, most specific first (layout placeholder → master placeholder → master text style →
// presentation default); each property is taken from the first element in the chain that states it,
// as PowerPoint merges them property by property.
import { child, elements, type Element } from '../xml.js';
import { EMU_PER_IN } from '../geometry.js';
import { colorChild, resolveColor, schemeHex, type ColorContext } from './color.js';
import type { LevelStyle, TemplateTheme } from './model.js';
import { resolveThemeFont } from './theme.js';

export interface StyleContext {
  color: ColorContext;
  theme: TemplateTheme;
  /** Title text: the fallback face is the theme's major (heading) font. */
  heading: boolean;
}

/** Levels 1–9 resolved through `lists` (elements holding `a:lvlNpPr`, most specific first; undefined entries are skipped). */
export function resolveLevels(lists: readonly (Element | undefined)[], ctx: StyleContext): LevelStyle[] {
  const present = lists.filter((l): l is Element => l !== undefined);
  const levels: LevelStyle[] = [];
  for (let n = 1; n <= 9; n++) levels.push(levelOf(present, n, ctx));
  return levels;
}

/** Level 1 alone, as resolveLevels gives it. */
export function resolveFirstLevel(lists: readonly (Element | undefined)[], ctx: StyleContext): LevelStyle {
  return levelOf(
    lists.filter((l): l is Element => l !== undefined),
    1,
    ctx,
  );
}

function levelOf(present: readonly Element[], n: number, ctx: StyleContext): LevelStyle {
  const chain = present.map((l) => child(l, 'a', `lvl${n}pPr`)).filter((e): e is Element => e !== undefined);
  // `a:defPPr` of a list applies to every level it does not state (the presentation's default style has one).
  for (const l of present) {
    const d = child(l, 'a', 'defPPr');
    if (d) chain.push(d);
  }
  return resolveLevel(chain, ctx);
}

function firstAttr(chain: readonly Element[], name: string): string | undefined {
  for (const el of chain) {
    const v = el.getAttribute(name);
    if (v !== null && v !== '') return v;
  }
  return undefined;
}

function firstChild(chain: readonly Element[], pick: (el: Element) => Element | undefined): Element | undefined {
  for (const el of chain) {
    const found = pick(el);
    if (found) return found;
  }
  return undefined;
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

const bool = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : v === '1' || v === 'true');

const FILLS = new Set(['solidFill', 'gradFill', 'noFill', 'pattFill', 'blipFill', 'grpFill']);
const BULLETS = new Set(['buNone', 'buAutoNum', 'buChar', 'buBlip']);

function resolveLevel(chain: readonly Element[], ctx: StyleContext): LevelStyle {
  const runs = chain.map((p) => child(p, 'a', 'defRPr')).filter((e): e is Element => e !== undefined);

  const sizePt = (num(firstAttr(runs, 'sz')) ?? 1800) / 100;

  const typeface = (local: string): string | undefined => {
    for (const r of runs) {
      const face = child(r, 'a', local)?.getAttribute('typeface');
      if (face) return resolveThemeFont(face, ctx.theme);
    }
    return undefined;
  };
  const font = typeface('latin') ?? (ctx.heading ? ctx.theme.major.latin : ctx.theme.minor.latin);
  const eaFont = typeface('ea') ?? (ctx.heading ? ctx.theme.major.ea : ctx.theme.minor.ea);

  // The first run style that says anything about its fill decides; noFill falls back to the text colour.
  const fill = firstChild(runs, (r) => elements(r).find((c) => FILLS.has(c.localName ?? '')));
  let colorEl: Element | undefined;
  if (fill?.localName === 'solidFill') colorEl = colorChild(fill);
  else if (fill?.localName === 'gradFill') colorEl = colorChild(child(child(fill, 'a', 'gsLst'), 'a', 'gs'));
  else if (fill?.localName === 'pattFill') colorEl = colorChild(child(fill, 'a', 'fgClr'));
  const color = resolveColor(colorEl, ctx.color) ?? { hex: schemeHex('tx1', ctx.color) ?? '#000000', role: 'tx1' as const };

  const alignRaw = firstAttr(chain, 'algn');
  const align: LevelStyle['align'] = alignRaw === 'ctr' || alignRaw === 'r' || alignRaw === 'just' || alignRaw === 'dist' ? alignRaw : alignRaw === 'justLow' ? 'just' : alignRaw === 'thaiDist' ? 'dist' : 'l';

  const spacing = (local: string): { pct: number } | { pt: number } | undefined => {
    const el = firstChild(chain, (p) => child(p, 'a', local));
    if (!el) return undefined;
    const pts = num(child(el, 'a', 'spcPts')?.getAttribute('val') ?? undefined);
    if (pts !== undefined) return { pt: pts / 100 };
    const pct = num(child(el, 'a', 'spcPct')?.getAttribute('val') ?? undefined);
    if (pct !== undefined) return { pct: pct / 100000 };
    return undefined;
  };
  const toPt = (s: { pct: number } | { pt: number } | undefined): number => (s === undefined ? 0 : 'pt' in s ? s.pt : s.pct * sizePt);

  const bulletEl = firstChild(chain, (p) => elements(p).find((c) => BULLETS.has(c.localName ?? '')));
  let bullet: LevelStyle['bullet'] = { kind: 'none' };
  if (bulletEl?.localName === 'buChar') bullet = { kind: 'char', char: bulletEl.getAttribute('char') || '•' };
  else if (bulletEl?.localName === 'buAutoNum') bullet = { kind: 'auto', scheme: bulletEl.getAttribute('type') || 'arabicPeriod' };
  else if (bulletEl?.localName === 'buBlip') bullet = { kind: 'char', char: '•' };

  const cap = firstAttr(runs, 'cap');
  const style: LevelStyle = {
    sizePt,
    font,
    bold: bool(firstAttr(runs, 'b')) ?? false,
    italic: bool(firstAttr(runs, 'i')) ?? false,
    color,
    align,
    marginIn: (num(firstAttr(chain, 'marL')) ?? 0) / EMU_PER_IN,
    indentIn: (num(firstAttr(chain, 'indent')) ?? 0) / EMU_PER_IN,
    lineSpacing: spacing('lnSpc') ?? { pct: 1 },
    spaceBeforePt: toPt(spacing('spcBef')),
    spaceAfterPt: toPt(spacing('spcAft')),
    bullet,
    caps: cap === 'all' || cap === 'small' ? cap : 'none',
  };
  if (eaFont) style.eaFont = eaFont;
  return style;
}

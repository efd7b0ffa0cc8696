// Choosing a layout for each slide by what the layouts offer — their placeholders' types, sizes and
// positions — never by their names, which may be in any language. Every layout is scored for a need;
// the best one wins, ties going to the earlier layout. Names count only when the user pins a layout.
import type { Box } from '../geometry.js';
import type { SlideKind } from '../model/types.js';
import { contrastRatio } from '../model/color.js';
import { editDistance } from '../outline/suggest.js';
import type { LayoutInfo, Placeholder, PlaceholderType, TemplateModel } from './model.js';
import { freeArea } from './area.js';
import { defaultBox } from './placeholders.js';

export type LayoutNeed = 'title-slide' | 'section' | 'one-content' | 'two-content' | 'visual' | 'title-only';

export const LAYOUT_NEEDS: readonly LayoutNeed[] = ['title-slide', 'section', 'one-content', 'two-content', 'visual', 'title-only'];

export const SLIDE_KIND_NEEDS: Record<SlideKind, LayoutNeed> = {
  title: 'title-slide',
  closing: 'title-slide',
  section: 'section',
  bullets: 'one-content',
  agenda: 'one-content',
  sources: 'one-content',
  'text-chart': 'two-content',
  chart: 'visual',
  image: 'visual',
  stats: 'title-only',
  table: 'title-only',
  timeline: 'title-only',
  quote: 'title-only',
};

export interface LayoutChoice {
  index: number;
  layout: LayoutInfo;
  /** title or ctrTitle. */
  title?: Placeholder;
  /**
   * Where `title` comes from: the layout's own placeholder (a slide inherits its box and style), the
   * master's title placeholder on a layout that has none (the slide must state the box), or made up
   * here from the master's title text style where no placeholder exists at all (Keynote exports).
   */
  titleSource?: 'layout' | 'master' | 'made';
  /** subTitle (title slide), or the body under the title (section header). */
  subtitle?: Placeholder;
  /** Text placeholders (body/obj) in reading order. */
  bodies: Placeholder[];
  /** A pic/chart/tbl/obj placeholder a chart or picture may fill. */
  visual?: Placeholder;
  /**
   * Free content area: the union of the layout's content placeholders, or the area below the title and
   * above the footer placeholders; never over the layout's or master's decorations (logos, bars).
   */
  area: Box;
  footer: { dt?: Placeholder; ftr?: Placeholder; sldNum?: Placeholder };
  /** Why this layout (for `briefdeck template` and warnings). */
  reason: string;
}

/** What one layout offers, sorted out once. */
interface Offer {
  index: number;
  layout: LayoutInfo;
  slide: { w: number; h: number };
  title?: Placeholder;
  subTitle?: Placeholder;
  /** Text placeholders a slide can address (body, obj), in reading order. */
  texts: Placeholder[];
  /** Placeholders a picture or chart can go in. */
  visuals: Placeholder[];
  /** Every content placeholder (not title, subtitle or footer), addressable or not. */
  content: Placeholder[];
  footer: LayoutChoice['footer'];
}

const FOOTER_TYPES = new Set<PlaceholderType>(['dt', 'ftr', 'sldNum']);
const VISUAL_TYPES = new Set<PlaceholderType>(['pic', 'chart', 'tbl', 'obj', 'media', 'clipArt', 'dgm']);
const TEXT_TYPES = new Set<PlaceholderType>(['body', 'obj']);

const areaOf = (b: Box): number => Math.max(0, b.w) * Math.max(0, b.h);

/** Reading order: rows top to bottom (boxes that overlap vertically by half share a row), then left to right. */
export function readingOrder(list: Placeholder[]): Placeholder[] {
  return [...list].sort((a, b) => {
    const overlap = Math.min(a.box.y + a.box.h, b.box.y + b.box.h) - Math.max(a.box.y, b.box.y);
    if (overlap > 0.5 * Math.min(a.box.h, b.box.h)) return a.box.x - b.box.x;
    return a.box.y - b.box.y;
  });
}

/** Offers by layout: the same for every need, so a template's layouts are sorted out once, not once a need. */
const offers = new WeakMap<LayoutInfo, Offer>();

function offerOf(t: TemplateModel, index: number): Offer {
  const layout = t.layouts[index]!;
  const known = offers.get(layout);
  if (known && known.index === index && known.slide === t.slideSize) return known;
  const made = makeOffer(t, index, layout);
  offers.set(layout, made);
  return made;
}

function makeOffer(t: TemplateModel, index: number, layout: LayoutInfo): Offer {
  const usable = layout.placeholders.filter((p) => !p.ambiguous);
  const title = usable.find((p) => p.type === 'title' && !p.vertical) ?? usable.find((p) => p.type === 'ctrTitle' && !p.vertical);
  const subTitle = usable.find((p) => p.type === 'subTitle');
  const content = layout.placeholders.filter((p) => p.type !== 'title' && p.type !== 'ctrTitle' && p.type !== 'subTitle' && !FOOTER_TYPES.has(p.type) && p.type !== 'hdr' && p.type !== 'sldImg');
  const footer: LayoutChoice['footer'] = {};
  for (const p of usable) {
    if (p.type === 'dt') footer.dt ??= p;
    else if (p.type === 'ftr') footer.ftr ??= p;
    else if (p.type === 'sldNum') footer.sldNum ??= p;
  }
  const offer: Offer = {
    index,
    layout,
    slide: t.slideSize,
    texts: readingOrder(content.filter((p) => !p.ambiguous && TEXT_TYPES.has(p.type) && !p.vertical)),
    visuals: content.filter((p) => !p.ambiguous && VISUAL_TYPES.has(p.type)),
    content,
    footer,
  };
  if (title) offer.title = title;
  if (subTitle) offer.subTitle = subTitle;
  return offer;
}

interface Scored {
  score: number;
  reason: string;
  subtitle?: Placeholder;
  bodies: Placeholder[];
  visual?: Placeholder;
  /** Placeholders whose union is the content area (none: the area below the title). */
  areaFrom: Placeholder[];
}

const ph = (p: Placeholder): string => `${p.type}#${p.idx}`;

/** Scores one layout for one need; higher is better, and any layout can serve at some score. */
function score(o: Offer, need: LayoutNeed): Scored {
  const slideArea = o.slide.w * o.slide.h;
  const frac = (p: Placeholder): number => areaOf(p.box) / slideArea;
  const large = (p: Placeholder): boolean => frac(p) >= 0.16 && p.box.h >= o.slide.h * 0.25;
  const largeTexts = o.texts.filter(large);
  const smallTexts = o.texts.filter((p) => !large(p));
  const largeContent = o.content.filter(large);
  const title = o.title;
  const isCtr = title?.type === 'ctrTitle';
  const titleTop = title !== undefined && title.box.y + title.box.h / 2 < o.slide.h * 0.3;
  const above = (p: Placeholder): boolean => title !== undefined && title.box.y + title.box.h <= p.box.y + p.box.h * 0.25;
  const type = o.layout.type;
  const out = (s: number, reason: string, extra: Partial<Scored> = {}): Scored => ({ score: s, reason, bodies: [], areaFrom: [], ...extra });

  if (!title) {
    // A layout without a title placeholder still serves: the title is set in the master's title style.
    const free = o.content.length === 0 ? 12 : 8;
    return out(free, 'no layout offers a title placeholder for this; the title takes the master\'s title style', { bodies: largeTexts.slice(0, 1) });
  }

  switch (need) {
    case 'title-slide': {
      if (isCtr && o.subTitle) return out(100 + (type === 'title' ? 5 : 0) - 3 * largeContent.length, `centred title ${ph(title)} and subtitle ${ph(o.subTitle)}`, { subtitle: o.subTitle });
      if (isCtr) return out(85 - 3 * largeContent.length, `centred title ${ph(title)}`, smallTexts[0] ? { subtitle: smallTexts[0] } : {});
      if (o.subTitle) return out(80 - 3 * largeContent.length, `title ${ph(title)} and subtitle ${ph(o.subTitle)}`, { subtitle: o.subTitle });
      if (smallTexts.length >= 1 && largeContent.length === 0) return out(55, `title ${ph(title)} with ${ph(smallTexts[0]!)} as subtitle`, { subtitle: smallTexts[0]! });
      if (o.content.length === 0) return out(titleTop ? 30 : 45, `title ${ph(title)} only`);
      return out(25, `title ${ph(title)}; its content placeholders stay empty`);
    }
    case 'section': {
      const near = nearest(title, o.texts);
      if (type === 'secHead') return out(100, `section header: title ${ph(title)}${near ? ` and ${ph(near)}` : ''}`, near ? { subtitle: near } : {});
      if (!isCtr && smallTexts.length === 1 && largeContent.length === 0 && !o.subTitle) return out(85, `title ${ph(title)} with one short text ${ph(smallTexts[0]!)}`, { subtitle: smallTexts[0]! });
      if (!isCtr && o.subTitle && largeContent.length === 0) return out(70, `title ${ph(title)} and subtitle ${ph(o.subTitle)}`, { subtitle: o.subTitle });
      if (isCtr && o.subTitle) return out(60, `centred title ${ph(title)} and subtitle ${ph(o.subTitle)}`, { subtitle: o.subTitle });
      if (isCtr) return out(55, `centred title ${ph(title)}`);
      if (o.content.length === 0) return out(titleTop ? 40 : 50, `title ${ph(title)} only`);
      return out(30, `title ${ph(title)}; its content placeholders stay empty`);
    }
    case 'one-content': {
      const main = largest(largeTexts);
      if (main && largeTexts.length === 1) {
        const s = 100 + 20 * frac(main) + (type === 'obj' || type === 'tx' ? 5 : 0) - 6 * smallTexts.length - (o.subTitle ? 10 : 0) - (isCtr ? 15 : 0) - (above(main) ? 0 : 25) - 20 * (largeContent.length - 1);
        return out(s, `title ${ph(title)} and one content placeholder ${ph(main)} (${pct(frac(main))} of the slide)`, { bodies: [main], areaFrom: [main], ...(main.type === 'obj' ? { visual: main } : {}) });
      }
      if (main) return out(45, `title ${ph(title)} and ${largeTexts.length} content placeholders; the first, ${ph(largeTexts[0]!)}, takes the text`, { bodies: [largeTexts[0]!], areaFrom: [largeTexts[0]!] });
      if (largeContent.length === 0) return out(50 - (isCtr ? 15 : 0) + (titleTop ? 0 : -20), `title ${ph(title)} only: the text goes in the area below it`);
      return out(35, `title ${ph(title)}; the content goes over its ${ph(largeContent[0]!)} area`, { areaFrom: largeContent });
    }
    case 'two-content': {
      const largeVisuals = o.visuals.filter((p) => large(p) && !TEXT_TYPES.has(p.type));
      const pair = sideBySide([...largeTexts, ...largeVisuals]);
      if (pair && pair.some((p) => TEXT_TYPES.has(p.type))) {
        const texts = pair.filter((p) => TEXT_TYPES.has(p.type));
        // The chart goes in the right-hand placeholder unless only the left one can hold a picture.
        const visual = !TEXT_TYPES.has(pair[1].type) || pair[1].type === 'obj' ? pair[1] : !TEXT_TYPES.has(pair[0].type) ? pair[0] : undefined;
        const extra = largeTexts.length + largeVisuals.length - 2;
        const s = 100 + (type === 'twoObj' ? 5 : 0) + (visual && !TEXT_TYPES.has(visual.type) ? 3 : 0) - 10 * smallTexts.length - 8 * extra - (isCtr ? 15 : 0) - (above(pair[0]) ? 0 : 25);
        return out(s, `title ${ph(title)} and two content placeholders side by side, ${ph(pair[0])} and ${ph(pair[1])}`, { bodies: texts, areaFrom: [...pair], ...(visual ? { visual } : {}) });
      }
      if (largeTexts.length >= 2) {
        const [a, b] = readingOrder(largeTexts);
        return out(60, `title ${ph(title)} and two content placeholders, ${ph(a!)} above ${ph(b!)}`, { bodies: [a!, b!], areaFrom: [a!, b!], ...(b!.type === 'obj' ? { visual: b! } : {}) });
      }
      const main = largest(largeTexts);
      if (main) return out(50, `no layout has two content placeholders; ${ph(main)}'s area is shared by the text and the chart`, { bodies: [main], areaFrom: [main] });
      if (largeContent.length === 0) return out(40 + (titleTop ? 0 : -20), `title ${ph(title)} only: text and chart share the area below it`);
      return out(30, `title ${ph(title)}; text and chart share its content area`, { areaFrom: largeContent });
    }
    case 'visual': {
      const visuals = o.visuals.filter(large);
      const best = largest(visuals.filter((p) => p.type === 'pic' || p.type === 'chart')) ?? largest(visuals.filter((p) => p.type === 'obj')) ?? largest(visuals);
      if (best) {
        // A chart wants room: the placeholder's share of the slide counts for as much as its type.
        const base = best.type === 'pic' || best.type === 'chart' ? 70 : best.type === 'obj' ? 65 : 55;
        const s = base + 40 * frac(best) - 25 * (largeContent.length - 1) - 4 * smallTexts.length - (above(best) ? 0 : 30) - (isCtr ? 15 : 0);
        return out(s, `title ${ph(title)} and a ${best.type} placeholder ${ph(best)} (${pct(frac(best))} of the slide)`, { visual: best, bodies: o.texts.filter((p) => p !== best), areaFrom: [best] });
      }
      if (largeContent.length === 0) return out(82 - (isCtr ? 15 : 0) + (titleTop ? 0 : -30), `title ${ph(title)} only: the picture goes in the area below it`);
      const main = largest(largeTexts);
      if (main) return out(60 - 25 * (largeContent.length - 1), `title ${ph(title)}; the picture goes over the text placeholder ${ph(main)}'s area`, { areaFrom: [main] });
      return out(30, `title ${ph(title)}; the picture goes over its content area`, { areaFrom: largeContent });
    }
    case 'title-only': {
      const penalty = (isCtr ? 50 : 0) + (titleTop ? 0 : 40) + (o.subTitle ? 20 : 0);
      if (o.content.length === 0) return out(100 + (type === 'titleOnly' ? 5 : 0) - penalty, `title ${ph(title)} and no other placeholder`);
      if (largeContent.length > 0) {
        return out(75 - 5 * (largeContent.length - 1) - penalty, `title ${ph(title)}; its content placeholders stay empty and the content goes over their area`, { areaFrom: largeContent });
      }
      return out(100 - 4 * o.content.length - penalty, `title ${ph(title)}; its small placeholders stay empty`);
    }
  }
}

const pct = (f: number): string => `${Math.round(f * 100)}%`;

function largest(list: Placeholder[]): Placeholder | undefined {
  let best: Placeholder | undefined;
  for (const p of list) if (!best || areaOf(p.box) > areaOf(best.box) * 1.02) best = p;
  return best;
}

/** The text placeholder closest to the title (a section header's line under or over it). */
function nearest(title: Placeholder, list: Placeholder[]): Placeholder | undefined {
  const centre = (b: Box): [number, number] => [b.x + b.w / 2, b.y + b.h / 2];
  const [tx, ty] = centre(title.box);
  let best: Placeholder | undefined;
  let bestD = Infinity;
  for (const p of list) {
    const [x, y] = centre(p.box);
    const d = Math.hypot(x - tx, y - ty);
    if (d < bestD) [best, bestD] = [p, d];
  }
  return best;
}

/** The two largest placeholders that stand side by side (one row, similar heights), left first. */
function sideBySide(list: Placeholder[]): [Placeholder, Placeholder] | undefined {
  const sorted = [...list].sort((a, b) => areaOf(b.box) - areaOf(a.box));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      const overlapY = Math.min(a.box.y + a.box.h, b.box.y + b.box.h) - Math.max(a.box.y, b.box.y);
      const overlapX = Math.min(a.box.x + a.box.w, b.box.x + b.box.w) - Math.max(a.box.x, b.box.x);
      if (overlapY > 0.6 * Math.min(a.box.h, b.box.h) && overlapX <= 0.05 * Math.min(a.box.w, b.box.w)) return a.box.x <= b.box.x ? [a, b] : [b, a];
    }
  }
  return undefined;
}

/** Adjustments that hold for every need: the first master first, light layouts for content, real layouts before made ones. */
function adjust(o: Offer, need: LayoutNeed, s: number): number {
  let v = s;
  if (o.layout.master > 0) v -= 8;
  const content = need !== 'title-slide' && need !== 'section';
  if (content && o.layout.dark) v -= 12;
  if (o.layout.synthetic) v -= 3;
  // Templates put their title layout first; among layouts that offer nothing, that is the only hint.
  if (need === 'title-slide' && o.index === 0) v += 2;
  return v;
}

function describe(t: TemplateModel, index: number, need: LayoutNeed): LayoutChoice & { score: number } {
  const o = offerOf(t, index);
  const s = score(o, need);
  const choice: LayoutChoice & { score: number } = {
    index,
    layout: o.layout,
    bodies: s.bodies,
    area: { x: 0, y: 0, w: 0, h: 0 },
    footer: { ...o.footer },
    reason: s.reason,
    score: adjust(o, need, s.score),
  };
  if (o.title) {
    choice.title = o.title;
    choice.titleSource = 'layout';
  } else {
    const fromMaster = masterTitle(t, o.layout);
    if (fromMaster) {
      choice.title = fromMaster.placeholder;
      choice.titleSource = fromMaster.source;
    }
  }
  // A title the slide places itself (the layout has none) sits where a title slide's or section's
  // would: in the upper middle, its text on the bottom line, not at the top like a content title.
  if (choice.title && choice.titleSource !== 'layout' && (need === 'title-slide' || need === 'section')) {
    const h = t.slideSize.h;
    choice.title = { ...choice.title, box: { x: choice.title.box.x, y: h * 0.26, w: choice.title.box.w, h: h * 0.26 }, anchor: 'b' };
  }
  if (s.subtitle) choice.subtitle = s.subtitle;
  if (s.visual) choice.visual = s.visual;
  const master = t.masters[o.layout.master];
  const textHex = (s.bodies[0] ?? o.texts[0] ?? master?.placeholders.find((p) => p.type === 'body'))?.levels[0]?.color.hex ?? master?.textStyles.body[0]?.color.hex;
  const { area, coverage } = freeArea(t, o.layout, { title: choice.title, textHex, from: s.areaFrom, footer: Object.values(o.footer) });
  choice.area = area;
  // Room half covered by bars or logos serves content worse than clear room.
  if (need !== 'title-slide' && need !== 'section') choice.score -= 30 * (1 - coverage);
  // A title that would vanish into what is behind it (white on white, where the template expects a photo).
  if (choice.title && choice.titleSource !== 'made') {
    const behind = choice.title.fill ?? backdropAt(o.layout, choice.title.box);
    const hex = choice.title.levels[0]?.color.hex;
    if (hex && contrastRatio(hex, behind) < 2) {
      // Any readable title is better than an invisible one.
      choice.score -= 80;
      choice.reason += '; its title colour barely shows on the background';
    }
  }
  return choice;
}

/** What the centre of `box` shows: the last (topmost) decoration with a known colour over it, else the background. */
function backdropAt(layout: LayoutInfo, box: Box): string {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  let hex = layout.background.hex;
  for (const d of layout.decorations) {
    if (d.hex && cx >= d.box.x && cx <= d.box.x + d.box.w && cy >= d.box.y && cy <= d.box.y + d.box.h) hex = d.hex;
  }
  return hex;
}

/** For a layout with no title placeholder: the master's, or one made from the master's title style. */
function masterTitle(t: TemplateModel, layout: LayoutInfo): { placeholder: Placeholder; source: 'master' | 'made' } | undefined {
  const master = t.masters[layout.master];
  if (!master) return undefined;
  const own = master.placeholders.find((p) => p.type === 'title' && !p.ambiguous);
  if (own) return { placeholder: own, source: 'master' };
  return {
    source: 'made',
    placeholder: {
      type: 'title',
      idx: 0,
      ambiguous: false,
      name: 'Title',
      box: defaultBox('title', t.slideSize),
      insets: { l: 0.1, t: 0.05, r: 0.1, b: 0.05 },
      anchor: 'b',
      autofit: 'none',
      wrap: true,
      vertical: false,
      levels: master.textStyles.title.map((l) => ({ ...l })),
    },
  };
}

/**
 * The winning layout's index by need, per model: a deck asks for the same need on many slides, and a
 * template with 68 layouts cost a third of a second scoring them all again for each slide. A model is
 * not changed once read (the read is cached and shared by every build on it).
 */
const winners = new WeakMap<TemplateModel, Map<LayoutNeed, number>>();

/** The layout that serves `need` best. Never fails: every template has at least one layout. */
export function chooseLayout(t: TemplateModel, need: LayoutNeed): LayoutChoice {
  let known = winners.get(t);
  if (!known) winners.set(t, (known = new Map()));
  const won = known.get(need);
  // Described afresh, so that every caller gets objects of its own, as before.
  if (won !== undefined) return withoutScore(describe(t, won, need));
  let best: (LayoutChoice & { score: number }) | undefined;
  for (let i = 0; i < t.layouts.length; i++) {
    const c = describe(t, i, need);
    if (!best || c.score > best.score) best = c;
  }
  if (!best) throw new Error('internal: a template model without layouts');
  known.set(need, best.index);
  return withoutScore(best);
}

function withoutScore(c: LayoutChoice & { score: number }): LayoutChoice {
  const { score: _score, ...choice } = c;
  return choice;
}

/** Layout names compared as a user types them: case, spaces and line breaks do not count. */
const normal = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s\u00AD]+/g, '');

/**
 * A layout the user pinned by name: the exact name, then the name ignoring case and spaces, then the
 * English name its type stands for (`matchingName`, "Title and Content" for a German "Titel und Inhalt").
 * On the first master first. Described for `need` when given.
 */
export function layoutByName(t: TemplateModel, name: string, need: LayoutNeed = 'one-content'): LayoutChoice | { error: string; hint: string } {
  const found =
    t.layouts.findIndex((l) => l.name === name) >= 0
      ? t.layouts.findIndex((l) => l.name === name)
      : t.layouts.findIndex((l) => normal(l.name) === normal(name)) >= 0
        ? t.layouts.findIndex((l) => normal(l.name) === normal(name))
        : t.layouts.findIndex((l) => l.matchingName !== undefined && normal(l.matchingName) === normal(name));
  if (found >= 0) {
    const { score: _score, ...choice } = describe(t, found, need);
    return { ...choice, reason: `pinned by name: ${choice.reason}` };
  }
  const names = [...new Set(t.layouts.map((l) => l.name))];
  const target = normal(name);
  const nearest = names
    .map((n, i) => ({ n, i, d: editDistance(target, normal(n)) / Math.max(1, Math.max(target.length, normal(n).length)) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => `"${x.n.replace(/\s+/g, ' ')}"`);
  const shown = nearest.slice(0, 12);
  return {
    error: `the template has no layout named "${name}"`,
    hint: `use one of its layouts: ${shown.join(', ')}${nearest.length > shown.length ? `, … (${nearest.length - shown.length} more; \`briefdeck template FILE\` lists them all)` : ''}`,
  };
}

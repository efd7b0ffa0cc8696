// Deck → PlacedDeck: each slide on the template layout that serves its kind, the content chrome (title,
// notes strip, footer) plus the layout of its kind. Fitting warnings are located at the slide's line in
// the outline.
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import { punctuationFor } from '../model/labels.js';
import type { Deck, Slide, Theme } from '../model/types.js';
import { objectId } from '../object-id.js';
import { builtinTemplate } from '../template/builtin.js';
import type { TemplateModel } from '../template/model.js';
import { chooseLayout, LAYOUT_NEEDS, layoutByName, SLIDE_KIND_NEEDS, type LayoutChoice, type LayoutNeed } from '../template/choose.js';
import { remember } from '../bounded-cache.js';
import { contentKey } from './content-key.js';
import type { LayoutContext } from './context.js';
import { MAX_SLIDES } from '../limits.js';
import { fewestParts, paginate } from './continue.js';
import { lineHeightOf } from './measure.js';
import type { PlacedDeck, PlacedElement, PlacedFooter, PlacedSlide } from './placed.js';
import { contentChrome } from './slides/chrome.js';
import { chooseTypeScale, type TypeScale } from './type-scale.js';
import { BODY_LAYOUTS, FEATURE_KINDS, layoutFeature } from './slides/index.js';

export function layoutDeck(deck: Deck, diags: Diagnostics): PlacedDeck {
  // First every slide at the largest size that fits it, to choose the deck's type scale; then the deck
  // on that scale (on the built-in template, its master then sets those sizes, so the slides inherit).
  const first = deck.template ?? builtinFor(deck.theme, deck.theme.faces);
  const laid = { deck, key: contentKey([deck.theme, deck.meta, deck.labels, deck.sources]) };
  try {
    const measured = placeAll(laid, first, undefined, new Diagnostics());
    const scale = measured ? chooseTypeScale(measured, deck.theme.sizes.body) : undefined;
    const template = deck.template ?? (scale ? builtinFor(scaledTheme(deck.theme, scale), deck.theme.faces) : first);
    const slides = placeAll(laid, template, scale, diags) ?? [];
    return { title: deck.meta.title, language: deck.meta.language, template, slides };
  } finally {
    // What this build used is kept for the next; what the build before used and this one did not, dropped.
    lastBuild = placedSlides;
    placedSlides = new Map();
  }
}

// The built-in template of a theme, kept: the same object every rebuild, so that slides laid out on it
// can be reused (placedSlides) and layout choices on it are made once (choices).
const builtins = new Map<string, TemplateModel>();

function builtinFor(theme: Theme, faces: Theme['faces']): TemplateModel {
  const make = () => builtinTemplate(theme, (face) => lineHeightOf(face, faces));
  const key = contentKey(theme);
  return key === undefined ? make() : remember(builtins, key, 8, make);
}

/** A deck with the content key of everything deck-wide that a slide's layout reads. */
interface Laid {
  deck: Deck;
  key: string | undefined;
}

/** The deck's slides, continued where they must be, laid out on `template` at `scale`. */
function placeAll(laid: Laid, template: TemplateModel, scale: TypeScale | undefined, diags: Diagnostics): PlacedSlide[] | undefined {
  const { deck } = laid;
  const place = (slide: Slide, number: number, out: Diagnostics) => placeSlide(laid, template, slide, number, out, scale);
  const fits = (slide: Slide) =>
    place(slide, 0, new Diagnostics()).elements.every((e) => (e.type === 'text' || e.type === 'table' ? e.fits && (e.type === 'table' || e.scaled !== 'body' || scale?.body === undefined || e.sizePt >= scale.body) : true));
  const pages = paginateAll(deck, template, fits, diags);
  if (!pages) return undefined;
  const notes = pages.map(() => new Diagnostics());
  const placed = pages.map((slide, i) => place(slide, i + 1, notes[i]!));
  // A slide and its "(cont.)" slides share their sizes: the smallest that any of them needed.
  for (const group of continuedGroups(pages)) {
    const sizes = (role: 'title' | 'body') => group.flatMap((i) => placed[i]!.elements.flatMap((e) => (e.type === 'text' && e.role === role ? [e.sizePt] : [])));
    const titles = sizes('title');
    const bodies = sizes('body');
    if (new Set(titles).size <= 1 && new Set(bodies).size <= 1) continue;
    const shared: TypeScale = { titles: titles.length ? [Math.min(...titles)] : (scale?.titles ?? []), ...(bodies.length ? { body: Math.min(...bodies) } : {}) };
    for (const i of group) {
      notes[i] = new Diagnostics();
      placed[i] = placeSlide(laid, template, pages[i]!, i + 1, notes[i]!, shared);
    }
  }
  for (const n of notes) diags.list.push(...n.list);
  return placed;
}

/** Indexes of the pages of each outline slide that was continued over several. */
function continuedGroups(pages: Slide[]): number[][] {
  const groups = new Map<number, number[]>();
  pages.forEach((p, i) => {
    if (p.part === undefined) return;
    const g = groups.get(p.index) ?? [];
    g.push(i);
    groups.set(p.index, g);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A built-in theme whose largest title and body sizes are the deck's scale. */
function scaledTheme(theme: Theme, scale: TypeScale): Theme {
  const title = scale.titles[0] ?? theme.sizes.title[1];
  const body = scale.body ?? theme.sizes.body[1];
  return { ...theme, sizes: { ...theme.sizes, title: [Math.min(theme.sizes.title[0], title), title], body: [Math.min(theme.sizes.body[0], body), body] } };
}

// Slides laid out before, by everything their layout reads (the slide, its number, the template, the
// type scale, the deck's theme, meta, labels and sources): a rebuild after a text edit lays out again
// only the slide it changed, and every slide when the edit changes the type scale. Kept for one build
// more than they were last used, so that what is kept is at most two builds' slides (a watched deck's
// replaced pictures are not held). A placed slide is never changed after layout: one object serves
// several builds.
type Kept = { placed: PlacedSlide; diagnostics: Diagnostic[] };
let placedSlides = new Map<string, Kept>();
/** Both passes and the pagination checks of the largest deck, with room to spare. */
const KEPT_PER_BUILD = 4 * MAX_SLIDES;
let lastBuild = new Map<string, Kept>();
const slideKeys = new WeakMap<Slide, string | undefined>();

/** How many placed slides are kept (for the test that they are bounded). */
export function keptSlides(): number {
  return placedSlides.size + lastBuild.size;
}

function placeSlide(laid: Laid, template: TemplateModel, slide: Slide, number: number, diags: Diagnostics, scale: TypeScale | undefined): PlacedSlide {
  let content = slideKeys.get(slide);
  if (content === undefined && !slideKeys.has(slide)) {
    content = contentKey(slide);
    slideKeys.set(slide, content);
  }
  if (laid.key === undefined || content === undefined) return layoutSlide(laid.deck, template, slide, number, diags, scale);
  const id = objectId(template);
  const key = `${id}|${number}|${contentKey(scale)}|${laid.key}|${content}`;
  let hit = placedSlides.get(key) ?? lastBuild.get(key);
  if (!hit) {
    const own = new Diagnostics();
    hit = { placed: layoutSlide(laid.deck, template, slide, number, own, scale), diagnostics: own.list };
  }
  if (placedSlides.size < KEPT_PER_BUILD) placedSlides.set(key, hit);
  for (const d of hit.diagnostics) diags.list.push({ ...d });
  return hit.placed;
}

function layoutSlide(deck: Deck, template: TemplateModel, slide: Slide, number: number, diags: Diagnostics, scale?: TypeScale): PlacedSlide {
  const choice = layoutFor(template, slide, diags);
  const ctx: LayoutContext = { theme: deck.theme, meta: deck.meta, labels: deck.labels, template, choice, diags, k: template.slideSize.w / 13.333, number, slide, ...(scale ? { scale } : {}) };
  let elements: PlacedElement[];
  let footer: PlacedFooter;
  if (FEATURE_KINDS.has(slide.kind)) {
    elements = layoutFeature(ctx, slide as Parameters<typeof layoutFeature>[1]);
    footer = { number: false };
  } else {
    const chrome = contentChrome(ctx, deck.sources);
    const layout = BODY_LAYOUTS[slide.kind as keyof typeof BODY_LAYOUTS] as (c: LayoutContext, s: Slide, b: typeof chrome.body, src: Deck['sources']) => PlacedElement[];
    elements = [...chrome.head, ...layout(ctx, slide, chrome.body, deck.sources), ...chrome.tail];
    footer = chrome.footer;
  }
  // Decoration first: it is drawn underneath and screen readers skip it, so the title is read first.
  elements = [...elements.filter(isDecoration), ...elements.filter((e) => !isDecoration(e))];
  const placed: PlacedSlide = {
    number,
    kind: slide.kind,
    title: slide.title,
    layout: choice.index,
    background: choice.layout.background.hex,
    elements,
    footer,
    span: slide.span,
  };
  if (slide.notes !== undefined) placed.notes = slide.notes;
  return placed;
}

const isDecoration = (e: PlacedElement): boolean => e.type === 'rect' || e.type === 'line';

/** The layout the outline pins for the slide, when the template has it; else the one that serves its kind best. */
function layoutFor(template: TemplateModel, slide: Slide, diags: Diagnostics): LayoutChoice {
  const need = SLIDE_KIND_NEEDS[slide.kind];
  const pin = slide.layoutPin;
  if (pin) {
    const pinned = layoutByName(template, pin.name, need);
    if (!('error' in pinned)) return pinned;
    // Once per outline slide, not again for each of its "(cont.)" parts.
    if ((slide.part ?? 1) === 1) diags.error('unknown-layout', `${pinned.error}${template.builtin ? ' (the built-in template)' : ` (${template.name})`}`, { span: pin.span, path: pin.path, hint: pinned.hint });
  }
  let byNeed = choices.get(template);
  if (!byNeed) choices.set(template, (byNeed = new Map()));
  return remember(byNeed, need, LAYOUT_NEEDS.length, () => chooseLayout(template, need));
}

// chooseLayout depends on the template and the need alone, and a choice is only read.
const choices = new WeakMap<TemplateModel, Map<LayoutNeed, LayoutChoice>>();

/**
 * Every slide with its continuation slides, within MAX_SLIDES: a cheap lower bound is checked first, so
 * that 2,000 long tables are refused at once rather than after minutes of measuring.
 */
function paginateAll(deck: Deck, template: TemplateModel, fits: (s: Slide) => boolean, diags: Diagnostics): Slide[] | undefined {
  const tooMany = (slide: Slide, count: string): undefined => {
    diags.error('too-many-slides', `with its continuation slides the deck has ${count} slides by this one; at most ${MAX_SLIDES.toLocaleString('en-US')} are allowed`, {
      path: `slides[${slide.index}]`,
      span: slide.span,
      hint: 'show fewer rows or points (a CSV file with the rows the audience needs), or use `overflow: shrink` on the long slides',
    });
    return undefined;
  };
  let least = 0;
  for (const slide of deck.slides) {
    least += fewestParts(slide, deck.theme, template.slideSize.h);
    if (least > MAX_SLIDES) return tooMany(slide, `at least ${least.toLocaleString('en-US')}`);
  }
  const { space } = punctuationFor(deck.meta.language);
  const continued = (title: string) => `${title}${space}${deck.labels.continued}`;
  const pages: Slide[] = [];
  for (const slide of deck.slides) {
    pages.push(...paginate(slide, fits, continued));
    if (pages.length > MAX_SLIDES) return tooMany(slide, pages.length.toLocaleString('en-US'));
  }
  return pages;
}

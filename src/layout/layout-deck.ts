// Deck → PlacedDeck: the content chrome plus the layout of each slide's kind. Fitting warnings are
// located at the slide's line in the outline.
import type { Diagnostics } from '../diagnostics.js';
import type { Deck, Slide } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { paginate } from './continue.js';
import type { PlacedDeck, PlacedElement, PlacedSlide } from './placed.js';
import { contentChrome } from './slides/chrome.js';
import { BODY_LAYOUTS, layoutFeature } from './slides/index.js';

export function layoutDeck(deck: Deck, diags: Diagnostics): PlacedDeck {
  const pages = deck.slides.flatMap((slide) => paginate(slide, deck.theme));
  const slides = pages.map((slide, i): PlacedSlide => {
    const ctx: LayoutContext = { theme: deck.theme, meta: deck.meta, diags, number: i + 1, slide };
    let elements: PlacedElement[];
    let master: PlacedSlide['master'];
    if (slide.kind === 'title' || slide.kind === 'section' || slide.kind === 'closing') {
      master = 'feature';
      elements = layoutFeature(ctx, slide);
    } else {
      master = 'content';
      const chrome = contentChrome(ctx, deck.sources);
      const layout = BODY_LAYOUTS[slide.kind] as (c: LayoutContext, s: Slide, b: typeof chrome.body, src: Deck['sources']) => PlacedElement[];
      elements = [...chrome.elements, ...layout(ctx, slide, chrome.body, deck.sources)];
    }
    const background = master === 'feature' ? deck.theme.colors.sectionBackground : deck.theme.colors.background;
    const placed: PlacedSlide = { number: i + 1, kind: slide.kind, title: slide.title, master, background, elements, span: slide.span };
    if (slide.notes !== undefined) placed.notes = slide.notes;
    return placed;
  });
  return { title: deck.meta.title, slides };
}

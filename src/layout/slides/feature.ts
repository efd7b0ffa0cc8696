// Title, section and closing slides: the dark "feature" master, big type, a left accent bar.
import type { Slide } from '../../model/types.js';
import { para, placeText, type LayoutContext } from '../context.js';
import { CONTENT_W, MARGIN_X } from '../grid.js';
import type { PlacedElement } from '../placed.js';

type FeatureSlide = Extract<Slide, { kind: 'title' | 'section' | 'closing' }>;

export function layoutFeature(ctx: LayoutContext, slide: FeatureSlide): PlacedElement[] {
  const { colors, sizes } = ctx.theme;
  const x = MARGIN_X + 0.45;
  const w = CONTENT_W - 0.9;
  const big = slide.kind === 'title' ? ([36, 54] as const) : ([32, 48] as const);
  const elements: PlacedElement[] = [
    { type: 'rect', box: { x: MARGIN_X, y: 2.0, w: 0.12, h: 3.2 }, fill: colors.accent2, decoration: true },
    placeText(ctx, {
      role: 'title',
      box: { x, y: 1.9, w, h: 2.0 },
      paragraphs: [para(slide.title)],
      color: colors.sectionText,
      range: big,
      bold: true,
      valign: 'bottom',
      maxLinesPerParagraph: 3,
      what: 'the title',
    }),
  ];
  if (slide.subtitle) {
    elements.push(
      placeText(ctx, {
        role: 'subtitle',
        box: { x, y: 4.05, w, h: 1.0 },
        paragraphs: [para(slide.subtitle)],
        color: colors.sectionText,
        range: [sizes.body[0] + 2, sizes.body[1] + 4],
        valign: 'top',
        what: 'the subtitle',
      }),
    );
  }
  const small = slide.kind === 'title' ? slide.byline : slide.kind === 'closing' ? slide.contact : undefined;
  if (small) {
    elements.push(
      placeText(ctx, {
        role: 'caption',
        box: { x, y: 5.35, w, h: 0.6 },
        paragraphs: [para(small)],
        color: colors.sectionText,
        range: [14, 18],
        valign: 'top',
        what: slide.kind === 'title' ? 'the byline' : 'the contact line',
      }),
    );
  }
  return elements;
}

// Title, section and closing slides: the title in the layout's (centre) title placeholder, the subtitle
// in its subtitle placeholder, the byline or contact line in a further text placeholder where the layout
// has one. On the built-in template an accent bar runs beside the title block, as tall as it is.
import type { Slide } from '../../model/types.js';
import type { Placeholder } from '../../template/model.js';
import { para, placeText, sized, type LayoutContext } from '../context.js';
import type { PlacedElement, PlacedText } from '../placed.js';
import type { Box } from '../units.js';
import { readableTitleColor, withColor } from '../title-color.js';
import { titlePlaceholder } from './chrome.js';

type FeatureSlide = Extract<Slide, { kind: 'title' | 'section' | 'closing' }>;

const BAR_W = 0.12;

export function layoutFeature(ctx: LayoutContext, slide: FeatureSlide): PlacedElement[] {
  const { colors, sizes } = ctx.theme;
  const { choice } = ctx;
  const titlePh = titlePlaceholder(ctx);
  const big = sized(ctx, slide.kind === 'section' ? [32, 48] : [36, 54]);
  const texts: PlacedText[] = [];
  const title = titlePh
    ? placeText(ctx, { role: 'title', placeholder: titlePh.ph, inherits: titlePh.inherits, ...withColor(readableTitleColor(ctx, titlePh.ph)), paragraphs: [para(slide.title)], range: big, maxLinesPerParagraph: 3, what: 'the title' })
    : undefined;
  if (title) texts.push(title);

  // The subtitle placeholder, then any text placeholder left over for the small line.
  const subtitlePh = choice.subtitle;
  // A further text placeholder of the layout, below the subtitle, for the byline or contact line.
  const spare = choice.layout.placeholders.filter(
    (p) => (p.type === 'body' || p.type === 'obj') && !p.ambiguous && p !== subtitlePh && p.box.h >= 0.3 && (!subtitlePh || p.box.y >= subtitlePh.box.y + subtitlePh.box.h - 0.05),
  );
  // Under a box, or under the text of a top-anchored one (a tall subtitle placeholder holds one line),
  // and never past the slide's foot.
  const below = (b: Box, text?: PlacedText): Box => {
    const used = text && text.valign === 'top' ? Math.min(b.h, text.neededH + 0.1 * ctx.k) : b.h;
    const h = 0.8 * ctx.k;
    return { x: b.x, y: Math.min(b.y + used + 0.15 * ctx.k, ctx.template.slideSize.h - h - 0.3 * ctx.k), w: b.w, h };
  };
  if (slide.subtitle) {
    const box = subtitlePh?.box ?? (title ? below(title.box) : undefined);
    if (box) {
      texts.push(
        placeText(ctx, {
          role: 'subtitle',
          ...(subtitlePh ? { placeholder: subtitlePh } : { box, color: title?.color ?? colors.sectionText }),
          paragraphs: [para(slide.subtitle)],
          range: [sizes.body[0] + 2, sizes.body[1] + 4],
          valign: 'top',
          what: 'the subtitle',
        }),
      );
    }
  }
  const small = slide.kind === 'title' ? slide.byline : slide.kind === 'closing' ? slide.contact : undefined;
  if (small) {
    const ph: Placeholder | undefined = spare[0];
    const last = texts[texts.length - 1];
    const box = ph?.box ?? (last ? below(last.box, last) : undefined);
    if (box) {
      texts.push(
        placeText(ctx, {
          role: 'caption',
          ...(ph ? { placeholder: ph } : { box, color: last?.color ?? colors.sectionText }),
          paragraphs: [para(small)],
          range: sized(ctx, [14, 18]),
          valign: 'top',
          what: slide.kind === 'title' ? 'the byline' : 'the contact line',
        }),
      );
    }
  }

  const elements: PlacedElement[] = [];
  if (ctx.template.builtin && title) {
    // As tall as the title block: from the title's first line to the subtitle's last.
    const lastText = texts[texts.length > 1 && slide.kind !== 'section' ? 1 : texts.length - 1]!;
    const top = title.box.y + title.box.h - title.neededH;
    const bottom = lastText === title ? title.box.y + title.box.h : lastText.box.y + Math.min(lastText.box.h, lastText.neededH);
    elements.push({ type: 'rect', box: { x: title.box.x - 0.45, y: top, w: BAR_W, h: bottom - top }, fill: colors.accent2, decoration: true });
  }
  return [...elements, ...texts];
}

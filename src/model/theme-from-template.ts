// The deck's colours, fonts and sizes when it is built on an organisation's template: taken from the
// template's theme and from the layouts its slides will use (the text and background of a content
// layout, the title colour of its title placeholder, the title slide's fill). Colours the template does
// not name — a muted text colour, a card fill, gridlines — are mixed from its own, and nudged to a
// readable contrast where the mix would not be; the template's own colours are never changed, only
// reported when they are hard to read.
import { chooseLayout } from '../template/choose.js';
import type { TemplateModel } from '../template/model.js';
import { adjustForContrast, contrastRatio, parseHex, toHex } from './color.js';
import { MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST } from './theme-check.js';
import type { Theme } from './types.js';

/** `a` moved towards `b` by `t` (0 = a, 1 = b), in sRGB. */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a) ?? [0, 0, 0];
  const y = parseHex(b) ?? [255, 255, 255];
  return toHex([0, 1, 2].map((i) => Math.round(x[i]! + (y[i]! - x[i]!) * t)) as [number, number, number]);
}

/** The first of the candidates readable on `on`, else the most readable one. */
function readable(candidates: string[], on: string, min = MIN_TEXT_CONTRAST): string {
  return candidates.find((c) => contrastRatio(c, on) >= min) ?? [...candidates].sort((a, b) => contrastRatio(b, on) - contrastRatio(a, on))[0]!;
}

export function themeFromTemplate(t: TemplateModel, base: Theme): Theme {
  const content = chooseLayout(t, 'one-content');
  const feature = chooseLayout(t, 'title-slide');
  const scheme = t.theme.colors;
  const background = content.layout.background.hex;
  const bodyLevel = content.bodies[0]?.levels[0] ?? t.masters[content.layout.master]?.textStyles.body[0];
  const text = readable([bodyLevel?.color.hex ?? scheme.dk1, scheme.dk1, scheme.lt1, '#000000', '#FFFFFF'], background);
  const titleText = readable([content.title?.levels[0]?.color.hex ?? text, text], background);
  const sectionBackground = feature.layout.background.hex;
  const sectionText = readable([feature.title?.levels[0]?.color.hex ?? text, scheme.lt1, scheme.dk1, '#FFFFFF', '#000000'], sectionBackground);
  const accents = [scheme.accent1, scheme.accent2, scheme.accent3, scheme.accent4, scheme.accent5, scheme.accent6];
  // Accent text (agenda numbers, timeline dates) must read as text; chart colours as marks.
  const accent = readable([...accents, titleText], background);
  const accent2 = accents.find((a) => a !== accent && contrastRatio(a, background) >= MIN_GRAPHIC_CONTRAST) ?? accent;
  const muted = adjustForContrast(mix(text, background, 0.35), [background], MIN_TEXT_CONTRAST) ?? text;
  const card = mix(background, accent, 0.08);
  const cardText = readable([titleText, text], card);
  const grid = mix(text, background, 0.82);
  // Series colours in the template's order, those too faint on the background last.
  const palette = [...accents.filter((a) => contrastRatio(a, background) >= MIN_GRAPHIC_CONTRAST), ...accents.filter((a) => contrastRatio(a, background) < MIN_GRAPHIC_CONTRAST)];
  const eastAsian = t.theme.minor.ea || t.theme.minor.scripts.Hans || base.eastAsianFont;
  // The smallest sizes scale with the slide: a 10 in slide is read like a 13.33 in one, a Keynote
  // 26.67 in slide twice as large.
  const k = t.slideSize.w / 13.333;
  const scaled = (r: readonly [number, number]): [number, number] => [Math.round(r[0] * k * 2) / 2, Math.round(r[1] * k * 2) / 2];
  const titleSize = content.title?.levels[0]?.sizePt ?? scaled(base.sizes.title)[1];
  const bodySize = bodyLevel?.sizePt ?? scaled(base.sizes.body)[1];
  const { logo: _logo, ...rest } = base;
  return {
    ...rest,
    name: t.name,
    colors: { background, text, muted, accent, accent2, titleText, sectionBackground, sectionText, card, cardText, grid },
    palette: [...new Set(palette)],
    headingFont: t.theme.major.latin || base.headingFont,
    bodyFont: t.theme.minor.latin || base.bodyFont,
    eastAsianFont: eastAsian,
    sizes: {
      title: [Math.min(scaled(base.sizes.title)[0], titleSize), titleSize],
      body: [Math.min(scaled(base.sizes.body)[0], bodySize), bodySize],
      stat: scaled(base.sizes.stat),
      caption: scaled(base.sizes.caption),
    },
  };
}

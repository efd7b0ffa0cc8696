// A slide title's colour on an organisation's template: its placeholder's own, unless that colour cannot
// be read on what is behind the title's box — a band of colour across the top (a shape on the master,
// or part of a background picture whose mean colour is mostly page). LibreOffice's Vivid template
// exports its layouts' titles so: dark teal, where its own slides set them white on a blue band. There
// the master's title colour, or the theme's light or dark text, is used instead, whichever reads, and a
// warning says so.
import { contrastRatio } from '../model/color.js';
import { MIN_GRAPHIC_CONTRAST } from '../model/theme-check.js';
import { overlapArea } from '../template/area.js';
import { backdropUnder } from '../template/background.js';
import type { LayoutInfo, Placeholder, TemplateModel } from '../template/model.js';
import type { Box } from './units.js';
import type { LayoutContext } from './context.js';

/** What a text in `box` is read against: the decoration under most of it, else the background there. */
export function backdropOf(layout: LayoutInfo, box: Box, template: TemplateModel): string {
  const area = box.w * box.h;
  let best: { hex: string; covered: number } | undefined;
  for (const d of layout.decorations) {
    if (d.hex === undefined) continue;
    const covered = area > 0 ? overlapArea(d.box, box) / area : 0;
    if (covered >= 0.5 && (!best || covered >= best.covered)) best = { hex: d.hex, covered };
  }
  return best?.hex ?? backdropUnder(layout.background, box, template.slideSize);
}

/** The colour the title is set in, when it is not the placeholder's own; undefined to keep that. */
export function readableTitleColor(ctx: LayoutContext, ph: Placeholder): string | undefined {
  const own = ph.levels[0]?.color.hex;
  if (!own || ctx.template.builtin) return undefined;
  const { layout } = ctx.choice;
  // A title drawn on a bar of its own is read against the bar.
  const behind = ph.fill ?? backdropOf(layout, ph.box, ctx.template);
  // Titles are large text, for which 3:1 is the least contrast that reads (WCAG's large-text level).
  const ownRatio = contrastRatio(own, behind);
  if (ownRatio >= MIN_GRAPHIC_CONTRAST) return undefined;
  const master = ctx.template.masters[layout.master];
  const scheme = ctx.template.theme.colors;
  const candidates = [
    master?.placeholders.find((p) => p.type === 'title' || p.type === 'ctrTitle')?.levels[0]?.color.hex,
    master?.textStyles.title[0]?.color.hex,
    scheme.lt1,
    scheme.dk1,
    '#FFFFFF',
    '#000000',
  ].filter((c): c is string => c !== undefined);
  const color = candidates.find((c) => contrastRatio(c, behind) >= MIN_GRAPHIC_CONTRAST) ?? [...candidates].sort((a, b) => contrastRatio(b, behind) - contrastRatio(a, behind))[0]!;
  ctx.diags.warn(
    'template-title-contrast',
    `the template's layout \`${layout.name}\` sets titles in ${own.toUpperCase()}, which reads at ${ownRatio.toFixed(1)}:1 on ${behind.toUpperCase()} behind the title; its titles are set in ${color.toUpperCase()} (${contrastRatio(color, behind).toFixed(1)}:1)`,
    { hint: "nothing to change for the deck; to keep the template's colour, give the layout's title placeholder a colour that reads on what is behind it" },
  );
  return color;
}

/** `{ color }` for a TextSpec when there is one to set. */
export const withColor = (color: string | undefined): { color?: string } => (color ? { color } : {});

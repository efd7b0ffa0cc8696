// One layout per slide kind, found by kind. A new slide kind is one new file and one line here.
import type { Slide, SlideKind, Source } from '../../model/types.js';
import type { LayoutContext } from '../context.js';
import type { PlacedElement } from '../placed.js';
import type { Box } from '../units.js';
import { layoutAgenda, layoutBullets } from './bullets.js';
import { layoutChart, layoutTextChart } from './chart.js';
import { layoutFeature } from './feature.js';
import { layoutImage } from './image.js';
import { layoutQuote } from './quote.js';
import { layoutSources } from './sources.js';
import { layoutStats } from './stats.js';
import { layoutTable } from './table.js';
import { layoutTimeline } from './timeline.js';

/** Lays out one kind of slide inside the body box that the content chrome leaves. */
type BodyLayout<K extends SlideKind> = (ctx: LayoutContext, slide: Extract<Slide, { kind: K }>, body: Box, sources: Map<string, Source>) => PlacedElement[];

export const FEATURE_KINDS = new Set<SlideKind>(['title', 'section', 'closing']);

export const BODY_LAYOUTS: { [K in Exclude<SlideKind, 'title' | 'section' | 'closing'>]: BodyLayout<K> } = {
  agenda: layoutAgenda,
  bullets: layoutBullets,
  stats: layoutStats,
  chart: layoutChart,
  'text-chart': layoutTextChart,
  quote: layoutQuote,
  table: layoutTable,
  image: layoutImage,
  timeline: layoutTimeline,
  sources: layoutSources,
};

export { layoutFeature };

// One type scale per deck: every content title at one size (a title wraps to two lines before it is
// set smaller, and the few that still cannot fit share one second size), and bullets at one body size
// wherever the content allows it. Chosen from a first layout of every slide at the largest size that
// fits it, so that the deck's sizes are the largest its own content allows.
import type { PlacedSlide } from './placed.js';

export interface TypeScale {
  /** Content titles: the deck's size, then at most one smaller size for the titles that need it. */
  titles: number[];
  /** Bullet text: the deck's size; a slide whose points cannot fit at it goes smaller (or continues). */
  body?: number;
}

/** Kinds whose body text is a list of points sharing the deck's body size. */
const BULLET_KINDS = new Set(['bullets', 'text-chart']);

export function chooseTypeScale(slides: PlacedSlide[], bodyRange: readonly [number, number]): TypeScale {
  const titles: number[] = [];
  const bodies: number[] = [];
  for (const s of slides) {
    for (const e of s.elements) {
      if (e.type !== 'text') continue;
      if (e.role === 'title' && e.scaled === 'title') titles.push(e.sizePt);
      if (e.role === 'body' && e.scaled === 'body' && BULLET_KINDS.has(s.kind)) bodies.push(e.sizePt);
    }
  }
  const scale: TypeScale = { titles: [] };
  if (titles.length) {
    const top = Math.max(...titles);
    const rest = titles.filter((t) => t < top);
    scale.titles = rest.length ? [top, Math.min(...rest)] : [top];
  }
  if (bodies.length) {
    // A slide with far more to say than the others should not make every slide small: below the lower
    // third of the range, a slide goes its own way (smaller, or onto a "(cont.)" slide).
    const floor = bodyRange[0] + (bodyRange[1] - bodyRange[0]) / 3;
    const comfortable = bodies.filter((b) => b >= floor);
    scale.body = comfortable.length ? Math.min(...comfortable) : Math.min(...bodies);
  }
  return scale;
}

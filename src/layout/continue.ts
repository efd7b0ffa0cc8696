// `overflow: continue`: a bullet list or table that cannot fit at the smallest allowed size is split
// over as few slides as it takes, in balanced parts, each titled "… (cont.)" after the first. Bullets
// split only between top-level points (a point keeps its sub-points); tables between rows, repeating
// the header. Whether a part fits is decided by laying it out, on the layout it will use.
import type { Bullet, Slide, Theme } from '../model/types.js';
import { lineHeightOf } from './measure.js';
import { TABLE_RANGE } from './slides/table.js';
import { ptToIn } from './units.js';

type Splittable = Extract<Slide, { kind: 'bullets' | 'table' }>;

/** The slides to lay out in place of `slide`: itself, or its parts when it must continue. */
export function paginate(slide: Slide, fits: (s: Slide) => boolean, continued: (title: string) => string): Slide[] {
  if ((slide.kind !== 'bullets' && slide.kind !== 'table') || slide.overflow !== 'continue') return [slide];
  const units = slide.kind === 'bullets' ? groups(slide.bullets).length : slide.rows.length;
  if (fits(slide)) return [slide];
  for (let parts = 2; parts <= units; parts++) {
    const split = splitInto(slide, parts, continued);
    if (split.every(fits)) return split;
  }
  return splitInto(slide, units, continued);
}

/**
 * A lower bound on how many slides `slide` becomes, without laying it out: every row or point takes at
 * least one line at the smallest size, and no body is taller than the slide. Cheap enough to check a
 * whole deck against the slide limit before laying out any of it.
 */
export function fewestParts(slide: Slide, theme: Theme, slideHeightIn: number): number {
  if ((slide.kind !== 'bullets' && slide.kind !== 'table') || slide.overflow !== 'continue') return 1;
  const smallest = slide.kind === 'table' ? TABLE_RANGE[0] : theme.sizes.body[0];
  const lines = Math.max(1, Math.floor(slideHeightIn / ptToIn(lineHeightOf(theme.bodyFont, theme.faces) * smallest)));
  const units = slide.kind === 'bullets' ? groups(slide.bullets).length : slide.rows.length;
  return Math.max(1, Math.ceil(units / lines));
}

/** A top-level bullet with its sub-bullets. */
function groups(bullets: Bullet[]): Bullet[][] {
  const out: Bullet[][] = [];
  for (const b of bullets) {
    if (b.level === 0 || out.length === 0) out.push([b]);
    else out[out.length - 1]!.push(b);
  }
  return out;
}

/** Splits into `parts` slides with as equal a number of units (points or rows) as possible. */
function splitInto(slide: Splittable, parts: number, continued: (title: string) => string): Splittable[] {
  const units: unknown[] = slide.kind === 'bullets' ? groups(slide.bullets) : slide.rows;
  const out: Splittable[] = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    const end = start + Math.round((units.length - start) / (parts - p));
    const chunk = units.slice(start, end);
    start = end;
    const part = p + 1;
    const base = {
      ...slide,
      title: part === 1 ? slide.title : continued(slide.title),
      part,
      ...(part > 1 && slide.notes ? { notes: `Continued from the previous slide. ${slide.notes}` } : {}),
    };
    out.push(slide.kind === 'bullets' ? { ...base, kind: 'bullets', bullets: (chunk as Bullet[][]).flat() } as Splittable : { ...base, kind: 'table', rows: chunk } as Splittable);
  }
  return out;
}

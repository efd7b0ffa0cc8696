// Which layout of the template each slide uses, and the roles of its placeholders. Provisional: picks
// by the layout type attribute, which the built-in template sets; src/template/choose.ts (chosen by the
// placeholders layouts offer) replaces it for any template.
import type { Box } from '../geometry.js';
import type { SlideKind } from '../model/types.js';
import type { LayoutInfo, Placeholder, TemplateModel } from '../template/model.js';

export type LayoutNeed = 'title-slide' | 'section' | 'one-content' | 'two-content' | 'visual' | 'title-only';

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
  title?: Placeholder;
  subtitle?: Placeholder;
  bodies: Placeholder[];
  visual?: Placeholder;
  area: Box;
  footer: { dt?: Placeholder; ftr?: Placeholder; sldNum?: Placeholder };
  reason: string;
}

const TYPE_FOR_NEED: Record<LayoutNeed, string> = {
  'title-slide': 'title',
  section: 'secHead',
  'one-content': 'obj',
  'two-content': 'twoObj',
  visual: 'picTx',
  'title-only': 'titleOnly',
};

export function chooseLayout(t: TemplateModel, need: LayoutNeed): LayoutChoice {
  let index = t.layouts.findIndex((l) => l.type === TYPE_FOR_NEED[need]);
  if (index < 0) index = 0;
  const layout = t.layouts[index]!;
  const find = (...types: string[]) => layout.placeholders.find((p) => types.includes(p.type));
  const title = find('title', 'ctrTitle');
  const text = layout.placeholders.filter((p) => (p.type === 'body' || p.type === 'obj') && p !== title);
  const subtitle = find('subTitle') ?? (need === 'section' ? text[0] : undefined);
  const bodies = text.filter((p) => p !== subtitle);
  const visual = find('pic', 'chart', 'tbl');
  const content = [...bodies, ...(visual ? [visual] : [])].filter((p) => p.box.h > 1);
  const area = content.length ? union(content.map((p) => p.box)) : { x: 0.6, y: 1.75, w: t.slideSize.w - 1.2, h: 4.7 };
  return {
    index,
    layout,
    ...(title ? { title } : {}),
    ...(subtitle ? { subtitle } : {}),
    bodies,
    ...(visual ? { visual } : {}),
    area,
    footer: { ...opt('dt', find('dt')), ...opt('ftr', find('ftr')), ...opt('sldNum', find('sldNum')) },
    reason: `layout type ${layout.type ?? '(none)'}`,
  };
}

const opt = <K extends string>(k: K, p: Placeholder | undefined): Partial<Record<K, Placeholder>> => (p ? ({ [k]: p } as Record<K, Placeholder>) : {});

export function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.w));
  const b = Math.max(...boxes.map((bb) => bb.y + bb.h));
  return { x, y, w: r - x, h: b - y };
}

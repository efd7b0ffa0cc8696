// Layouts for a master that has none: a slide needs a layout, so briefdeck offers the three a deck
// needs most, made from the master's own title and body placeholders (emit writes their parts).
import type { Box } from '../geometry.js';
import type { LayoutInfo, LevelStyle, MasterInfo, Placeholder, PlaceholderType } from './model.js';
import { defaultBox } from './placeholders.js';

export function syntheticLayouts(master: MasterInfo, masterIndex: number, slide: { w: number; h: number }, partName: () => string): LayoutInfo[] {
  const title = master.placeholders.find((p) => p.type === 'title');
  const body = master.placeholders.find((p) => p.type === 'body' || p.type === 'obj');
  const footers = master.placeholders.filter((p) => p.type === 'dt' || p.type === 'ftr' || p.type === 'sldNum');

  const titlePh = (): Placeholder => copy(title, 'title', 0, 'Title 1', master.textStyles.title, slide);
  const bodyPh = (): Placeholder => copy(body, 'obj', 1, 'Content Placeholder 2', master.textStyles.body, slide);
  const make = (name: string, type: string, placeholders: Placeholder[]): LayoutInfo => ({
    part: partName(),
    name,
    matchingName: name,
    type,
    master: masterIndex,
    placeholders: [...placeholders, ...footers.map((f) => ({ ...f, levels: f.levels.map((l) => ({ ...l })) }))],
    colorMap: { ...master.colorMap },
    background: { ...master.background },
    decorations: master.decorations.map((d) => ({ ...d, box: { ...d.box } })),
    dark: false,
    synthetic: true,
  });

  const t = titlePh();
  // The title slide centres the master's title style in the upper middle, the subtitle under it.
  const ctrTitleBox: Box = { x: t.box.x, y: slide.h * 0.22, w: t.box.w, h: slide.h * 0.3 };
  const subBox: Box = { x: t.box.x + t.box.w * 0.1, y: slide.h * 0.56, w: t.box.w * 0.8, h: slide.h * 0.2 };
  const centred = (levels: LevelStyle[], plain: boolean): LevelStyle[] =>
    levels.map((l) => ({ ...l, align: 'ctr', ...(plain ? { bullet: { kind: 'none' as const }, marginIn: 0, indentIn: 0 } : {}) }));
  const ctrTitle: Placeholder = { ...titlePh(), type: 'ctrTitle', name: 'Title 1', box: ctrTitleBox, anchor: 'b', levels: centred(t.levels, false) };
  const subTitle: Placeholder = { ...bodyPh(), type: 'subTitle', name: 'Subtitle 2', box: subBox, levels: centred(master.textStyles.body, true) };

  return [
    make('Title Slide', 'title', [ctrTitle, subTitle]),
    make('Title and Content', 'obj', [titlePh(), bodyPh()]),
    make('Title Only', 'titleOnly', [titlePh()]),
  ];
}

function copy(from: Placeholder | undefined, type: PlaceholderType, idx: number, name: string, levels: LevelStyle[], slide: { w: number; h: number }): Placeholder {
  if (from) return { ...from, type, idx, name, ambiguous: false, box: { ...from.box }, insets: { ...from.insets }, levels: from.levels.map((l) => ({ ...l })) };
  return {
    type,
    idx,
    name,
    ambiguous: false,
    box: defaultBox(type, slide),
    insets: { l: 0.1, t: 0.05, r: 0.1, b: 0.05 },
    anchor: type === 'title' ? 'ctr' : 't',
    autofit: type === 'title' ? 'none' : 'norm',
    wrap: true,
    vertical: false,
    levels: levels.map((l) => ({ ...l })),
  };
}

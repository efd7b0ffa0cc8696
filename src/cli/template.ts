// `briefdeck template FILE`: what briefdeck sees in a PowerPoint template — its size, masters, layouts
// with their placeholders, theme colours and fonts, and which layout each slide kind will use and why.
// `--json` prints the same as one object (the template model itself, plus the choices).
import fs from 'node:fs';
import path from 'node:path';
import { SLIDE_KIND_NEEDS, chooseLayout, LAYOUT_NEEDS, type LayoutChoice, type LayoutNeed } from '../template/choose.js';
import { templateFaces } from '../template/faces.js';
import type { Box } from '../geometry.js';
import type { LayoutInfo, Placeholder, TemplateError, TemplateModel } from '../template/model.js';
import { readTemplate } from '../template/read.js';
import { LIMITS } from '../template/unzip.js';
import type { Io } from './io.js';

export interface TemplateOptions {
  json?: boolean;
}

const n2 = (v: number): string => v.toFixed(2);
const box = (b: Box): string => `${n2(b.x)},${n2(b.y)} ${n2(b.w)}×${n2(b.h)}`;

/** 16:9, 4:3, 16:10 or A4 when the proportions are one of those. */
function ratioName(w: number, h: number): string {
  const r = w / h;
  const known: [string, number][] = [['16:9', 16 / 9], ['4:3', 4 / 3], ['16:10', 16 / 10], ['A4', 297 / 210]];
  return known.find(([, v]) => Math.abs(v - r) < 0.01)?.[0] ?? `${r.toFixed(2)}:1`;
}

const KIND_NAMES: Record<string, string> = { pptx: 'presentation (.pptx)', potx: 'template (.potx)', pptm: 'macro-enabled presentation (.pptm)', potm: 'macro-enabled template (.potm)', ppsx: 'slide show (.ppsx)', ppsm: 'macro-enabled slide show (.ppsm)' };

function placeholderLine(p: Placeholder): string {
  const lv = p.levels[0]!;
  const flags = [p.ambiguous ? 'duplicate: a slide cannot address it' : '', p.vertical ? 'vertical text' : ''].filter(Boolean).join(', ');
  return `${p.type}#${p.idx} ${box(p.box)}  ${lv.font} ${lv.sizePt} pt ${lv.color.hex}${p.fill ? ` on ${p.fill}` : ''}${flags ? `  (${flags})` : ''}`;
}

function layoutHeader(l: LayoutInfo, i: number): string {
  const what = [l.type ? `type ${l.type}` : '', l.matchingName && l.matchingName !== l.name ? `"${l.matchingName}"` : '', l.dark ? 'dark' : '', l.synthetic ? 'made by briefdeck: the master has no layouts' : '']
    .filter(Boolean)
    .join(', ');
  return `  ${String(i + 1).padStart(2)}. ${JSON.stringify(l.name.replace(/\s+/g, ' '))}${what ? ` (${what})` : ''}`;
}

function choiceLine(c: LayoutChoice): string {
  const parts = [c.title ? `title ${c.title.type}#${c.title.idx}${c.titleSource !== 'layout' ? ` from the ${c.titleSource === 'master' ? 'master' : 'master\'s title style'}` : ''}` : '', c.subtitle ? `subtitle ${c.subtitle.type}#${c.subtitle.idx}` : '', c.bodies.length ? `text ${c.bodies.map((p) => `${p.type}#${p.idx}`).join(', ')}` : '', c.visual ? `picture ${c.visual.type}#${c.visual.idx}` : '', `area ${box(c.area)}`];
  return parts.filter(Boolean).join(' · ');
}

/** The human-readable description, one line per fact. */
export function describeTemplate(t: TemplateModel, file: string): string[] {
  const out: string[] = [];
  const pkg = t.package;
  out.push(`${file}: PowerPoint ${pkg ? KIND_NAMES[pkg.kind] : 'template'}, slides ${n2(t.slideSize.w)} × ${n2(t.slideSize.h)} in (${ratioName(t.slideSize.w, t.slideSize.h)}), notes ${n2(t.notesSize.w)} × ${n2(t.notesSize.h)} in`);
  if (pkg?.macros) out.push('  it holds macros: decks built on it never carry them');
  if (pkg?.slides.length) out.push(`  its own ${pkg.slides.length} slide${pkg.slides.length === 1 ? '' : 's'} stay out of decks built on it`);
  out.push('');
  out.push(`theme ${JSON.stringify(t.theme.name)}`);
  const fonts = (f: TemplateModel['theme']['major']): string => [f.latin, f.ea ? `East Asian ${f.ea}` : '', ...Object.entries(f.scripts).filter(([s]) => s === 'Hans' || s === 'Hant' || s === 'Jpan' || s === 'Hang').map(([s, v]) => `${s} ${v}`)].filter(Boolean).join(', ');
  out.push(`  headings: ${fonts(t.theme.major)}`);
  out.push(`  body:     ${fonts(t.theme.minor)}`);
  const c = t.theme.colors;
  out.push(`  colours:  dk1 ${c.dk1}  lt1 ${c.lt1}  dk2 ${c.dk2}  lt2 ${c.lt2}  hlink ${c.hlink}  folHlink ${c.folHlink}`);
  out.push(`  accents:  ${[c.accent1, c.accent2, c.accent3, c.accent4, c.accent5, c.accent6].join('  ')}`);
  for (const f of templateFaces(t)) {
    out.push(f.twin ? `  ${f.face}: measured with ${f.measuredWith.join(' and ')} (the widest counts)` : `  ${f.face}: no metric twin here; measured with the wider ${f.measuredWith.join(', ')}, so text may come out a little smaller than it needs to`);
  }
  t.masters.forEach((m, mi) => {
    const layouts = t.layouts.map((l, i) => [l, i] as const).filter(([l]) => l.master === mi);
    out.push('');
    const dark = m.colorMap.bg1 === 'dk1' ? ', dark (bg1 → dk1)' : '';
    out.push(`master ${mi + 1} ${JSON.stringify(m.name)}: background ${m.background.kind} ${m.background.hex}${dark}, ${m.decorations.length} decoration${m.decorations.length === 1 ? '' : 's'}, ${layouts.length} layout${layouts.length === 1 ? '' : 's'}${layouts.every(([l]) => l.synthetic) && layouts.length ? ' (none of its own)' : ''}`);
    for (const p of m.placeholders) out.push(`      ${placeholderLine(p)}`);
    for (const [l, i] of layouts) {
      out.push(layoutHeader(l, i));
      if (!l.placeholders.length) out.push('      no placeholders');
      for (const p of l.placeholders) out.push(`      ${placeholderLine(p)}`);
      if (l.decorations.length) out.push(`      decorations: ${l.decorations.map((d) => `${d.kind} ${box(d.box)}`).join('; ')}`);
    }
  });
  out.push('');
  out.push('slide kinds → layouts');
  for (const need of LAYOUT_NEEDS) {
    const kinds = Object.entries(SLIDE_KIND_NEEDS).filter(([, v]) => v === need).map(([k]) => k);
    const choice = chooseLayout(t, need);
    out.push(`  ${kinds.join(', ')} → ${choice.index + 1}. ${JSON.stringify(choice.layout.name.replace(/\s+/g, ' '))}: ${choice.reason}`);
    out.push(`      ${choiceLine(choice)}`);
  }
  return out;
}

/** The JSON form: the template model as layout and emit see it, with the choices and the font coverage. */
export function templateJson(t: TemplateModel, file: string): object {
  const choices = Object.fromEntries(
    LAYOUT_NEEDS.map((need): [LayoutNeed, object] => {
      const c = chooseLayout(t, need);
      const ref = (p: Placeholder | undefined) => (p ? { type: p.type, idx: p.idx, box: p.box } : undefined);
      return [need, { layout: c.index, name: c.layout.name, reason: c.reason, title: ref(c.title), titleSource: c.titleSource, subtitle: ref(c.subtitle), bodies: c.bodies.map(ref), visual: ref(c.visual), area: c.area }];
    }),
  );
  return { ok: true, file, template: t, fonts: templateFaces(t), slideKinds: SLIDE_KIND_NEEDS, choices };
}

/** A picture background's colour grid is for layout's use, not for reading (1,728 numbers a background): left out of the JSON. */
function withoutGrids(key: string, value: unknown): unknown {
  return key === 'grid' ? undefined : value;
}

function readFile(file: string): { bytes: Uint8Array } | { error: TemplateError | { code: string; message: string; hint: string } } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { error: { code: 'template-not-found', message: `cannot find the template \`${file}\``, hint: 'check the path; it is read from the working folder' } };
  }
  if (stat.isDirectory()) {
    const keynote = /\.key$/i.test(file);
    return {
      error: keynote
        ? { code: 'template-keynote', message: `\`${file}\` is a Keynote document, which briefdeck cannot read`, hint: 'in Keynote choose File → Export To → PowerPoint, and use the .pptx' }
        : { code: 'template-not-found', message: `\`${file}\` is a folder, not a template`, hint: 'give the path of a .pptx or .potx file' },
    };
  }
  if (stat.size > LIMITS.fileBytes) return { error: { code: 'template-too-large', message: `template \`${file}\` is larger than the ${LIMITS.fileBytes / 1024 / 1024} MB briefdeck reads`, hint: 'use a template without the large pictures or videos' } };
  try {
    return { bytes: fs.readFileSync(file) };
  } catch (e) {
    return { error: { code: 'template-unreadable', message: `cannot read the template \`${file}\` (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, hint: 'check that the file is readable' } };
  }
}

export async function templateCommand(file: string, opts: TemplateOptions, io: Io): Promise<number> {
  const read = readFile(file);
  const result = 'bytes' in read ? readTemplate(read.bytes, path.basename(file)) : read;
  if ('error' in result) {
    const e = result.error;
    if (opts.json) io.out(JSON.stringify({ ok: false, file, error: e }));
    else {
      io.err(`${file}: error: ${e.message} [${e.code}]`);
      io.err(`  hint: ${e.hint}`);
    }
    return 1;
  }
  if (opts.json) io.out(JSON.stringify(templateJson(result.template, file), withoutGrids));
  else for (const line of describeTemplate(result.template, file)) io.out(line);
  return 0;
}

// Placed deck + chart pictures → .pptx bytes. The only module that talks to pptxgenjs: it receives
// geometry and type sizes already decided, and never makes a layout decision of its own.
import { CJK_TEXT } from '../font-faces.js';
import type { PlacedDeck, PlacedElement, PlacedParagraph, PlacedRun, PlacedTable, PlacedText } from '../layout/placed.js';
import { BULLET_INDENT_PT, lineHeightOf } from '../layout/measure.js';
import { FOOTER_RULE, SLIDE_NUMBER } from '../layout/grid.js';
import type { DeckMeta, Theme } from '../model/types.js';
import { finalizePackage } from './finalize.js';
import { MediaSwap } from './media.js';
import { addNativeChart } from './native-chart.js';
import { PptxGenJS, type Pptx, type PptxSlide, type TableRow, type TextProps } from './pptxgen.js';

/** A chart picture for the chart at this slide number and element index. */
export type ChartImages = Map<string, Uint8Array>;
export const chartKey = (slideNumber: number, elementIndex: number): string => `${slideNumber}:${elementIndex}`;

const MASTER_CONTENT = 'BRIEFDECK_CONTENT';
const MASTER_FEATURE = 'BRIEFDECK_FEATURE';

const hex = (color: string): string => color.replace(/^#/, '').toUpperCase();

export interface EmitOptions {
  meta: DeckMeta;
  theme: Theme;
  /** Fixed timestamp for the package, so that the same outline gives the same bytes. */
  modified: Date;
}

export async function writeDeck(deck: PlacedDeck, charts: ChartImages, opts: EmitOptions): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = opts.meta.title;
  if (opts.meta.author) pptx.author = opts.meta.author;
  if (opts.meta.organisation) pptx.company = opts.meta.organisation;
  if (opts.meta.subtitle) pptx.subject = opts.meta.subtitle;
  defineMasters(pptx, opts.theme);

  const media = new MediaSwap();
  for (const placed of deck.slides) {
    const slide = pptx.addSlide({ masterName: placed.master === 'feature' ? MASTER_FEATURE : MASTER_CONTENT });
    placed.elements.forEach((el, i) => addElement(slide, pptx, el, opts, charts.get(chartKey(placed.number, i)), media));
    if (placed.notes) slide.addNotes(placed.notes);
  }

  const raw = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  const fin: Parameters<typeof finalizePackage>[1] = { modified: opts.modified, title: opts.meta.title, language: opts.meta.language, eastAsianFont: opts.theme.eastAsianFont };
  if (opts.meta.author ?? opts.meta.organisation) fin.author = (opts.meta.author ?? opts.meta.organisation)!;
  if (opts.meta.subtitle) fin.subject = opts.meta.subtitle;
  return finalizePackage(raw, { ...fin, media: (bytes) => media.lookup(bytes) });
}

function defineMasters(pptx: Pptx, theme: Theme): void {
  const { colors } = theme;
  pptx.defineSlideMaster({
    title: MASTER_CONTENT,
    background: { color: hex(colors.background) },
    objects: [
      {
        line: {
          x: FOOTER_RULE.x,
          y: FOOTER_RULE.y,
          w: FOOTER_RULE.w,
          h: 0,
          line: { color: hex(colors.grid), width: 0.75 },
        },
      },
    ],
    slideNumber: {
      x: SLIDE_NUMBER.x,
      y: SLIDE_NUMBER.y,
      w: SLIDE_NUMBER.w,
      h: SLIDE_NUMBER.h,
      fontFace: theme.bodyFont,
      fontSize: 10,
      color: hex(colors.muted),
      align: 'right',
      valign: 'middle',
      margin: 0,
    },
  });
  pptx.defineSlideMaster({ title: MASTER_FEATURE, background: { color: hex(colors.sectionBackground) }, objects: [] });
}

function addElement(slide: PptxSlide, pptx: Pptx, el: PlacedElement, opts: EmitOptions, chartPng: Uint8Array | undefined, media: MediaSwap): void {
  const { x, y, w, h } = el.box;
  switch (el.type) {
    case 'text':
      slide.addText(textRuns(el, opts.meta.language), {
        x,
        y,
        w,
        h,
        margin: 0,
        fontFace: el.fontFace,
        fontSize: el.sizePt,
        color: hex(el.color),
        align: el.align,
        valign: el.valign,
        lang: opts.meta.language,
        fit: 'none',
        wrap: true,
      });
      return;
    case 'rect':
      slide.addShape(el.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, {
        x,
        y,
        w,
        h,
        fill: { color: hex(el.fill ?? '#FFFFFF') },
        line: el.line ? { color: hex(el.line.color), width: el.line.widthPt } : { type: 'none' },
        ...(el.radius ? { rectRadius: el.radius } : {}),
      });
      return;
    case 'line':
      slide.addShape(pptx.ShapeType.line, { x, y, w, h, line: { color: hex(el.line?.color ?? '#000000'), width: el.line?.widthPt ?? 1 } });
      return;
    case 'picture':
      slide.addImage({ data: el.mime === 'image/png' ? media.standIn(el.data) : dataUri(el.mime, el.data), x, y, w, h, altText: el.alt });
      return;
    case 'chart':
      // native-chart: an editable chart when the outline asks for one (build.ts renders no picture for it).
      if (el.spec.render === 'native') {
        addNativeChart(slide, pptx, el, opts.theme, opts.meta.language);
        return;
      }
      if (!chartPng) throw new Error(`internal: no picture was rendered for the chart at ${x},${y}`);
      slide.addImage({ data: media.standIn(chartPng), x, y, w, h, altText: el.alt });
      return;
    case 'table':
      slide.addTable(tableRows(el, opts.meta.language), {
        x,
        y,
        w,
        colW: el.colWidths,
        rowH: el.rowHeights,
        fontFace: el.fontFace,
        fontSize: el.sizePt,
        margin: [el.pad.y, el.pad.x, el.pad.y, el.pad.x],
        border: { type: 'solid', pt: 0.75, color: hex(el.colors.line) },
        valign: 'middle',
        autoPage: false,
      });
      return;
  }
}

function dataUri(mime: string, data: Uint8Array): string {
  return `${mime};base64,${Buffer.from(data).toString('base64')}`;
}

/** Language of CJK text in a deck written in another language. */
function cjkLang(deckLang: string): string {
  return /^(zh|ja|ko)\b/.test(deckLang) ? deckLang : 'zh-CN';
}

/** Splits a run where it switches between CJK and other text, so that each part carries its language. */
function byScript(runs: PlacedRun[], deckLang: string): { run: PlacedRun; lang: string }[] {
  return runs.flatMap((run) => {
    const parts = run.text.match(/[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+|[^\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+/g) ?? [''];
    return parts.map((text) => ({ run: { ...run, text }, lang: CJK_TEXT.test(text) ? cjkLang(deckLang) : deckLang }));
  });
}

/** Paragraphs → pptxgenjs runs: paragraph options ride on the first run, breakLine ends a paragraph. */
function textRuns(el: PlacedText, deckLang: string): TextProps[] {
  const out: TextProps[] = [];
  el.paragraphs.forEach((p, pi) => {
    const last = pi === el.paragraphs.length - 1;
    const runs = byScript(p.runs, deckLang);
    runs.forEach(({ run, lang }, ri) => {
      // Every run carries its own emphasis and alignment: pptxgenjs lets a falsy run option inherit the
      // box's value, and starts a new paragraph whenever `align` differs from the previous run's.
      const options: TextProps['options'] = { lang, align: el.align };
      const bold = run.bold ?? el.bold ?? false;
      const italic = run.italic ?? el.italic ?? false;
      if (bold) options.bold = true;
      if (italic) options.italic = true;
      if (run.scale !== undefined && run.scale !== 1) options.fontSize = Math.round(el.sizePt * run.scale * 2) / 2;
      if (run.color) options.color = hex(run.color);
      if (ri === 0) Object.assign(options, paragraphOptions(p, el));
      if (ri === runs.length - 1 && !last) options.breakLine = true;
      out.push({ text: run.text, options });
    });
  });
  return out;
}

function paragraphOptions(p: PlacedParagraph, el: PlacedText): NonNullable<TextProps['options']> {
  // Exact leading in points, the same the layout measured with, so that PowerPoint, Keynote and
  // LibreOffice all break and stack lines alike.
  const biggest = Math.max(...p.runs.map((r) => r.scale ?? 1));
  const o: NonNullable<TextProps['options']> = { lineSpacing: Math.round(el.sizePt * biggest * el.lineHeight * 10) / 10 };
  if (p.bullet) {
    o.bullet = { indent: el.sizePt * BULLET_INDENT_PT, ...(p.level === 1 ? { characterCode: '2013' } : {}) };
    if (p.level > 0) o.indentLevel = p.level;
  }
  if (p.spaceBefore) o.paraSpaceBefore = Math.round(p.spaceBefore * el.sizePt);
  return o;
}

function tableRows(t: PlacedTable, lang: string): TableRow[] {
  const cell = (runs: PlacedTable['header'][number], c: number, header: boolean, stripe: boolean) => ({
    text: byScript(runs, lang).map(({ run: r, lang: l }) => ({ text: r.text, options: { bold: header || (r.bold ?? false), italic: r.italic ?? false, lang: l } })),
    options: {
      align: t.numericColumns[c] ? ('right' as const) : ('left' as const),
      bold: header,
      color: hex(header ? t.colors.headerText : t.colors.text),
      fill: { color: hex(header ? t.colors.headerFill : stripe ? t.colors.stripe : t.colors.fill) },
      // Exact leading, as measured: LibreOffice otherwise sets table text at 1.0 em.
      lineSpacing: Math.round(t.sizePt * lineHeightOf(t.fontFace) * 10) / 10,
    },
  });
  return [
    t.header.map((h, c) => cell(h, c, true, false)),
    ...t.rows.map((row, r) => row.map((c, ci) => cell(c.text, ci, false, r % 2 === 1))),
  ] as TableRow[];
}

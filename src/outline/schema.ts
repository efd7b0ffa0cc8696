// The outline schema: the single definition that validates outlines, types them, and (via
// z.toJSONSchema) feeds editor completion. Descriptions double as hover help in editors.
import * as z from 'zod';
import { CHART_KINDS } from '../model/types.js';
import { MAX_COLUMNS, MAX_ROWS, MAX_SLIDES, MAX_TEXT } from '../limits.js';
import { DATE_PATTERN, dateProblem, FIRST_YEAR, LAST_YEAR } from './dates.js';

const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id starts with a letter and holds only letters, digits, _ and -');

const text = z.string().min(1, 'must not be empty').max(2000, 'is longer than 2,000 characters: put long text in the speaker notes');
/** Titles are read from across a room: a few words, never a paragraph. */
const titleText = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters: a title is a few words');
const notesText = z.string().min(1, 'must not be empty').max(20000, 'is longer than 20,000 characters');

/** A date written as YYYY-MM-DD (or YYYY-MM, YYYY), real and within what a .pptx can store (dates.ts). */
const isoDate = z
  .union([
    z
      .string()
      .regex(DATE_PATTERN, `write a real date from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31 as YYYY-MM-DD`)
      .refine((s) => dateProblem(s) === undefined, 'is not a calendar date'),
    z.number().int().min(FIRST_YEAR).max(LAST_YEAR).describe('A year.'),
  ])
  .transform(String);

/** Applications a deck can be meant for (`deck.targets`). */
export const TARGETS = ['powerpoint', 'keynote', 'libreoffice'] as const;

export const ThemeNameSchema = z.enum(['briefing', 'midnight']);

const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'write colours as #RRGGBB');
const sizeRange = z
  .tuple([z.number().min(8).max(120), z.number().min(8).max(120)])
  .describe('[smallest, largest] size in points; text is set at the largest size that fits.');
/** No font is named with XML's special characters; a name with them is a typo or an attack on the theme part. */
const faceText = text.regex(/^[^<>&"]*$/, 'a font name has no <, >, & or " in it');
const fontName = faceText.describe('An Office font name. Bundled: Calibri, Arial (and Carlito, Arimo). Another face needs a bundled fallback whose metrics stand in for it: "Segoe UI, Arial".');

export const ThemeSpecSchema = z
  .strictObject({
    extends: ThemeNameSchema.default('briefing').describe('The built-in theme this one changes.'),
    colors: z
      .strictObject({
        background: hexColor.optional(),
        text: hexColor.optional(),
        muted: hexColor.optional(),
        accent: hexColor.optional(),
        accent2: hexColor.optional(),
        titleText: hexColor.optional(),
        sectionBackground: hexColor.optional(),
        sectionText: hexColor.optional(),
        card: hexColor.optional(),
        cardText: hexColor.optional(),
        grid: hexColor.optional(),
      })
      .optional(),
    palette: z.array(hexColor).min(2).max(12).optional().describe('Chart series colours, in order.'),
    fonts: z.strictObject({ heading: fontName.optional(), body: fontName.optional(), east_asian: faceText.optional() }).optional(),
    sizes: z
      .strictObject({ title: sizeRange.optional(), body: sizeRange.optional(), stat: sizeRange.optional(), caption: sizeRange.optional() })
      .optional(),
    logo: text.optional().describe('PNG or JPEG logo shown on every slide; looked up like images.'),
  })
  .describe('A custom theme: a built-in theme with some colours, fonts, sizes or a logo changed.');

/** The slide types, in the order the format reference lists them (checked against SlideSchemas below). */
export const SLIDE_TYPE_NAMES = ['title', 'agenda', 'section', 'bullets', 'stats', 'chart', 'text-chart', 'quote', 'table', 'image', 'timeline', 'sources', 'closing'] as const;

const layoutName = text.describe('The name of a layout of the template, as PowerPoint shows it (e.g. "Title Only", "Titel und Inhalt").');

export const DeckSchema = z
  .strictObject({
    title: titleText.describe('Deck title, shown on the title slide and in every footer.'),
    subtitle: text.optional(),
    date: isoDate.optional().describe('Date of the briefing, YYYY-MM-DD; also fixes the file timestamps.'),
    author: text.optional(),
    organisation: text.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 tag such as en, en-GB or zh-CN')
      .default('en')
      .describe('BCP 47 language tag of the deck text, e.g. en or zh-CN.'),
    theme: z
      .union([ThemeNameSchema, ThemeSpecSchema])
      .default('briefing')
      .describe('A built-in theme (briefing: light, midnight: dark), or a custom theme map.'),
    template: text
      .optional()
      .describe('An organisation\'s PowerPoint template (.pptx, .potx or .pptm), relative to the outline or in assets/: the deck takes its masters, layouts, theme and slide size. Replaces `theme`.'),
    labels: z
      .strictObject({
        agenda: text.optional(),
        sources: text.optional().describe('Title of the sources slide.'),
        source: text.optional().describe('Before the source on a slide\'s source line.'),
        sourcesPlural: text.optional().describe('Before several sources on a slide\'s source line.'),
        derived: text.optional().describe('Before the formula of a derived number.'),
        continued: text.optional().describe('After the title of a continued slide.'),
        closing: text.optional().describe('Title of the closing slide.'),
      })
      .optional()
      .describe('The words briefdeck writes itself, where the deck\'s language default (English or Chinese) should not apply.'),
    layouts: z
      .strictObject(Object.fromEntries(SLIDE_TYPE_NAMES.map((k) => [k, layoutName.optional()])) as Record<(typeof SLIDE_TYPE_NAMES)[number], z.ZodOptional<typeof layoutName>>)
      .optional()
      .describe('The template layout to use for each slide type, by name, where briefdeck\'s own choice should not apply.'),
    targets: z
      .array(z.enum(TARGETS))
      .min(1)
      .optional()
      .describe('The applications the deck will be shown in (powerpoint, keynote, libreoffice). Without keynote, native charts raise no Keynote warning.'),
  })
  .describe('Deck metadata.');

export const SourceSchema = z.strictObject({
  title: text,
  publisher: text.optional(),
  date: isoDate.optional(),
  url: z.string().regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'must be a full web address such as https://example.org/page').optional(),
});

export const FactSchema = z
  .strictObject({
    value: z.number().describe('The number as the source states it. May be left out when `derived` is a formula.').optional(),
    unit: z.string().optional().describe('Unit written after the number, e.g. "%", "zones".'),
    scale: z.enum(['thousand', 'million', 'billion', 'trillion']).optional(),
    currency: z.string().optional().describe('"USD" or "$" puts a $ before the number; other currencies follow it, e.g. "yuan".'),
    label: text.optional().describe('What the number measures; the default label of stat cards.'),
    source: id.optional().describe('Id of the source stating this number.'),
    derived: text
      .optional()
      .describe('Formula over other fact ids for numbers no source states, e.g. "tax_revenue / fiscal_revenue * 100".'),
    decimals: z.number().int().min(0).max(6).optional().describe('Digits after the point when shown.'),
  })
  .describe('A named figure. Refer to it as {id} in text, or by id in charts and stat cards.');

const numberOrFact = z.union([z.number(), id]);

const SeriesSchema = z.strictObject({
  name: text,
  values: z.array(numberOrFact).min(1).max(MAX_ROWS).optional().describe('Numbers or fact ids, one per label.'),
  column: text.optional().describe('With `data:`, the CSV column holding this series, by its header name.'),
  axis: z.enum(['left', 'right']).default('left').describe('Combo charts: the axis this series uses.'),
  type: z.enum(['bar', 'line']).optional().describe('Combo charts: draw as bars or a line.'),
});

export const ChartSchema = z.strictObject({
  kind: z.enum(CHART_KINDS),
  title: titleText.optional(),
  data: text.optional().describe('A CSV file (relative to the outline) holding the labels and series values.'),
  labels: z
    .union([z.array(z.union([text, z.number()]).transform(String)).min(1).max(MAX_ROWS), text])
    .describe('The category labels; with `data:`, the name of the CSV column that holds them.'),
  series: z.array(SeriesSchema).min(1),
  unit: text.optional().describe('Unit of the value axis.'),
  unit2: text.optional().describe('Unit of the right axis (combo).'),
  data_labels: z.boolean().optional().describe('Write each value on its bar, point or slice. Default: on for pie and doughnut (the share of each slice), off for the others.'),
  decimals: z.number().int().min(0).max(6).optional().describe('Digits after the point of the numbers written in the chart and of axis ticks. A fact reads with its own decimals.'),
  highlight: z
    .union([z.union([text, z.number()]).transform(String), z.array(z.union([text, z.number()]).transform(String)).min(1).max(1000)])
    .optional()
    .describe('The label (or labels) the slide is about: its bars, point or slice are drawn in full colour, the others muted.'),
  caption: text.optional(),
  render: z
    .enum(['image', 'native'])
    .default('image')
    .describe('image: a picture that looks the same everywhere (default). native: an editable PowerPoint chart; Keynote may not show it.'),
});

const BulletSchema = z.union([
  text,
  z.strictObject({ text, sub: z.array(text).min(1).optional() }),
]);

const common = {
  layout: layoutName.optional(),
  title: titleText.optional(),
  notes: notesText.optional().describe('Speaker notes.'),
  sources: z.array(id).optional().describe('Ids of the sources this slide cites.'),
};

const overflow = z
  .enum(['shrink', 'continue'])
  .default('shrink')
  .describe('What to do when the content cannot fit at the smallest size: shrink (and warn), or continue on "(cont.)" slides.');

const StatSchema = z.strictObject({
  fact: id.optional(),
  value: z.union([z.number(), text]).optional(),
  label: text.optional(),
  note: text.optional(),
});

export const SlideSchemas = {
  title: z.strictObject({ type: z.literal('title'), ...common, subtitle: text.optional() }),
  agenda: z.strictObject({ type: z.literal('agenda'), ...common, items: z.array(text).min(1).optional() }),
  section: z.strictObject({ type: z.literal('section'), ...common, title: titleText, subtitle: text.optional() }),
  bullets: z.strictObject({ type: z.literal('bullets'), ...common, title: titleText, bullets: z.array(BulletSchema).min(1).max(100), overflow }),
  stats: z.strictObject({ type: z.literal('stats'), ...common, title: titleText, intro: text.optional(), stats: z.array(StatSchema).min(2).max(6) }),
  chart: z.strictObject({ type: z.literal('chart'), ...common, title: titleText, chart: ChartSchema }),
  'text-chart': z.strictObject({
    type: z.literal('text-chart'),
    ...common,
    title: titleText,
    bullets: z.array(BulletSchema).min(1).max(100),
    chart: ChartSchema,
  }),
  quote: z.strictObject({ type: z.literal('quote'), ...common, quote: text, attribution: text.optional() }),
  table: z.strictObject({
    type: z.literal('table'),
    ...common,
    title: titleText,
    header: z.array(text).min(1).optional().describe('Column headings; with `data:`, defaults to the CSV header.'),
    rows: z.array(z.array(z.union([z.string().max(MAX_TEXT), z.number()])).max(MAX_COLUMNS)).min(1).max(MAX_ROWS).optional(),
    data: text.optional().describe('A CSV file (relative to the outline) whose rows fill the table.'),
    columns: z.array(text).min(1).max(MAX_COLUMNS).optional().describe('With `data:`, which CSV columns to show, in order (default: all).'),
    caption: text.optional(),
    overflow,
  }),
  image: z.strictObject({
    type: z.literal('image'),
    ...common,
    title: titleText,
    image: text.describe('PNG or JPEG file, relative to the outline, its assets/ folder, or ../assets/.'),
    caption: text.optional(),
    alt: text.describe('Alternative text read by screen readers.'),
  }),
  timeline: z.strictObject({
    type: z.literal('timeline'),
    ...common,
    title: titleText,
    events: z
      .array(
        z.strictObject({
          date: z.union([text, z.number()]).transform(String).describe('When: a year, a date, or a short phrase such as "H1 2024".'),
          title: text.describe('What happened, in a few words.'),
          text: text.optional().describe('One short line of detail.'),
        }),
      )
      .min(2)
      .max(8)
      .describe('Dated milestones, oldest first.'),
  }),
  sources: z.strictObject({ type: z.literal('sources'), ...common }),
  closing: z.strictObject({ type: z.literal('closing'), ...common, subtitle: text.optional(), contact: text.optional() }),
} as const;

export const SLIDE_TYPES = Object.keys(SlideSchemas) as (keyof typeof SlideSchemas)[];

// The slide types listed above deck.layouts and the slide schemas must be the same set.
type Missing = Exclude<keyof typeof SlideSchemas, (typeof SLIDE_TYPE_NAMES)[number]> | Exclude<(typeof SLIDE_TYPE_NAMES)[number], keyof typeof SlideSchemas>;
const sameSlideTypes: [Missing] extends [never] ? true : Missing = true;
void sameSlideTypes;

const slideOptions = Object.values(SlideSchemas) as unknown as [
  (typeof SlideSchemas)['title'],
  ...(typeof SlideSchemas)[keyof typeof SlideSchemas][],
];

export const SlideSchema = z.discriminatedUnion('type', slideOptions);

export const OutlineSchema = z
  .strictObject({
    deck: DeckSchema,
    sources: z.record(id, SourceSchema).default({}),
    facts: z.record(id, FactSchema).default({}),
    slides: z.array(SlideSchema).min(1, 'a deck needs at least one slide').max(MAX_SLIDES),
  })
  .describe('A briefdeck outline: deck metadata, sources, facts and slides.');

export type Outline = z.output<typeof OutlineSchema>;
export type OutlineSlide = z.output<typeof SlideSchema>;
export type OutlineChart = z.output<typeof ChartSchema>;
export type OutlineBullet = z.output<typeof BulletSchema>;
export type OutlineFact = z.output<typeof FactSchema>;

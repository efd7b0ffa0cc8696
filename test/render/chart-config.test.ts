import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../src/render/chart-config.js';
import { formatNumber } from '../../src/model/format.js';
import { registeredKinds } from '../../src/render/kinds/index.js';
import { contrastText, pngPixelSize } from '../../src/render/style.js';
import { CHART_KINDS, type ChartKind, type ChartSpec } from '../../src/model/types.js';
import { combo, finish, FULL, HALF, pie, series, spec, theme, twoSeries } from './fixtures.js';

// The config is chart.js's loosely typed union; the tests read it as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function cfg(s: ChartSpec, size = HALF, t = theme): Any {
  return chartConfig(s, t, size) as Any;
}

/** Every `{ family, size }` font object and data-label size in a config, with its path. */
function fonts(node: unknown, path = '', out: { path: string; size: number; family: string }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((n, i) => fonts(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.size === 'number' && typeof o.family === 'string') out.push({ path, size: o.size, family: o.family });
    for (const [k, v] of Object.entries(o)) fonts(v, `${path}.${k}`, out);
  }
  return out;
}

const ALL_KINDS = CHART_KINDS.map((k) => ({ kind: k }));

describe('chartConfig: one builder per kind', () => {
  it('registers every model kind', () => {
    expect(registeredKinds().sort()).toEqual([...CHART_KINDS].sort());
  });

  it('fails loudly, naming an unknown kind', () => {
    expect(() => chartConfig(spec('radar' as ChartKind), theme, HALF)).toThrow(/radar/);
  });

  it('bar: vertical bars from zero', () => {
    const c = cfg(spec('bar'));
    expect(c.type).toBe('bar');
    expect(c.options.indexAxis).toBe('x');
    expect(c.options.scales.y.type).toBe('linear');
    expect(c.options.scales.y.min).toBe(0);
    expect(c.options.scales.y.stacked).toBe(false);
    expect(c.options.scales.x.type).toBe('category');
  });

  it('hbar: indexAxis y, value axis along x from zero', () => {
    const c = cfg(spec('hbar'));
    expect(c.type).toBe('bar');
    expect(c.options.indexAxis).toBe('y');
    expect(c.options.scales.x.type).toBe('linear');
    expect(c.options.scales.x.min).toBe(0);
    expect(c.options.scales.y.type).toBe('category');
  });

  it('stacked-bar: both axes stacked', () => {
    const c = cfg(spec('stacked-bar', { series: twoSeries }));
    expect(c.type).toBe('bar');
    expect(c.options.scales.x.stacked).toBe(true);
    expect(c.options.scales.y.stacked).toBe(true);
  });

  it('line: no fill; area: stacked bands with opaque fills, the first down to zero', () => {
    const line = cfg(spec('line'));
    expect(line.type).toBe('line');
    expect(line.data.datasets[0].fill).toBe(false);
    const area = cfg(spec('area', { series: twoSeries }));
    expect(area.type).toBe('line');
    expect(area.data.datasets.map((d: Any) => d.fill)).toEqual(['origin', '-1']);
    expect(area.options.scales.y.stacked).toBe(true);
    expect(area.options.scales.y.min).toBe(0);
    // Opaque, so that each band is exactly its legend colour.
    expect(area.data.datasets.map((d: Any) => d.backgroundColor)).toEqual(theme.palette.slice(0, 2));
    // The axis reaches the stacked total (1.75 + 1.3 = 3.05), not just the largest series.
    expect(area.options.scales.y.max).toBeGreaterThanOrEqual(3.05);
  });

  it('pie and doughnut: one colour per label, in palette order', () => {
    for (const kind of ['pie', 'doughnut'] as const) {
      const c = cfg({ ...pie, kind });
      expect(c.type).toBe(kind);
      expect(c.data.datasets[0].backgroundColor).toEqual(theme.palette.slice(0, 5));
      expect(c.options.scales).toBeUndefined();
    }
    expect(cfg({ ...pie, kind: 'doughnut' }).data.datasets[0].cutout).toBeDefined();
    expect(cfg(pie).data.datasets[0].cutout).toBeUndefined();
  });

  it('combo: bars and lines, right-axis series on y2, units above the axes', () => {
    const c = cfg({ ...combo, dataLabels: false });
    expect(c.type).toBe('bar');
    const [gdp, growth] = c.data.datasets;
    expect(gdp.type).toBe('bar');
    expect(gdp.yAxisID).toBe('y');
    expect(growth.type).toBe('line');
    expect(growth.yAxisID).toBe('y2');
    expect(growth.order).toBeLessThan(gdp.order); // line drawn over the bars
    expect(c.options.scales.y2.position).toBe('right');
    expect(c.options.scales.y2.grid.drawOnChartArea).toBe(false);
    // Units are written once, horizontally, above their axes; never as rotated axis titles.
    expect(c.options.scales.y.title.display).toBe(false);
    expect(c.options.scales.y2.title.display).toBe(false);
    expect(c.options.plugins.bdUnits.left.text).toBe('billion yuan');
    expect(c.options.plugins.bdUnits.right.text).toBe('%');
  });

  it('combo: both axes have the same number of steps, each coloured like its one series', () => {
    const c = cfg({ ...combo, dataLabels: false });
    const steps = (a: Any) => Math.round((a.max - a.min) / a.ticks.stepSize);
    expect(steps(c.options.scales.y)).toBe(steps(c.options.scales.y2));
    expect(c.options.scales.y.max).toBeGreaterThanOrEqual(2480.6);
    expect(c.options.scales.y2.max).toBeGreaterThanOrEqual(8.4);
    expect(c.options.scales.y.ticks.color).toBe(theme.palette[0]);
    // The second palette colour is too light for text at 4.5:1: darkened towards the text colour, same hue.
    expect(c.options.scales.y2.ticks.color).not.toBe(theme.colors.text);
    expect(c.options.plugins.bdUnits.right.color).toBe(c.options.scales.y2.ticks.color);
  });

  it('combo with every value labelled: no axes, bars low and lines above them', () => {
    const c = cfg(combo);
    expect(c.options.scales.y.display).toBe(false);
    expect(c.options.scales.y2.display).toBe(false);
    expect(Math.max(...combo.series[0]!.values) / c.options.scales.y.max).toBeLessThanOrEqual(0.61);
    expect(Math.max(...combo.series[1]!.values) / c.options.scales.y2.max).toBeGreaterThan(0.8);
  });

  it('combo without right-axis series has no y2', () => {
    const c = cfg(spec('combo', { series: [series('A', [1, 2, 3]), series('B', [2, 3, 4], { type: 'line' })] }));
    expect(c.options.scales.y2).toBeUndefined();
  });
});

describe('chartConfig: static rendering and style', () => {
  it.each(ALL_KINDS)('$kind: no animation, not responsive, device pixel ratio 2', ({ kind }) => {
    const c = cfg(spec(kind));
    expect(c.options.animation).toBe(false);
    expect(c.options.responsive).toBe(false);
    expect(c.options.maintainAspectRatio).toBe(false);
    expect(c.options.devicePixelRatio).toBe(2);
  });

  it.each(ALL_KINDS)('$kind: all text at least 12 pt (16 CSS px) in the theme body face', ({ kind }) => {
    for (const size of [FULL, HALF]) {
      const s = kind === 'combo' ? combo : kind === 'pie' || kind === 'doughnut' ? { ...pie, kind } : spec(kind, { title: 'T', unit: 'u', series: twoSeries, dataLabels: true });
      const c = cfg({ ...s, title: 'A title' }, size);
      const found = fonts(c.options);
      // ticks, legend, title, subtitle or axis titles, plus data labels: all present and all big enough
      expect(found.length).toBeGreaterThanOrEqual(4);
      for (const f of found) {
        expect(f.size, f.path).toBeGreaterThanOrEqual(16);
        expect(f.family, f.path).toBe('"Carlito", "Noto Sans SC"');
      }
      const dl = c.options.plugins.bdDataLabels;
      expect(dl.size).toBeGreaterThanOrEqual(16);
      expect(dl.minSize).toBeGreaterThanOrEqual(16);
      expect(dl.smallSize).toBeGreaterThanOrEqual(16);
    }
  });

  it('ticks and legend are 14-16 pt', () => {
    const c = cfg(spec('bar', { series: twoSeries }), HALF);
    expect(c.options.scales.y.ticks.font.size).toBeGreaterThanOrEqual(18.6);
    expect(c.options.scales.y.ticks.font.size).toBeLessThanOrEqual(21.4);
    expect(c.options.plugins.legend.labels.font.size).toBeGreaterThanOrEqual(18.6);
  });

  it('maps the theme face to its bundled canvas family', () => {
    const c = cfg(spec('bar'), HALF, { ...theme, bodyFont: 'Arial' });
    expect(new Set(fonts(c.options).map((f) => f.family))).toEqual(new Set(['"Arimo", "Noto Sans SC"']));
  });

  it('uses the theme colours for text, grid and background', () => {
    const c = cfg(spec('bar', { unit: 'u' }));
    expect(c.options.color).toBe(theme.colors.text);
    expect(c.options.scales.y.ticks.color).toBe(theme.colors.text);
    expect(c.options.scales.x.ticks.color).toBe(theme.colors.text);
    expect(c.options.plugins.bdUnits.left.color).toBe(theme.colors.text);
    expect(c.options.scales.y.grid.color).toBe(theme.colors.grid);
    expect(c.options.plugins.bdBackground.color).toBe(theme.colors.background);
    expect(c.plugins.map((p: Any) => p.id)).toContain('bdBackground');
  });

  it('colours series from the palette in order, cycling past its end', () => {
    const many = Array.from({ length: 8 }, (_, i) => series(`S${i}`, [i, i + 1, i + 2]));
    for (const kind of ['bar', 'stacked-bar', 'hbar'] as const) {
      const c = cfg(spec(kind, { series: many }));
      expect(c.data.datasets.map((d: Any) => d.backgroundColor)).toEqual([...theme.palette, theme.palette[0], theme.palette[1]]);
    }
    const line = cfg(spec('line', { series: twoSeries }));
    expect(line.data.datasets.map((d: Any) => d.borderColor)).toEqual(theme.palette.slice(0, 2));
  });

  it('legend: hidden for one series, shown for several; pie and doughnut name their slices beside them instead', () => {
    expect(cfg(spec('bar')).options.plugins.legend.display).toBe(false);
    expect(cfg(spec('line')).options.plugins.legend.display).toBe(false);
    expect(cfg(spec('bar', { series: twoSeries })).options.plugins.legend.display).toBe(true);
    expect(cfg(spec('line', { series: twoSeries })).options.plugins.legend.display).toBe(true);
    expect(cfg(pie).options.plugins.legend.display).toBe(false);
    expect(cfg({ ...pie, kind: 'doughnut' }).options.plugins.legend.display).toBe(false);
    // With data labels off, nothing names the slices but a legend.
    expect(cfg({ ...pie, dataLabels: false }).options.plugins.legend.display).toBe(true);
  });

  it('title and the unit come from the spec; the unit is said once, horizontally, even in Chinese', () => {
    const c = cfg(spec('bar', { title: 'H1 2024', unit: 'trillion yuan' }));
    expect(c.options.plugins.title).toMatchObject({ display: true, text: 'H1 2024' });
    expect(c.options.plugins.bdUnits.left).toMatchObject({ text: 'trillion yuan' });
    expect(c.options.scales.y.title.display).toBe(false);
    const bare = cfg(spec('bar'));
    expect(bare.options.plugins.title.display).toBe(false);
    expect(bare.options.plugins.bdUnits.left).toBeUndefined();
    expect(cfg(spec('hbar', { unit: 'bn' })).options.plugins.bdUnits.left.text).toBe('bn');
    const zh = cfg(spec('bar', { unit: '万亿元 · trillion yuan' }));
    expect(zh.options.plugins.bdUnits.left.text).toBe('万亿元 · trillion yuan');
    expect(zh.options.scales.y.title.display).toBe(false);
  });

  it('pie and doughnut: shares beside the slices, no unit label; a doughnut holds its headline share', () => {
    const c = cfg(pie);
    expect(c.options.plugins.subtitle.display).toBe(false);
    expect(c.options.plugins.bdUnits.left).toBeUndefined();
    expect(c.options.plugins.bdDataLabels.arcs.shares).toEqual(['43.2%', '35.5%', '15.9%', '3.5%', '1.9%']);
    expect(c.options.plugins.bdDataLabels.arcs.names[0]).toEqual(['Electronics']);
    expect(c.options.plugins.bdDataLabels.arcs.hole).toBeUndefined();
    const pct = cfg(finish({ ...pie, kind: 'doughnut', unit: '%', series: [series('Share', [50, 30, 20])], labels: ['A', 'B', 'C'], highlight: [1] }));
    expect(pct.options.plugins.bdDataLabels.arcs.shares).toEqual(['50%', '30%', '20%']);
    expect(pct.options.plugins.bdDataLabels.arcs.hole).toMatchObject({ index: 1, figure: '30%', caption: ['B'] });
  });

  it('wraps long category labels into lines instead of cutting them', () => {
    const long = 'Fixed-asset investment in advanced manufacturing';
    const c = cfg(spec('bar', { labels: ['Output', 'Trade', long], series: [series('x', [1, 2, 3])] }), HALF);
    const label = c.data.labels[2];
    expect(Array.isArray(label)).toBe(true);
    expect((label as string[]).join(' ')).toBe(long);
    expect(c.data.labels[0]).toBe('Output');
    const h = cfg(spec('hbar', { labels: ['Output', 'Trade', long], series: [series('x', [1, 2, 3])] }), HALF);
    expect((h.data.labels[2] as string[]).join(' ')).toBe(long);
  });

  it('config is plain data: JSON-serialisable and identical for the same input', () => {
    const a = JSON.stringify(cfg(combo));
    const b = JSON.stringify(cfg(combo));
    expect(a).toBe(b);
    expect(JSON.parse(a).options.scales.y2.position).toBe('right');
  });

  it('rejects a non-positive size', () => {
    expect(() => chartConfig(spec('bar'), theme, { widthIn: 0, heightIn: 4 })).toThrow(/size/);
  });
});

describe('chartConfig: data labels and number formats', () => {
  it.each(ALL_KINDS)('$kind: label plugin present iff dataLabels', ({ kind }) => {
    const ids = (s: ChartSpec): string[] => cfg(s).plugins.map((p: Any) => p.id);
    expect(ids(spec(kind, { dataLabels: true }))).toContain('bdDataLabels');
    expect(ids(spec(kind, { dataLabels: false }))).not.toContain('bdDataLabels');
  });

  it('label texts: the model\'s, with the data\'s decimals (at most 2) unless the spec says', () => {
    const texts = (s: ChartSpec) => cfg(s).options.plugins.bdDataLabels.texts;
    expect(texts(spec('bar', { dataLabels: true, series: [series('x', [15.2, 4.7, 1])] }))).toEqual([['15.2', '4.7', '1.0']]);
    expect(texts(spec('bar', { dataLabels: true, series: [series('x', [1.23456, 2, 3])] }))).toEqual([['1.23', '2.00', '3.00']]);
    expect(texts(spec('bar', { dataLabels: true, decimals: 0 }))).toEqual([['1', '2', '2']]);
    // A small number keeps its first digit rather than reading 0.
    expect(texts(spec('bar', { dataLabels: true, series: [series('x', [0.0000001, 0.0000003, 0])] }))).toEqual([['0.0000001', '0.0000003', '0.0000000']]);
    // combo: each axis keeps the digits its own series need
    const mixed = finish({ ...combo, series: [series('GDP', [2150, 2290, 2480]), series('Growth', [8.4, 3, 5.25], { type: 'line' as const, axis: 'right' as const })] });
    expect(texts(mixed)).toEqual([['2,150', '2,290', '2,480'], ['8.40', '3.00', '5.25']]);
  });

  it('highlight: the other labels muted; with data labels off, the highlighted ones still labelled', () => {
    const c = cfg(spec('bar', { highlight: [1] }));
    const colors = c.data.datasets[0].backgroundColor as string[];
    expect(colors[1]).toBe(theme.palette[0]);
    expect(colors[0]).not.toBe(theme.palette[0]);
    expect(colors[2]).toBe(colors[0]);
    expect(c.options.plugins.bdDataLabels).toMatchObject({ display: true, only: [1] });
    expect(c.plugins.map((p: Any) => p.id)).toContain('bdDataLabels');
    const line = cfg(spec('line', { highlight: [2] }));
    expect(line.data.datasets[0].pointRadius).toEqual([4, 4, 7]);
  });

  it('stacked bars label the middle of each segment', () => {
    expect(cfg(spec('stacked-bar', { dataLabels: true, series: twoSeries })).options.plugins.bdDataLabels.stacked).toBe(true);
    expect(cfg(spec('bar', { dataLabels: true })).options.plugins.bdDataLabels.stacked).toBe(false);
  });

  it('every value labelled: no value axis and no gridlines, with headroom for the labels', () => {
    const labelled = cfg(spec('bar', { dataLabels: true }));
    expect(labelled.options.scales.y.display).toBe(false);
    expect(labelled.options.scales.y.grace).not.toBe(0);
    const plain = cfg(spec('bar', { dataLabels: false }));
    expect(plain.options.scales.y.display).toBe(true);
    expect(plain.options.scales.y.grid.display).toBe(true);
  });

  it('axis maximum: a nice number just above the data (16 for 15.2, not 20)', () => {
    const c = cfg(spec('hbar', { series: [series('x', [15.2, 4.7, 1.3])] }));
    expect([c.options.scales.x.min, c.options.scales.x.max, c.options.scales.x.ticks.stepSize]).toEqual([0, 16, 4]);
  });

  it('formats ticks with separators and the decimals of the step', () => {
    const c = cfg(spec('bar', { series: [series('x', [1200.5, 2500.25, 3000])] }));
    const cb = c.options.scales.y.ticks.callback as (v: number) => string;
    expect(cb(1500.0000000002)).toBe('1,500');
    const fine = cfg(spec('bar', { series: [series('x', [0.2, 0.55, 1.3])] }));
    expect((fine.options.scales.y.ticks.callback as (v: number) => string)(0.6000000000000001)).toBe('0.6');
  });

  it('formatNumber: the one formatter', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(15.2, 1)).toBe('15.2');
    expect(formatNumber(3, 1)).toBe('3.0');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(-1500, 0)).toBe('-1,500');
    expect(formatNumber(1110, 0)).toBe('1,110');
  });

  it('label text contrasts with its fill', () => {
    expect(contrastText('#1F4E79', '#FFFFFF', '#1F2937')).toBe('#FFFFFF');
    expect(contrastText('#E1A23B', '#FFFFFF', '#1F2937')).toBe('#1F2937');
    expect(contrastText('#F3F4F6', '#FFFFFF', '#1F2937')).toBe('#1F2937');
  });

  it('PNG size is 2× the placed size at 96 px/in', () => {
    expect(pngPixelSize(FULL)).toEqual({ widthPx: 2285, heightPx: 941 });
    expect(pngPixelSize(HALF)).toEqual({ widthPx: 1190, heightPx: 941 });
  });
});

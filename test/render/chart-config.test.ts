import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../src/render/chart-config.js';
import { decimalsOf, formatNumber } from '../../src/render/format.js';
import { registeredKinds } from '../../src/render/kinds/index.js';
import { outsideLabelFit } from '../../src/render/kinds/circular.js';
import { contrastText, pngPixelSize } from '../../src/render/style.js';
import { CHART_KINDS, type ChartKind, type ChartSpec } from '../../src/model/types.js';
import { combo, FULL, HALF, pie, series, spec, theme, twoSeries } from './fixtures.js';

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
    expect(c.options.scales.y.beginAtZero).toBe(true);
    expect(c.options.scales.y.stacked).toBe(false);
    expect(c.options.scales.x.type).toBe('category');
  });

  it('hbar: indexAxis y, value axis along x from zero', () => {
    const c = cfg(spec('hbar'));
    expect(c.type).toBe('bar');
    expect(c.options.indexAxis).toBe('y');
    expect(c.options.scales.x.type).toBe('linear');
    expect(c.options.scales.x.beginAtZero).toBe(true);
    expect(c.options.scales.y.type).toBe('category');
  });

  it('stacked-bar: both axes stacked', () => {
    const c = cfg(spec('stacked-bar', { series: twoSeries }));
    expect(c.type).toBe('bar');
    expect(c.options.scales.x.stacked).toBe(true);
    expect(c.options.scales.y.stacked).toBe(true);
  });

  it('line: no fill; area: filled to the origin', () => {
    const line = cfg(spec('line'));
    expect(line.type).toBe('line');
    expect(line.data.datasets[0].fill).toBe(false);
    const area = cfg(spec('area'));
    expect(area.type).toBe('line');
    expect(area.data.datasets[0].fill).toBe('origin');
    expect(area.options.scales.y.beginAtZero).toBe(true);
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

  it('combo: bars and lines, right-axis series on y2 with unit2 as its title', () => {
    const c = cfg(combo);
    expect(c.type).toBe('bar');
    const [gdp, growth] = c.data.datasets;
    expect(gdp.type).toBe('bar');
    expect(gdp.yAxisID).toBe('y');
    expect(growth.type).toBe('line');
    expect(growth.yAxisID).toBe('y2');
    expect(growth.order).toBeLessThan(gdp.order); // line drawn over the bars
    expect(c.options.scales.y2.position).toBe('right');
    expect(c.options.scales.y2.title).toMatchObject({ display: true, text: '%' });
    expect(c.options.scales.y2.grid.drawOnChartArea).toBe(false);
    expect(c.options.scales.y.title).toMatchObject({ display: true, text: 'billion yuan' });
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
    expect(c.options.scales.y.title.color).toBe(theme.colors.text);
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

  it('legend: hidden for one series, shown for several, always for pie and doughnut', () => {
    expect(cfg(spec('bar')).options.plugins.legend.display).toBe(false);
    expect(cfg(spec('line')).options.plugins.legend.display).toBe(false);
    expect(cfg(spec('bar', { series: twoSeries })).options.plugins.legend.display).toBe(true);
    expect(cfg(spec('line', { series: twoSeries })).options.plugins.legend.display).toBe(true);
    expect(cfg(pie).options.plugins.legend.display).toBe(true);
    expect(cfg({ ...pie, kind: 'doughnut' }).options.plugins.legend.display).toBe(true);
  });

  it('title and axis titles come from the spec', () => {
    const c = cfg(spec('bar', { title: 'H1 2024', unit: 'trillion yuan' }));
    expect(c.options.plugins.title).toMatchObject({ display: true, text: 'H1 2024' });
    expect(c.options.scales.y.title).toMatchObject({ display: true, text: 'trillion yuan' });
    const bare = cfg(spec('bar'));
    expect(bare.options.plugins.title.display).toBe(false);
    expect(bare.options.scales.y.title.display).toBe(false);
    expect(cfg(spec('hbar', { unit: 'bn' })).options.scales.x.title.text).toBe('bn');
  });

  it('pie: unit under the title, or as a suffix when the values are percentages', () => {
    expect(cfg(pie).options.plugins.subtitle).toMatchObject({ display: true, text: 'billion yuan' });
    const pct = cfg({ ...pie, unit: '%', series: [series('Share', [50, 30, 20])], labels: ['A', 'B', 'C'] });
    expect(pct.options.plugins.subtitle.display).toBe(false);
    expect(pct.options.plugins.bdDataLabels.suffix).toBe('%');
    expect(pct.options.plugins.bdDataLabels.percent).toBe(false);
    expect(cfg(pie).options.plugins.bdDataLabels.percent).toBe(true);
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

  it('label decimals: from the data (capped at 2) unless the spec says', () => {
    expect(cfg(spec('bar', { dataLabels: true, series: [series('x', [15.2, 4.7, 1])] })).options.plugins.bdDataLabels.decimals).toEqual([1]);
    expect(cfg(spec('bar', { dataLabels: true, series: [series('x', [1.23456, 2, 3])] })).options.plugins.bdDataLabels.decimals).toEqual([2]);
    expect(cfg(spec('bar', { dataLabels: true, decimals: 0 })).options.plugins.bdDataLabels.decimals).toEqual([0]);
    // combo: each axis keeps the digits its own series need
    expect(cfg(combo).options.plugins.bdDataLabels.decimals).toEqual([1, 1]);
    const mixed = { ...combo, series: [series('GDP', [2150, 2290, 2480]), series('Growth', [8.4, 3, 5.25], { type: 'line' as const, axis: 'right' as const })] };
    expect(cfg(mixed).options.plugins.bdDataLabels.decimals).toEqual([0, 2]);
  });

  it('stacked bars label the middle of each segment', () => {
    expect(cfg(spec('stacked-bar', { dataLabels: true, series: twoSeries })).options.plugins.bdDataLabels.stacked).toBe(true);
    expect(cfg(spec('bar', { dataLabels: true })).options.plugins.bdDataLabels.stacked).toBe(false);
  });

  it('leaves headroom for labels past the largest bar', () => {
    expect(cfg(spec('bar', { dataLabels: true })).options.scales.y.grace).not.toBe(0);
    expect(cfg(spec('bar', { dataLabels: false })).options.scales.y.grace).toBe(0);
  });

  it('formats ticks with separators and no floating-point noise', () => {
    const c = cfg(spec('bar', { series: [series('x', [1200.5, 2500.25, 3000])] }));
    const cb = c.options.scales.y.ticks.callback as (v: number, i: number, t: { value: number }[]) => string;
    const ticks = [0, 500, 1000, 1500.0000000002].map((value) => ({ value }));
    expect(cb(1500.0000000002, 3, ticks)).toBe('1,500');
    const fine = [0, 0.2, 0.4, 0.6000000000000001].map((value) => ({ value }));
    expect(cb(0.6000000000000001, 3, fine)).toBe('0.6');
    expect(c.options.scales.y.ticks.precision).toBe(2);
  });

  it('formatNumber and decimalsOf', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(15.2, 1)).toBe('15.2');
    expect(formatNumber(3, 1)).toBe('3.0');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(-1500, 0)).toBe('-1,500');
    expect(decimalsOf([1, 2, 3])).toBe(0);
    expect(decimalsOf([0.1 + 0.2])).toBe(1);
    expect(decimalsOf([1.5, 2.25])).toBe(2);
    expect(decimalsOf([Math.PI])).toBe(2);
  });

  it('label text contrasts with its fill', () => {
    expect(contrastText('#1F4E79', '#FFFFFF', '#1F2937')).toBe('#FFFFFF');
    expect(contrastText('#E1A23B', '#FFFFFF', '#1F2937')).toBe('#1F2937');
    expect(contrastText('#F3F4F6', '#FFFFFF', '#1F2937')).toBe('#1F2937');
  });

  it('turns a pie so that small slices point to where their labels have room', () => {
    // Two small slices at the end sit just left of 12 o'clock; in a wide box they go to 9 o'clock.
    const wide = outsideLabelFit([3420, 2810, 1260, 280, 150], { w: 800, h: 400, r0: 200, pad: 8, box: { w: 60, h: 44 } });
    expect(wide.rotation).not.toBe(0);
    expect(wide.r).toBeGreaterThan(170);
    // No small slices: full size, not turned.
    expect(outsideLabelFit([40, 35, 25], { w: 400, h: 400, r0: 200, pad: 8, box: { w: 60, h: 44 } })).toEqual({ r: 200, rotation: 0 });
  });

  it('PNG size is 2× the placed size at 96 px/in', () => {
    expect(pngPixelSize(FULL)).toEqual({ widthPx: 2285, heightPx: 941 });
    expect(pngPixelSize(HALF)).toEqual({ widthPx: 1190, heightPx: 941 });
  });
});

// DrawingML colours (ECMA-376 Part 1, 20.1.2.3) resolved to #RRGGBB: the six ways to name a colour
// (srgbClr, scrgbClr, hslClr, sysClr, schemeClr, prstClr) and the transforms that follow them in
// document order. Luminance, hue and saturation transforms work in HSL; tint, shade and the channel
// transforms work on linear RGB, as PowerPoint and LibreOffice apply them (a 75% tint of black is
// #898989, not #404040).
import { child, elements, type Element } from '../xml.js';
import { COLOR_ROLES, type ColorMap, type ColorRole, type ColorValue, type SchemeSlot, SCHEME_SLOTS } from './model.js';

/** What a scheme colour reference needs: the theme's colours, the colour map in force, and phClr. */
export interface ColorContext {
  scheme: Record<SchemeSlot, string>;
  map: ColorMap;
  /** The colour a style reference (`fillRef`, `bgRef`) passes down as `phClr`. */
  placeholder?: string;
}

const COLOR_ELEMENTS = new Set(['srgbClr', 'scrgbClr', 'hslClr', 'sysClr', 'schemeClr', 'prstClr']);

/** The first colour element among `el`'s children (as in `a:solidFill`), if any. */
export function colorChild(el: Element | undefined): Element | undefined {
  if (!el) return undefined;
  return elements(el).find((c) => COLOR_ELEMENTS.has(c.localName ?? ''));
}

/** A colour element resolved; undefined when it is not one or names nothing known. */
export function resolveColor(el: Element | undefined, ctx: ColorContext): ColorValue | undefined {
  if (!el) return undefined;
  const base = baseColor(el, ctx);
  if (!base) return undefined;
  const transforms = elements(el);
  const hex = transforms.length ? applyTransforms(base, transforms) : base;
  const val = el.getAttribute('val') ?? '';
  const role = el.localName === 'schemeClr' && transforms.every((t) => t.localName === 'alpha') && (COLOR_ROLES as readonly string[]).includes(val) ? (val as ColorRole) : undefined;
  return role ? { hex, role } : { hex };
}

/** Resolves a scheme colour name (a role such as tx1, or a slot such as dk1) through the colour map. */
export function schemeHex(val: string, ctx: ColorContext): string | undefined {
  if (val === 'phClr') return ctx.placeholder ?? ctx.scheme[ctx.map.tx1];
  if ((COLOR_ROLES as readonly string[]).includes(val)) return ctx.scheme[ctx.map[val as ColorRole]];
  if ((SCHEME_SLOTS as readonly string[]).includes(val)) return ctx.scheme[val as SchemeSlot];
  return undefined;
}

function baseColor(el: Element, ctx: ColorContext): string | undefined {
  const val = el.getAttribute('val') ?? '';
  switch (el.localName) {
    case 'srgbClr':
      return /^[0-9a-f]{6}$/i.test(val) ? `#${val.toUpperCase()}` : undefined;
    case 'sysClr': {
      const last = el.getAttribute('lastClr') ?? '';
      if (/^[0-9a-f]{6}$/i.test(last)) return `#${last.toUpperCase()}`;
      return SYSTEM_COLORS[val];
    }
    case 'schemeClr':
      return schemeHex(val, ctx);
    case 'prstClr':
      return presetColor(val);
    case 'scrgbClr': {
      const c = ['r', 'g', 'b'].map((k) => pct(el.getAttribute(k)));
      return rgbHex(c.map((v) => fromLinear(v)) as Rgb01);
    }
    case 'hslClr': {
      const h = (Number(el.getAttribute('hue') ?? 0) / 60000) % 360;
      return rgbHex(hslToRgb([h / 360, clamp01(pct(el.getAttribute('sat'))), clamp01(pct(el.getAttribute('lum')))]));
    }
    default:
      return undefined;
  }
}

type Rgb01 = [number, number, number];

/** Percentages are written in thousandths of a percent (100000 = 100%); some writers add a `%`. */
function pct(v: string | null): number {
  if (v === null || v === '') return 0;
  const n = v.endsWith('%') ? Number(v.slice(0, -1)) * 1000 : Number(v);
  return Number.isFinite(n) ? n / 100000 : 0;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

function hexRgb(hex: string): Rgb01 {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as Rgb01;
}

function rgbHex(c: Rgb01): string {
  return `#${c.map((v) => Math.round(clamp01(v) * 255).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

// IEC 61966-2-1 sRGB transfer function.
const toLinear = (s: number): number => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
const fromLinear = (v: number): number => {
  const c = clamp01(v);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
};

function rgbToHsl([r, g, b]: Rgb01): Rgb01 {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb([h, s, l]: Rgb01): Rgb01 {
  if (s === 0) return [l, l, l];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [hue(h + 1 / 3), hue(h), hue(h - 1 / 3)];
}

/** Applies DrawingML colour transforms in document order. */
export function applyTransforms(hex: string, transforms: Element[]): string {
  let rgb = hexRgb(hex);
  const inHsl = (f: (hsl: Rgb01) => Rgb01): void => {
    rgb = hslToRgb(f(rgbToHsl(rgb)));
  };
  const inLinear = (f: (lin: Rgb01) => Rgb01): void => {
    rgb = f(rgb.map(toLinear) as Rgb01).map(fromLinear) as Rgb01;
  };
  for (const t of transforms) {
    const v = pct(t.getAttribute('val'));
    switch (t.localName) {
      case 'lumMod':
        inHsl(([h, s, l]) => [h, s, clamp01(l * v)]);
        break;
      case 'lumOff':
        inHsl(([h, s, l]) => [h, s, clamp01(l + v)]);
        break;
      case 'lum':
        inHsl(([h, s]) => [h, s, clamp01(v)]);
        break;
      case 'satMod':
        inHsl(([h, s, l]) => [h, clamp01(s * v), l]);
        break;
      case 'satOff':
        inHsl(([h, s, l]) => [h, clamp01(s + v), l]);
        break;
      case 'sat':
        inHsl(([h, , l]) => [h, clamp01(v), l]);
        break;
      case 'hue': // angles in 60000ths of a degree
        inHsl(([, s, l]) => [(((Number(t.getAttribute('val') ?? 0) / 60000 / 360) % 1) + 1) % 1, s, l]);
        break;
      case 'hueOff':
        inHsl(([h, s, l]) => [(((h + Number(t.getAttribute('val') ?? 0) / 60000 / 360) % 1) + 1) % 1, s, l]);
        break;
      case 'hueMod':
        inHsl(([h, s, l]) => [(((h * v) % 1) + 1) % 1, s, l]);
        break;
      case 'comp':
        inHsl(([h, s, l]) => [(h + 0.5) % 1, s, l]);
        break;
      case 'inv':
        rgb = rgb.map((c) => 1 - c) as Rgb01;
        break;
      case 'gray': {
        const y = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
        rgb = [y, y, y];
        break;
      }
      case 'tint': // towards white by (1 - v)
        inLinear((c) => c.map((x) => 1 - (1 - x) * clamp01(v)) as Rgb01);
        break;
      case 'shade': // towards black by (1 - v)
        inLinear((c) => c.map((x) => x * clamp01(v)) as Rgb01);
        break;
      case 'gamma':
        rgb = rgb.map(fromLinear) as Rgb01;
        break;
      case 'invGamma':
        rgb = rgb.map(toLinear) as Rgb01;
        break;
      case 'red':
      case 'green':
      case 'blue':
      case 'redMod':
      case 'greenMod':
      case 'blueMod':
      case 'redOff':
      case 'greenOff':
      case 'blueOff': {
        const name = t.localName;
        const i = name.startsWith('red') ? 0 : name.startsWith('green') ? 1 : 2;
        inLinear((c) => {
          const out = [...c] as Rgb01;
          if (name.endsWith('Mod')) out[i] = clamp01(c[i] * v);
          else if (name.endsWith('Off')) out[i] = clamp01(c[i] + v);
          else out[i] = clamp01(v);
          return out;
        });
        break;
      }
      default: // alpha, alphaMod, alphaOff: opacity does not change the colour text is read against
        break;
    }
  }
  return rgbHex(rgb);
}

/** The colour a pattern fill (a:pattFill) reads as: mostly its background, with thin foreground strokes. */
export function patternHex(fill: Element, ctx: ColorContext): string {
  const fg = resolveColor(colorChild(child(fill, 'a', 'fgClr')), ctx)?.hex ?? '#000000';
  const back = resolveColor(colorChild(child(fill, 'a', 'bgClr')), ctx)?.hex ?? '#FFFFFF';
  return mixHex([fg, back], [1, 3]);
}

/** Mixes colours channel by channel (weights default to equal). */
export function mixHex(colors: readonly string[], weights?: readonly number[]): string {
  if (colors.length === 0) return '#FFFFFF';
  const w = weights ?? colors.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const sum = [0, 0, 0];
  colors.forEach((c, k) => {
    const rgb = hexRgb(c);
    for (let i = 0; i < 3; i++) sum[i]! += rgb[i]! * (w[k] ?? 0);
  });
  return rgbHex(sum.map((v) => v / total) as Rgb01);
}

const SYSTEM_COLORS: Record<string, string> = {
  windowText: '#000000', window: '#FFFFFF', btnFace: '#F0F0F0', btnText: '#000000', highlight: '#0078D7',
  highlightText: '#FFFFFF', menu: '#F0F0F0', menuText: '#000000', grayText: '#6D6D6D', captionText: '#000000',
  infoText: '#000000', infoBk: '#FFFFE1', '3dDkShadow': '#696969', '3dLight': '#E3E3E3', btnShadow: '#A0A0A0',
  btnHighlight: '#FFFFFF', activeCaption: '#99B4D1', inactiveCaption: '#BFCDDB', windowFrame: '#646464',
};

// CSS named colours (the DrawingML preset names are these, with dk/lt/med for dark/light/medium).
const CSS_COLORS = (
  'aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc bisque ffe4c4 black 000000 ' +
  'blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 ' +
  'chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b ' +
  'darkgoldenrod b8860b darkgray a9a9a9 darkgrey a9a9a9 darkgreen 006400 darkkhaki bdb76b darkmagenta 8b008b darkolivegreen 556b2f ' +
  'darkorange ff8c00 darkorchid 9932cc darkred 8b0000 darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f ' +
  'darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff dimgray 696969 dimgrey 696969 ' +
  'dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff ' +
  'gold ffd700 goldenrod daa520 gray 808080 grey 808080 green 008000 greenyellow adff2f honeydew f0fff0 hotpink ff69b4 indianred cd5c5c ' +
  'indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 ' +
  'lightcoral f08080 lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgrey d3d3d3 lightgreen 90ee90 lightpink ffb6c1 ' +
  'lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de ' +
  'lightyellow ffffe0 lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa mediumblue 0000cd ' +
  'mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc ' +
  'mediumvioletred c71585 midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 ' +
  'oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 ' +
  'paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 ' +
  'purple 800080 red ff0000 rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 ' +
  'seashell fff5ee sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa ' +
  'springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 ' +
  'white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32'
).split(' ');
const CSS = new Map<string, string>();
for (let i = 0; i + 1 < CSS_COLORS.length; i += 2) CSS.set(CSS_COLORS[i]!, `#${CSS_COLORS[i + 1]!.toUpperCase()}`);

/** A DrawingML preset colour (`dkSlateGray`, `medPurple`, `ltBlue`), via the CSS colour it names. */
export function presetColor(val: string): string | undefined {
  const css = val.replace(/^dk(?=[A-Z])/, 'dark').replace(/^lt(?=[A-Z])/, 'light').replace(/^med(?=[A-Z])/, 'medium').toLowerCase();
  return CSS.get(css);
}

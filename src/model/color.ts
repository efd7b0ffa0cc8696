// Colour arithmetic for checking themes: parsing, WCAG contrast, CIE Lab, CIEDE2000 and a colour-vision
// deficiency simulation. Pure functions of hex strings. The chart module has its own `luminance` and
// `contrastRatio` in render/style.ts; these give the same numbers for every valid 8-bit colour.

export type Rgb = [number, number, number];
export type Lab = [number, number, number];
export type ColorBlindness = 'protan' | 'deutan' | 'tritan';

/** [r, g, b] 0-255 of "#RRGGBB", "#RGB" or "RRGGBB" (also "RGB"); undefined when malformed. */
export function parseHex(color: string): Rgb | undefined {
  if (typeof color !== 'string') return undefined;
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

/** "#RRGGBB" (upper case) of 0-255 channels, rounded and clamped. */
export function toHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

function parseOrThrow(color: string): Rgb {
  const rgb = parseHex(color);
  if (!rgb) throw new Error(`not a hex colour: ${JSON.stringify(color)}`);
  return rgb;
}

// sRGB transfer function, IEC 61966-2-1. WCAG 2.x writes the threshold as 0.03928, sRGB as 0.04045: no
// 8-bit value lies between them (10/255 = 0.0392, 11/255 = 0.0431), so both give identical results.
function toLinear(c255: number): number {
  const s = c255 / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function fromLinear(v: number): number {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
}

/** Relative luminance, 0 (black) to 1 (white). Source: WCAG 2.x, definition of "relative luminance". */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseOrThrow(hex);
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** Contrast ratio, 1 to 21. Source: WCAG 2.x, definition of "contrast ratio": (L1 + 0.05) / (L2 + 0.05). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

// D65 reference white, CIE 1931 2° observer, Y normalised to 1.
const WHITE: Lab = [0.95047, 1, 1.08883];
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

/** CIE L*a*b* of an sRGB colour. Source: IEC 61966-2-1 sRGB→XYZ matrix (D65), CIE 15:2004 XYZ→Lab. */
export function toLab(hex: string): Lab {
  return rgbToLab(parseOrThrow(hex));
}

function rgbToLab(rgb: Rgb): Lab {
  const [r, g, b] = rgb.map(toLinear) as Rgb;
  const xyz = [
    0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
    0.2126729 * r + 0.7151522 * g + 0.072175 * b,
    0.0193339 * r + 0.119192 * g + 0.9503041 * b,
  ];
  const [fx, fy, fz] = xyz.map((v, i) => {
    const t = v / WHITE[i]!;
    return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
  }) as Rgb;
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** Nearest "#RRGGBB" of a Lab colour (out-of-gamut channels are clipped). Inverse of `toLab`. */
export function labToHex(lab: readonly [number, number, number]): string {
  const [L, a, b] = lab;
  const fy = (L + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const inv = (f: number): number => (f ** 3 > EPS ? f ** 3 : (116 * f - 16) / KAPPA);
  const x = inv(fx) * WHITE[0];
  const y = inv(fy) * WHITE[1];
  const z = inv(fz) * WHITE[2];
  const lin = [
    3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
    -0.969266 * x + 1.8760108 * y + 0.041556 * z,
    0.0556434 * x - 0.2040259 * y + 1.0572252 * z,
  ];
  return toHex(lin.map(fromLinear) as Rgb);
}

const rad = (deg: number): number => (deg * Math.PI) / 180;
const deg = (r: number): number => (r * 180) / Math.PI;

/**
 * CIEDE2000 colour difference of two Lab colours (kL = kC = kH = 1). Source: Sharma, Wu & Dalal (2005),
 * "The CIEDE2000 color-difference formula: implementation notes", eqs. 1–22.
 */
export function deltaE2000Lab(lab1: readonly [number, number, number], lab2: readonly [number, number, number]): number {
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const Cbar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, ap: number): number => (b === 0 && ap === 0 ? 0 : (deg(Math.atan2(b, ap)) + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);

  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));

  const Lbp = (L1 + L2) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hbp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbp = (h1p + h2p) / 2;
    else hbp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T =
    1 - 0.17 * Math.cos(rad(hbp - 30)) + 0.24 * Math.cos(rad(2 * hbp)) + 0.32 * Math.cos(rad(3 * hbp + 6)) - 0.2 * Math.cos(rad(4 * hbp - 63));
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cbp ** 7 / (Cbp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const SC = 1 + 0.045 * Cbp;
  const SH = 1 + 0.015 * Cbp * T;
  const RT = -Math.sin(rad(2 * dTheta)) * RC;
  const l = dLp / SL;
  const c = dCp / SC;
  const h = dHp / SH;
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

/** CIEDE2000 difference of two hex colours: about 1 is just noticeable side by side, 0 is identical. */
export function deltaE(a: string, b: string): number {
  return deltaE2000Lab(toLab(a), toLab(b));
}

// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision
// Deficiency", severity 1.0 matrices (dichromacy), applied to linear RGB.
const CVD: Record<ColorBlindness, readonly (readonly [number, number, number])[]> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** How `hex` looks to a protanope, deuteranope or tritanope, as "#RRGGBB". Source: Machado et al. 2009. */
export function simulateColorBlind(hex: string, kind: ColorBlindness): string {
  const lin = parseOrThrow(hex).map(toLinear);
  const out = CVD[kind].map((row) => row[0] * lin[0]! + row[1] * lin[1]! + row[2] * lin[2]!);
  return toHex(out.map(fromLinear) as Rgb);
}

/**
 * The colour nearest to `hex` in lightness (same Lab a*, b*) whose contrast with every one of `against`
 * is at least `min`, or undefined when neither darkening nor lightening gets there.
 */
export function adjustForContrast(hex: string, against: readonly string[], min: number): string | undefined {
  const [L, a, b] = toLab(hex);
  const passes = (c: string): boolean => against.every((bg) => contrastRatio(c, bg) >= min);
  for (let step = 0.5; step <= 100; step += 0.5) {
    for (const dir of [-1, 1]) {
      const l = L + dir * step;
      if (l < 0 || l > 100) continue;
      const c = labToHex([l, a, b]);
      if (passes(c)) return c;
    }
  }
  return undefined;
}

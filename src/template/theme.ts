// A theme part (`ppt/theme/themeN.xml`): its colour scheme, font scheme, and the background fill styles
// that a master's `p:bgRef` points into.
import { child, children, elements, path, type Element } from '../xml.js';
import { colorChild, resolveColor } from './color.js';
import { DEFAULT_COLOR_MAP, SCHEME_SLOTS, type SchemeSlot, type TemplateTheme, type ThemeFonts } from './model.js';

export interface ThemePart {
  theme: TemplateTheme;
  /** `a:fmtScheme/a:bgFillStyleLst` children (bgRef idx 1001 is the first). */
  bgFills: Element[];
  /** `a:fmtScheme/a:fillStyleLst` children (fillRef idx 1 is the first). */
  fills: Element[];
}

/** Office's default scheme, for a theme that leaves a slot out. */
const OFFICE_COLORS: Record<SchemeSlot, string> = {
  dk1: '#000000', lt1: '#FFFFFF', dk2: '#44546A', lt2: '#E7E6E6',
  accent1: '#4472C4', accent2: '#ED7D31', accent3: '#A5A5A5', accent4: '#FFC000', accent5: '#5B9BD5', accent6: '#70AD47',
  hlink: '#0563C1', folHlink: '#954F72',
};

export function readTheme(root: Element | undefined): ThemePart {
  const elementsEl = child(root, 'a', 'themeElements');
  const clrScheme = child(elementsEl, 'a', 'clrScheme');
  const colors = { ...OFFICE_COLORS };
  // Scheme colours are literal (srgbClr or sysClr); resolving them needs no scheme.
  const bare = { scheme: OFFICE_COLORS, map: DEFAULT_COLOR_MAP };
  for (const slot of SCHEME_SLOTS) {
    const c = resolveColor(colorChild(child(clrScheme, 'a', slot)), bare);
    if (c) colors[slot] = c.hex;
  }
  const fontScheme = child(elementsEl, 'a', 'fontScheme');
  const fmt = child(elementsEl, 'a', 'fmtScheme');
  return {
    theme: {
      name: root?.getAttribute('name') || clrScheme?.getAttribute('name') || 'Theme',
      colors,
      major: readFonts(child(fontScheme, 'a', 'majorFont'), 'Calibri Light'),
      minor: readFonts(child(fontScheme, 'a', 'minorFont'), 'Calibri'),
    },
    bgFills: elementsOf(path(fmt, 'a:bgFillStyleLst')),
    fills: elementsOf(path(fmt, 'a:fillStyleLst')),
  };
}

function elementsOf(el: Element | undefined): Element[] {
  return el ? elements(el) : [];
}

function readFonts(el: Element | undefined, fallback: string): ThemeFonts {
  const face = (local: string): string | undefined => child(el, 'a', local)?.getAttribute('typeface')?.trim() || undefined;
  const scripts: Record<string, string> = {};
  for (const f of el ? children(el, 'a', 'font') : []) {
    const script = f.getAttribute('script');
    const typeface = f.getAttribute('typeface')?.trim();
    if (script && typeface) scripts[script] = typeface;
  }
  const out: ThemeFonts = { latin: face('latin') ?? fallback, scripts };
  const ea = face('ea');
  const cs = face('cs');
  if (ea) out.ea = ea;
  if (cs) out.cs = cs;
  return out;
}

/** A theme font reference (`+mj-lt`, `+mn-ea`, …) resolved to the face it names; other names as they are. */
export function resolveThemeFont(typeface: string, theme: TemplateTheme): string | undefined {
  const m = /^\+(mj|mn)-(lt|ea|cs)$/.exec(typeface);
  if (!m) return typeface || undefined;
  const fonts = m[1] === 'mj' ? theme.major : theme.minor;
  return m[2] === 'lt' ? fonts.latin : m[2] === 'ea' ? fonts.ea : fonts.cs;
}

// The theme part (ppt/theme/theme1.xml) carries the deck's colour scheme and font scheme, so that
// PowerPoint's Design → Colours and Fonts, and text or shapes a user inserts, follow the deck's theme.
// The effect (format) scheme is the stock Office one that pptxgenjs writes.
import type { SchemeSlot, TemplateTheme, ThemeFonts } from '../template/model.js';
import { SCHEME_SLOTS } from '../template/model.js';
import { child, children, create, NS, path, removeChildren, type Document, type Element } from '../xml.js';

/** `base` (a theme part) with the theme's name, colours and fonts. */
export function themeDocument(base: Document, theme: TemplateTheme): Document {
  const root = base.documentElement!;
  const name = `briefdeck ${theme.name}`;
  root.setAttribute('name', name);
  const elements = child(root, 'a', 'themeElements');
  const scheme = child(elements, 'a', 'clrScheme');
  const fonts = child(elements, 'a', 'fontScheme');
  if (!scheme || !fonts) throw new Error('internal: the base theme has no colour or font scheme');
  scheme.setAttribute('name', name);
  for (const slot of SCHEME_SLOTS) setSlot(base, scheme, slot, theme.colors[slot]);
  fonts.setAttribute('name', name);
  setFonts(base, child(fonts, 'a', 'majorFont')!, theme.major);
  setFonts(base, child(fonts, 'a', 'minorFont')!, theme.minor);
  // The stock theme names itself "Office Theme" with Office's family ids; this one is not that theme.
  removeChildren(root, 'a', 'extLst');
  return base;
}

function setSlot(doc: Document, scheme: Element, slot: SchemeSlot, hex: string): void {
  const el = child(scheme, 'a', slot) ?? scheme.appendChild(create(doc, `a:${slot}`));
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(create(doc, 'a:srgbClr', { val: hex.replace('#', '').toUpperCase() }));
}

function setFonts(doc: Document, el: Element, fonts: ThemeFonts): void {
  const set = (local: 'latin' | 'ea' | 'cs', face: string | undefined) => {
    const node = child(el, 'a', local);
    if (!node) return;
    node.setAttribute('typeface', face ?? '');
    node.removeAttribute('panose');
  };
  set('latin', fonts.latin);
  set('ea', fonts.ea ?? '');
  set('cs', fonts.cs ?? '');
  const existing = new Map(children(el, 'a', 'font').map((f) => [f.getAttribute('script') ?? '', f]));
  for (const [script, face] of Object.entries(fonts.scripts)) {
    const f = existing.get(script);
    if (f) f.setAttribute('typeface', face);
    else el.appendChild(create(doc, 'a:font', { script, typeface: face }));
  }
}

export { NS, path };

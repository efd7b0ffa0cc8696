// deck.theme → Theme: a built-in theme, or a custom one that changes some of a built-in theme's colours,
// fonts, sizes or adds a logo. A custom theme is checked before any slide is laid out: text contrast
// (WCAG AA), chart colours that can be told apart, fonts briefdeck can measure.
import type { Diagnostics } from '../diagnostics.js';
import { isBundledFont, SUPPORTED_FONTS, withAlias } from '../font-faces.js';
import { formatPath, type Locator, type PathPart } from '../outline/positions.js';
import type { Outline } from '../outline/schema.js';
import { checkImage } from './image.js';
import { checkTheme } from './theme-check.js';
import { THEMES } from './themes.js';
import type { Theme } from './types.js';
import type { AssetReader } from './build-model.js';

type ThemeField = Outline['deck']['theme'];

export function resolveTheme(field: ThemeField, locate: Locator, diags: Diagnostics, readAsset: AssetReader): Theme {
  if (typeof field === 'string') return THEMES[field]!;
  const base = THEMES[field.extends]!;
  const at = (...keys: PathPart[]): PathPart[] => ['deck', 'theme', ...keys];
  const theme: Theme = {
    ...base,
    name: `custom (${base.name})`,
    colors: { ...base.colors, ...definedOnly(field.colors ?? {}) },
    palette: field.palette ?? base.palette,
    sizes: { ...base.sizes, ...definedOnly(field.sizes ?? {}) },
  };

  const font = (value: string | undefined, key: 'heading' | 'body'): string | undefined => {
    if (value === undefined) return undefined;
    const [face = '', fallback] = value.split(',').map((s) => s.trim());
    const where = { path: formatPath(at('fonts', key)), span: locate.value(at('fonts', key)) };
    if (fallback !== undefined && !isBundledFont(fallback)) {
      diags.error('unknown-font', `the fallback \`${fallback}\` is not a bundled font`, { ...where, hint: `use one of: ${SUPPORTED_FONTS.join(', ')}` });
      return undefined;
    }
    if (!isBundledFont(face)) {
      if (fallback === undefined) {
        diags.error('unknown-font', `briefdeck cannot measure \`${face}\`: it is not one of its bundled fonts`, {
          ...where,
          hint: `name a bundled fallback with the same width, e.g. "${face}, Arial" or "${face}, Calibri" (bundled: ${SUPPORTED_FONTS.join(', ')})`,
        });
        return undefined;
      }
      // The alias travels with this theme only: another build in the same process never sees it.
      theme.faces = withAlias(theme.faces, face, fallback);
    }
    return face;
  };
  theme.headingFont = font(field.fonts?.heading, 'heading') ?? base.headingFont;
  theme.bodyFont = font(field.fonts?.body, 'body') ?? base.bodyFont;
  if (field.fonts?.east_asian) theme.eastAsianFont = field.fonts.east_asian;

  for (const [role, range] of Object.entries(field.sizes ?? {})) {
    if (range && range[0] > range[1]) {
      diags.error('bad-size-range', `sizes.${role} goes from ${range[0]} down to ${range[1]}`, {
        path: formatPath(at('sizes', role)),
        span: locate.value(at('sizes', role)),
        hint: `write [smallest, largest], e.g. [${range[1]}, ${range[0]}]`,
      });
    }
  }

  for (const issue of checkTheme(theme)) {
    // Point at the colour as written; a colour the custom theme inherits is located at `extends`.
    const parts = issue.key.split(/[.[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const written = parts[0] === 'palette' ? field.palette !== undefined : field.colors?.[parts[1] as keyof typeof field.colors] !== undefined;
    const path = written ? at(...parts) : at('extends');
    diags.error(issue.code, `theme ${issue.message}`, { path: formatPath(path), span: locate.value(path), hint: issue.hint });
  }

  if (field.logo !== undefined) {
    const found = readAsset(field.logo);
    const where = { path: formatPath(at('logo')), span: locate.value(at('logo')) };
    if ('error' in found) diags.error('image-not-found', found.error, { ...where, hint: found.hint ?? 'put the logo in assets/ and give its file name' });
    else {
      const checked = checkImage(found.bytes);
      if (!checked.ok) diags.error(checked.code, `\`${field.logo}\` ${checked.problem}`, { ...where, hint: checked.hint });
      else theme.logo = { data: found.bytes, ...checked.info };
    }
  }
  return theme;
}

function definedOnly<T extends object>(o: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]-?: Exclude<T[K], undefined> };
}

// The faces a template sets text in, and how briefdeck measures each: for the one warning per face
// that has no metric twin ("measured with a wider stand-in"), and for `briefdeck template`.
import { faceCoverage, type FaceCoverage, type FaceMap } from '../font-faces.js';
import { chooseLayout, LAYOUT_NEEDS } from './choose.js';
import type { TemplateModel } from './model.js';

/**
 * The Latin faces a deck built on the template sets text in — the first master's theme and text styles,
 * and the title and text placeholders of the layouts briefdeck chooses — in order of first use, each
 * with its measuring faces. Faces only unused layouts name (a second master's display fonts) are left out.
 */
export function templateFaces(t: TemplateModel, faces?: FaceMap): FaceCoverage[] {
  const seen = new Map<string, string>();
  const add = (face: string | undefined): void => {
    const f = face?.trim();
    if (f && !seen.has(f.toLowerCase())) seen.set(f.toLowerCase(), f);
  };
  add(t.theme.major.latin);
  add(t.theme.minor.latin);
  const first = t.masters[0];
  if (first) for (const list of [first.textStyles.title, first.textStyles.body]) add(list[0]?.font);
  // Placeholders a deck fills: titles and body text at the levels bullets use.
  for (const need of LAYOUT_NEEDS) {
    const c = chooseLayout(t, need);
    for (const p of [c.title, c.subtitle, ...c.bodies]) for (const level of p?.levels.slice(0, 3) ?? []) add(level.font);
  }
  return [...seen.values()].map((f) => faceCoverage(f, faces));
}

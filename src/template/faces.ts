// The faces a template sets text in, and how briefdeck measures each: for the one warning per face
// that has no metric twin ("measured with a wider stand-in"), and for `briefdeck template`.
import { faceCoverage, type FaceCoverage, type FaceMap } from '../font-faces.js';
import type { TemplateModel } from './model.js';

/** Every Latin face the template's theme, text styles and placeholders name, in order of first use, with its measuring faces. */
export function templateFaces(t: TemplateModel, faces?: FaceMap): FaceCoverage[] {
  const seen = new Map<string, string>();
  const add = (face: string | undefined): void => {
    const f = face?.trim();
    if (f && !seen.has(f.toLowerCase())) seen.set(f.toLowerCase(), f);
  };
  add(t.theme.major.latin);
  add(t.theme.minor.latin);
  for (const m of t.masters) {
    add(m.theme.major.latin);
    add(m.theme.minor.latin);
    for (const list of [m.textStyles.title, m.textStyles.body]) add(list[0]?.font);
  }
  // Placeholders a deck fills: titles and body text at the levels bullets use.
  for (const l of t.layouts) {
    for (const p of l.placeholders) {
      if (p.type === 'dt' || p.type === 'ftr' || p.type === 'sldNum') continue;
      for (const level of p.levels.slice(0, 3)) add(level.font);
    }
  }
  return [...seen.values()].map((f) => faceCoverage(f, faces));
}

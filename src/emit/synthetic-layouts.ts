// Writes the layouts briefdeck made for a template master that has none (template/synthetic.ts) into
// the deck's package, and lists them in their master, so that the slides on them and New Slide work.
import type { TemplateModel } from '../template/model.js';
import { child, descendants, NS } from '../xml.js';
import { syntheticLayoutDocument } from './builtin-template.js';
import { CT, readRels, readXml, REL, relativeTarget, writeRels, writeXml, type Parts } from './package.js';

export function addSyntheticLayouts(parts: Parts, types: Map<string, string>, t: TemplateModel, presentationPart: string, footerText: string): void {
  const made = t.layouts.filter((l) => l.synthetic);
  if (!made.length) return;
  // Master and layout ids share one number space, from 2^31 up.
  let next = 2147483648;
  const presentation = readXml(parts, presentationPart);
  for (const e of descendants(presentation, 'p', 'sldMasterId')) next = Math.max(next, Number(e.getAttribute('id')) + 1);
  for (const m of t.masters) for (const e of descendants(readXml(parts, m.part), 'p', 'sldLayoutId')) next = Math.max(next, Number(e.getAttribute('id')) + 1);

  for (const layout of made) {
    const master = t.masters[layout.master]!;
    writeXml(parts, layout.part, syntheticLayoutDocument(layout, master, t, footerText));
    types.set(layout.part, CT.slideLayout);
    writeRels(parts, layout.part, [{ id: 'rId1', type: REL.slideMaster, target: relativeTarget(layout.part, master.part), external: false }]);

    const rels = readRels(parts, master.part);
    const id = `rIdLayout${rels.length + 1}`;
    writeRels(parts, master.part, [...rels, { id, type: REL.slideLayout, target: relativeTarget(master.part, layout.part), external: false }]);
    const doc = readXml(parts, master.part);
    const root = doc.documentElement!;
    let list = child(root, 'p', 'sldLayoutIdLst');
    if (!list) {
      list = doc.createElementNS(NS.p, 'p:sldLayoutIdLst');
      const clrMap = child(root, 'p', 'clrMap');
      root.insertBefore(list, clrMap ? clrMap.nextSibling : null);
    }
    const entry = doc.createElementNS(NS.p, 'p:sldLayoutId');
    entry.setAttribute('id', String(next++));
    entry.setAttributeNS(NS.r, 'r:id', id);
    list.appendChild(entry);
    writeXml(parts, master.part, doc);
  }
}

// briefdeck's table style, added to the deck's tableStyles part so that a table's look is a named style
// PowerPoint's Table Design tab shows (header row on, no banding): a filled header row in the title
// colour, body text in the text colour, horizontal hairlines. The cells also carry the same look
// explicitly, so that applications that ignore custom table styles draw it alike.
import { children, NS, parseXml } from '../xml.js';
import type { ColorValue } from '../template/model.js';
import { builder, colorEl } from './drawing-xml.js';
import { CT, readRels, readXml, REL, relativeTarget, resolveTarget, writeRels, writeXml, type Parts } from './package.js';
import { TABLE_STYLE_ID } from './slide-xml.js';

export interface TableColors {
  header: ColorValue;
  text: ColorValue;
  line: ColorValue;
}

export function addTableStyle(parts: Parts, presentationPart: string, types: Map<string, string>, colors: TableColors): void {
  const rels = readRels(parts, presentationPart);
  let rel = rels.find((r) => r.type === REL.tableStyles);
  if (!rel) {
    rel = { id: `rId${rels.length + 1}`, type: REL.tableStyles, target: relativeTarget(presentationPart, 'ppt/tableStyles.xml'), external: false };
    writeRels(parts, presentationPart, [...rels, rel]);
  }
  const part = resolveTarget(presentationPart, rel.target);
  if (!parts.has(part)) {
    writeXml(parts, part, parseXml(`<a:tblStyleLst xmlns:a="${NS.a}" def="${TABLE_STYLE_ID}"/>`, part));
    types.set(part, CT.tableStyles);
  }
  const doc = readXml(parts, part);
  const root = doc.documentElement!;
  if (children(root, 'a', 'tblStyle').some((s) => s.getAttribute('styleId') === TABLE_STYLE_ID)) return;
  const el = builder(doc);
  const color = (c: ColorValue) => colorEl(el, c);
  const line = (c: ColorValue | undefined, w = 6350) => el('a:ln', { w }, c ? el('a:solidFill', {}, color(c)) : el('a:noFill'));
  const hairline = () => line(colors.line);
  const none = () => line(undefined);
  const style = el(
    'a:tblStyle',
    { styleId: TABLE_STYLE_ID, styleName: 'briefdeck: header rule, hairlines' },
    el(
      'a:wholeTbl',
      {},
      el('a:tcTxStyle', {}, el('a:fontRef', { idx: 'minor' }, el('a:prstClr', { val: 'black' })), color(colors.text)),
      el(
        'a:tcStyle',
        {},
        el('a:tcBdr', {}, el('a:left', {}, none()), el('a:right', {}, none()), el('a:top', {}, hairline()), el('a:bottom', {}, hairline()), el('a:insideH', {}, hairline()), el('a:insideV', {}, none())),
        el('a:fill', {}, el('a:noFill')),
      ),
    ),
    el(
      'a:firstRow',
      {},
      el('a:tcTxStyle', { b: 'on' }, el('a:fontRef', { idx: 'minor' }, el('a:prstClr', { val: 'black' })), color(colors.header)),
      el('a:tcStyle', {}, el('a:tcBdr', {}, el('a:bottom', {}, line(colors.header, 19050))), el('a:fill', {}, el('a:noFill'))),
    ),
  );
  root.appendChild(style);
  writeXml(parts, part, doc);
}

// The organisation's template a deck is built on: the `--template` file (or the library's bytes), else
// the outline's `deck.template`, read under the same path rules as pictures. A template that cannot
// serve is an error located at `template:`; one read is cached by its bytes, so watch and serve read a
// template once per process.
import { remember } from '../bounded-cache.js';
import { createHash } from 'node:crypto';
import type { Diagnostics } from '../diagnostics.js';
import type { Locator } from '../outline/positions.js';
import { templateFaces } from '../template/faces.js';
import { readTemplate, type ReadResult } from '../template/read.js';
import type { TemplateModel } from '../template/model.js';
import type { AssetReader } from './build-model.js';

/** A template handed to build(): its bytes and the name to report it by. */
export interface TemplateSource {
  bytes: Uint8Array;
  name: string;
  /** Where it was read from, when it is a file: reported among the build's inputs (watch watches it). */
  path?: string;
}

export interface LoadedTemplate {
  model: TemplateModel;
  /** The template's package, which emit puts the slides into. */
  parts: Map<string, Uint8Array>;
}

const cache = new Map<string, ReadResult>();
const CACHED = 4;

function cachedRead(bytes: Uint8Array, name: string): ReadResult {
  return remember(cache, `${createHash('sha1').update(bytes).digest('hex')}:${name}`, CACHED, () => readTemplate(bytes, name));
}

export function loadTemplate(field: string | undefined, option: TemplateSource | undefined, readAsset: AssetReader, locate: Locator, diags: Diagnostics): LoadedTemplate | undefined {
  const where = option ? {} : { path: 'deck.template', span: locate.value(['deck', 'template']) };
  let source = option;
  if (!source) {
    if (field === undefined) return undefined;
    const found = readAsset(field);
    if ('error' in found) {
      diags.error('template-not-found', found.error, { ...where, hint: 'give the .pptx or .potx file relative to the outline, or put it in assets/' });
      return undefined;
    }
    source = { bytes: found.bytes, name: field };
  }
  const r = cachedRead(source.bytes, source.name);
  if ('error' in r) {
    diags.error(r.error.code, `${option ? `--template ${source.name}` : `template \`${source.name}\``}: ${r.error.message}`, { ...where, hint: r.error.hint });
    return undefined;
  }
  // A face with no metric twin is measured with a wider stand-in: text fits wherever it is shown, but
  // may come out a little smaller than it needs to. Said once per face.
  for (const f of templateFaces(r.template)) {
    if (f.twin) continue;
    diags.warn('template-font-stand-in', `${option ? `--template ${source.name}` : `template \`${source.name}\``} sets text in ${f.face}, which briefdeck has no metrics for: it is measured with the wider ${f.measuredWith.join(', ')}, so its text may be set a little smaller than it needs to be`, {
      ...where,
      hint: 'nothing to change if that is acceptable; text in Calibri, Arial, Helvetica, Cambria, Times New Roman or Courier New is measured exactly',
    });
  }
  return { model: r.template, parts: r.parts };
}

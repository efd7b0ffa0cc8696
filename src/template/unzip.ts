// Opens a template file as a zip package, or says in one sentence what else it is. Limits are checked
// from the zip's central directory before anything is inflated, so a hostile file (a zip bomb, a
// directory of a million entries) costs no more than reading its directory.
import { unzipSync } from 'fflate';
import { unzipFast } from './inflate-fast.js';
import type { TemplateError } from './model.js';

export const LIMITS = {
  /** The template file itself. */
  fileBytes: 256 * 1024 * 1024,
  /** All parts, inflated. */
  totalBytes: 512 * 1024 * 1024,
  parts: 10_000,
  /** Inflated ÷ compressed size of one part; only checked on parts over `ratioFloor` bytes. */
  ratio: 200,
  ratioFloor: 1024 * 1024,
};

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

export function templateError(code: TemplateError['code'], message: string, hint: string): { error: TemplateError } {
  return { error: { code, message, hint } };
}

const SAVE_AS_PPTX = 'open it in PowerPoint and save it as a PowerPoint Presentation (.pptx) or Template (.potx)';

class LimitExceeded extends Error {}

/** The parts of the zip, by name, or why the bytes are not a usable zip package. */
export function unzipTemplate(bytes: Uint8Array, name: string): { parts: Map<string, Uint8Array> } | { error: TemplateError } {
  if (bytes.length === 0) return templateError('template-empty', `template \`${name}\` is an empty file`, `${SAVE_AS_PPTX}, then point to that file`);
  if (bytes.length > LIMITS.fileBytes) {
    return templateError('template-too-large', `template \`${name}\` is ${MB(bytes.length)}, over the ${MB(LIMITS.fileBytes)} briefdeck reads`, 'use a template without the large pictures or videos');
  }
  const notZip = classifyNonZip(bytes, name);
  if (notZip) return { error: notZip };

  const fast = fastParts(bytes);
  if (fast) return { parts: fast };

  let count = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  const declared = new Map<string, number>();
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        count++;
        total += f.originalSize;
        if (count > LIMITS.parts) throw new LimitExceeded(`it holds more than ${LIMITS.parts} parts`);
        if (total > LIMITS.totalBytes) throw new LimitExceeded(`its parts take more than ${MB(LIMITS.totalBytes)} unpacked`);
        if (f.originalSize > LIMITS.ratioFloor && f.originalSize > f.size * LIMITS.ratio) {
          throw new LimitExceeded(`its part \`${f.name}\` unpacks to ${Math.round(f.originalSize / Math.max(1, f.size))} times its packed size`);
        }
        if (f.compression !== 0 && f.compression !== 8) throw new LimitExceeded(`its part \`${f.name}\` uses a compression method PowerPoint does not write`);
        declared.set(f.name, f.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof LimitExceeded) return templateError('template-too-large', `template \`${name}\` cannot be read safely: ${e.message}`, `${SAVE_AS_PPTX} again; a real template is far smaller`);
    // fflate's "invalid zip data" (code 13) is a missing end-of-directory record: the file was cut short.
    const code = (e as { code?: number }).code;
    if (code === 13) return templateError('template-truncated', `template \`${name}\` is cut short: the end of the zip package is missing`, 'copy or download the file again; it was not written completely');
    return templateError('template-corrupt', `template \`${name}\` is a damaged zip package (${(e as Error).message})`, 'copy or download the file again, or open it in PowerPoint and save it anew');
  }

  const parts = new Map<string, Uint8Array>();
  for (const [partName, data] of Object.entries(files)) {
    if (partName.endsWith('/')) continue; // folder entries some zip tools add
    // An entry that inflates to less than its directory says was damaged in transit.
    if (data.length !== declared.get(partName)) {
      return templateError('template-corrupt', `template \`${name}\` is a damaged zip package (part \`${partName}\` is incomplete)`, 'copy or download the file again, or open it in PowerPoint and save it anew');
    }
    parts.set(partName, data);
  }
  return { parts };
}

/** The parts of a zip within every limit, inflated natively; undefined sends it to fflate's reading and its reports. */
function fastParts(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  let count = 0;
  let total = 0;
  const files = unzipFast(bytes, (f) => {
    count++;
    total += f.originalSize;
    const bomb = f.originalSize > LIMITS.ratioFloor && f.originalSize > f.size * LIMITS.ratio;
    return count <= LIMITS.parts && total <= LIMITS.totalBytes && !bomb && (f.compression === 0 || f.compression === 8);
  });
  if (!files) return undefined;
  for (const partName of [...files.keys()]) if (partName.endsWith('/')) files.delete(partName); // folder entries some zip tools add
  return files;
}

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** Searches raw bytes for an ASCII name stored as UTF-16LE (how a compound file's directory stores names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = Array.from(name).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

/** Why bytes that are not a zip package cannot serve, or undefined when they look like a zip. */
function classifyNonZip(bytes: Uint8Array, name: string): TemplateError | undefined {
  if (startsWith(bytes, ZIP)) return undefined;
  if (startsWith(bytes, CFB)) {
    // An OLE compound file: Office's container for password-protected OOXML and for the 97-2003 formats.
    if (hasUtf16Name(bytes, 'EncryptedPackage')) {
      return { code: 'template-encrypted', message: `template \`${name}\` was saved with a password`, hint: 'open it in PowerPoint, remove the password (File → Info → Protect Presentation), save it, and try again' };
    }
    if (hasUtf16Name(bytes, 'PowerPoint Document')) {
      return { code: 'template-ppt', message: `template \`${name}\` is a PowerPoint 97-2003 file (.ppt), which briefdeck cannot read`, hint: SAVE_AS_PPTX };
    }
    return { code: 'template-not-presentation', message: `template \`${name}\` is an Office 97-2003 file, not a PowerPoint presentation`, hint: 'point `template:` at a .pptx or .potx file' };
  }
  if (/\.key$/i.test(name)) {
    return { code: 'template-keynote', message: `template \`${name}\` is a Keynote file, which briefdeck cannot read`, hint: 'in Keynote choose File → Export To → PowerPoint, and use the .pptx' };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  if (head === '%PDF-') return { code: 'template-not-presentation', message: `template \`${name}\` is a PDF, not a PowerPoint template`, hint: 'point `template:` at a .pptx or .potx file' };
  return { code: 'template-not-zip', message: `template \`${name}\` is not a PowerPoint file (.pptx and .potx files are zip packages; this one is not)`, hint: 'point `template:` at a .pptx, .potx or .pptm file' };
}

/** Why a zip that is not an Office Open XML package cannot serve (Keynote, OpenDocument, Word, Excel). */
export function classifyForeignZip(parts: Map<string, Uint8Array>, name: string): TemplateError {
  const has = (p: string): boolean => parts.has(p);
  const mimetype = parts.get('mimetype');
  const mime = mimetype ? new TextDecoder().decode(mimetype).trim() : '';
  if (has('Index/Document.iwa') || has('Index.zip') || [...parts.keys()].some((p) => p.startsWith('Index/') && p.endsWith('.iwa'))) {
    return { code: 'template-keynote', message: `template \`${name}\` is a Keynote file, which briefdeck cannot read`, hint: 'in Keynote choose File → Export To → PowerPoint, and use the .pptx' };
  }
  if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) {
    return { code: 'template-odp', message: `template \`${name}\` is an OpenDocument presentation (.odp/.otp)`, hint: 'in LibreOffice Impress choose File → Save As → PowerPoint 2007-365 (.pptx), and use that file' };
  }
  if (mime.startsWith('application/vnd.oasis.opendocument')) {
    return { code: 'template-not-presentation', message: `template \`${name}\` is an OpenDocument file, not a presentation`, hint: 'point `template:` at a .pptx or .potx file' };
  }
  if (has('word/document.xml')) return { code: 'template-not-presentation', message: `template \`${name}\` is a Word document, not a PowerPoint template`, hint: 'point `template:` at a .pptx or .potx file' };
  if (has('xl/workbook.xml')) return { code: 'template-not-presentation', message: `template \`${name}\` is an Excel workbook, not a PowerPoint template`, hint: 'point `template:` at a .pptx or .potx file' };
  return { code: 'template-no-presentation', message: `template \`${name}\` is a zip file but not a PowerPoint package (it has no ppt/presentation.xml)`, hint: SAVE_AS_PPTX };
}

// The preview command: build the deck in memory, let LibreOffice turn it into a PDF, pdftoppm turn that
// into one PNG per slide, and lay the PNGs out on a contact sheet — a look at the deck without opening
// PowerPoint. Every file is written atomically; slide images left from a longer earlier deck are removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build.js';
import { readXml, unzipParts } from '../emit/package.js';
import { child } from '../xml.js';
import { defaultOutput, outlineBuildOptions, readOutline } from './commands.js';
import { contactSheet } from './contact-sheet.js';
import { DEFAULT_DPI, isDpi, MAX_DPI, MIN_DPI, parseDpi } from './dpi.js';
import { makeFolders } from '../make-folders.js';
import { CliError } from './errors.js';
import { report, type Io } from './io.js';
import { convertToPdf, findPdftoppm, findSoffice, missingToolMessage, pdfToPngs, type ToolEnv } from './office.js';
import { writeOutput } from './write-atomic.js';

export interface PreviewOptions {
  /** Folder for the images. Default: output/<name>-preview/ beside decks/ (as `build` puts the .pptx). */
  out?: string;
  /** Also keep <name>.pdf in the folder. */
  pdf?: boolean;
  /** Resolution of the slide images; 96 makes a 13.333 in wide slide 1280 px wide. */
  dpi?: number;
  quiet?: boolean;
  /** Folders besides the outline's and assets/ that pictures and data may be read from (as `build`). */
  allowPath?: string[];
  /** A built-in theme instead of the outline's (as `build`). */
  theme?: string;
  /** Warnings count as errors (as `build`). */
  strict?: boolean;
}


export { DEFAULT_DPI, MAX_DPI, MIN_DPI, parseDpi };
/** LibreOffice's first start with a fresh profile takes a while; a big deck more. */
const SOFFICE_TIMEOUT_MS = 180_000;
const PDFTOPPM_TIMEOUT_MS = 120_000;

const dpiProblem = (dpi: unknown): string => `--dpi must be a number from ${MIN_DPI} to ${MAX_DPI}, not \`${String(dpi)}\``;


/** output/<name>-preview beside decks/ (or in the working folder), like `build`'s default .pptx. */
export function defaultPreviewDir(outline: string): string {
  return defaultOutput(outline).replace(/\.pptx$/, '-preview');
}

export const slideImageName = (n: number, count: number): string => `slide-${String(n).padStart(Math.max(2, String(count).length), '0')}.png`;

const EMU_PER_IN = 914_400;

/** The slide size the package declares (presentation.xml's sldSz), in inches. */
export async function slideSizeIn(pptx: Uint8Array): Promise<{ w: number; h: number } | undefined> {
  const parts = unzipParts(pptx);
  if (!parts.has('ppt/presentation.xml')) return undefined;
  const size = child(readXml(parts, 'ppt/presentation.xml').documentElement!, 'p', 'sldSz');
  const cx = Number(size?.getAttribute('cx'));
  const cy = Number(size?.getAttribute('cy'));
  if (!(cx > 0 && cy > 0)) return undefined;
  return { w: cx / EMU_PER_IN, h: cy / EMU_PER_IN };
}


/**
 * `briefdeck preview`: returns the exit code (0 written, 1 a problem the user can fix, already printed as
 * one line or as located diagnostics). `where` replaces PATH / platform for finding the tools (tests).
 */
export async function previewCommand(file: string, opts: PreviewOptions, io: Io, where: ToolEnv = {}): Promise<number> {
  try {
    return await preview(file, opts, io, where);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    throw e;
  }
}

async function preview(file: string, opts: PreviewOptions, io: Io, where: ToolEnv): Promise<number> {
  const started = performance.now();
  const dpi = opts.dpi ?? DEFAULT_DPI;
  if (!isDpi(dpi)) throw new CliError(`briefdeck: ${dpiProblem(opts.dpi)}`);
  const platform = where.platform ?? process.platform;
  const soffice = findSoffice(where);
  if (!soffice) throw new CliError(missingToolMessage('soffice', platform));
  const pdftoppm = findPdftoppm(where);
  if (!pdftoppm) throw new CliError(missingToolMessage('pdftoppm', platform));

  const { source, text } = readOutline(file);
  const result = await build(source, {
    baseDir: path.dirname(path.resolve(file)),
    ...outlineBuildOptions(opts),
  });
  report(result.diagnostics, file, text, io);
  if (!result.pptx) {
    io.err(`briefdeck: no preview made because of the ${result.diagnostics.some((d) => d.severity === 'error') ? 'errors' : 'warnings (--strict)'} above`);
    return 1;
  }

  const outDir = opts.out ?? defaultPreviewDir(file);
  const name = path.basename(file).replace(/\.ya?ml$/i, '');
  try {
    makeFolders(outDir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it (or a folder above it) is a file, not a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`briefdeck: cannot write to ${outDir}: ${why}`);
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdeck-preview-work-'));
  try {
    const pptx = path.join(work, `${name}.pptx`);
    await writeOutput(pptx, result.pptx); // a full temporary disk is a message with a hint, not a crash
    const pdf = await convertToPdf(soffice, pptx, work, work, SOFFICE_TIMEOUT_MS);
    const slideIn = await slideSizeIn(result.pptx);
    const size = slideIn && { width: Math.round(slideIn.w * dpi), height: Math.round(slideIn.h * dpi) };
    const pages = await pdfToPngs(pdftoppm, pdf, path.join(work, 'pages'), dpi, size, PDFTOPPM_TIMEOUT_MS);
    if (pages.length === 0) throw new CliError('briefdeck: pdftoppm rendered no pages from the PDF LibreOffice made');
    if (pages.length !== result.stats.slides) {
      io.err(`briefdeck: warning: LibreOffice made ${pages.length} page${pages.length === 1 ? '' : 's'} from ${result.stats.slides} slide${result.stats.slides === 1 ? '' : 's'}`);
    }

    const pngs = pages.map((p) => fs.readFileSync(p));
    const written = new Set<string>();
    const inputs = [file, ...result.inputs];
    for (const [i, png] of pngs.entries()) {
      const img = slideImageName(i + 1, pngs.length);
      await writeOutput(path.join(outDir, img), png, { inputs });
      written.add(img);
    }
    await writeOutput(path.join(outDir, 'contact-sheet.png'), await contactSheet(pngs), { inputs });
    if (opts.pdf) await writeOutput(path.join(outDir, `${name}.pdf`), fs.readFileSync(pdf), { inputs });

    // Slide images of an earlier, longer deck (or numbered to another width) would pass for current ones.
    for (const f of fs.readdirSync(outDir)) {
      if (/^slide-\d+\.png$/.test(f) && !written.has(f)) fs.rmSync(path.join(outDir, f), { force: true });
    }

    const ms = Math.round(performance.now() - started);
    const n = pngs.length;
    const what = `${n} slide image${n === 1 ? '' : 's'}${opts.pdf ? `, a contact sheet and ${name}.pdf` : ' and a contact sheet'}`;
    if (!opts.quiet) io.out(`wrote ${what} to ${outDir} (in ${ms} ms)`);
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

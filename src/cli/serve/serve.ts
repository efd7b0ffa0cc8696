// `briefdeck serve`: the deck in a browser, as PowerPoint will show it, updated after every save of
// the outline or a file it uses. LibreOffice (kept running) draws the pictures, only of the slides
// whose parts changed; a broken save keeps the last good slides and shows the located problems above
// them. A driver over build(), the rebuild loop that watch uses, and the renderer.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../../build.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { outlineBuildOptions, type CommandOptions } from '../commands.js';
import { CliError, internalErrorMessage } from '../errors.js';
import { countLine, groupWarnings, report, type Io } from '../io.js';
import { findPdftoppm, findSoffice, missingToolMessage } from '../office.js';
import { readComplete, rebuildLoop } from '../rebuild-loop.js';
import { keepProfile, seedProfile } from './lo-profile.js';
import { OfficeBridge } from './office-bridge.js';
import { Renderer } from './renderer.js';
import { listen } from './server.js';
import { readDeckParts, type DeckParts } from './slide-parts.js';

export interface ServeOptions extends CommandOptions {
  port?: number;
  open?: boolean;
}

export const DEFAULT_PORT = 4321;
/** 1280 px wide for a 13.333 in slide, as `preview` writes by default. */
const DPI = 96;

export interface Serving {
  url: string;
  /** Resolves with the exit code once serving stops. */
  closed: Promise<number>;
  close(): Promise<void>;
}

interface SlideView {
  n: number;
  key: string;
  title: string;
  notes: string;
  where: string;
  href: string;
  image: string | null;
}

export async function serveCommand(file: string, opts: ServeOptions, io: Io): Promise<Serving> {
  const soffice = findSoffice();
  if (!soffice) throw new CliError(missingToolMessage('soffice'));
  const pdftoppm = findPdftoppm();
  if (!pdftoppm) throw new CliError(missingToolMessage('pdftoppm'));
  outlineBuildOptions(opts); // a wrong --theme is refused before anything starts
  const outline = path.resolve(file);
  if (!fs.existsSync(outline)) throw new CliError(`briefdeck: cannot read ${file}: no such file`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdeck-serve-'));
  // LibreOffice takes seconds to start: it starts first, while the deck builds.
  const profile = path.join(work, 'lo-profile');
  seedProfile(profile);
  const bridge = OfficeBridge.start(soffice, profile);
  bridge.catch(() => undefined);

  let version = 0;
  let good: { result: BuildResult; text: string; parts: DeckParts } | undefined;
  let problems: { severity: string; text: string }[] = [];
  let status = 'building…';
  let ok = true;
  let renderError: string | undefined;
  let savedAt = performance.now();
  let waitingForPictures = false;

  const renderer = new Renderer(bridge, pdftoppm, work, DPI, {
    update(error) {
      renderError = error;
      refreshStatus();
      if (waitingForPictures && !error && good && good.parts.keys.every((k) => renderer.has(k))) {
        waitingForPictures = false;
        if (!opts.quiet) io.out(`on screen ${Math.round(performance.now() - savedAt)} ms after the save${renderer.lastTimings ? ` (${renderer.lastTimings.slides} slide${renderer.lastTimings.slides === 1 ? '' : 's'} drawn)` : ''}`);
      }
      if (error) io.err(`briefdeck: LibreOffice could not draw the slides: ${error}`);
      push();
    },
  });

  const slideViews = (): SlideView[] => {
    if (!good?.result.placed) return [];
    return good.result.placed.slides.map((s, i) => {
      const key = good!.parts.keys[i] ?? '';
      return {
        n: s.number,
        key,
        title: s.title,
        notes: s.notes ?? '',
        where: `${file}:${s.span.line}`,
        href: `vscode://file${outline.startsWith('/') ? '' : '/'}${outline}:${s.span.line}:${s.span.col}`,
        image: renderer.has(key) ? `/slides/${key}.png` : null,
      };
    });
  };

  const refreshStatus = (): void => {
    if (!ok) return;
    const missing = good ? good.parts.keys.filter((k) => !renderer.has(k)).length : 0;
    status = renderError ? `LibreOffice could not draw the slides: ${renderError}` : missing ? `drawing ${missing} slide${missing === 1 ? '' : 's'}…` : 'up to date';
  };

  const state = (): string =>
    JSON.stringify({
      version,
      file,
      title: good?.result.deck?.meta.title ?? path.basename(file),
      status,
      ok: ok && !renderError,
      problems,
      aspect: good ? `${good.parts.sizeIn.w} / ${good.parts.sizeIn.h}` : '16 / 9',
      slides: slideViews(),
    });

  let server: Awaited<ReturnType<typeof listen>> | undefined;
  const push = (): void => {
    version++;
    server?.push();
  };

  const once = async (): Promise<void> => {
    try {
      savedAt = performance.now();
      const source = readComplete(file);
      if (!source) return;
      const result = await build(source.source, {
        baseDir: source.baseDir,
        ...outlineBuildOptions(opts),
      });
      problems = groupWarnings(result.diagnostics).map(({ first, more }) => ({
        severity: first.severity,
        text: formatDiagnostic(first, file, source.text) + (more.length ? `\n  (${more.length + 1} times in all)` : ''),
      }));
      report(result.diagnostics, file, source.text, io);
      if (result.pptx) {
        const built = performance.now();
        const parts = readDeckParts(result.pptx);
        if (process.env.BRIEFDECK_SERVE_TRACE) process.stderr.write(`[serve] built in ${Math.round(built - savedAt)} ms, parts in ${Math.round(performance.now() - built)} ms\n`);
        const before = good;
        good = { result, text: source.text, parts };
        ok = true;
        // Pictures of the last deck stay until the new ones are drawn.
        renderer.show(parts, before?.parts.keys ?? []);
        waitingForPictures = true;
        refreshStatus();
        if (!parts.keys.some((k) => !renderer.has(k))) renderer.show(parts);
      } else {
        ok = false;
        const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
        const why = countLine(errors, result.diagnostics.length - errors);
        status = good ? `not rebuilt (${why}): the slides below are the last good build` : `not built (${why})`;
        io.err(good ? 'not rebuilt: the page keeps the last good slides' : 'not built: fix the errors above and save again');
      }
      if (result.deck) loop.setInputs(result.inputs);
    } catch (e) {
      ok = false;
      const message = e instanceof CliError ? e.message : internalErrorMessage(e);
      problems = [{ severity: 'error', text: message }];
      status = 'not rebuilt';
      io.err(message);
    }
    push();
  };

  try {
    server = await listen({ state, image: (k) => renderer.image(k) }, opts.port ?? DEFAULT_PORT);
  } catch (e) {
    void bridge.then((b) => b.stop(), () => undefined);
    fs.rmSync(work, { recursive: true, force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`briefdeck: port ${opts.port ?? DEFAULT_PORT} on 127.0.0.1 is in use: choose another with --port N (or --port 0 for any free one)`);
    throw new CliError(`briefdeck: cannot listen on 127.0.0.1: ${(e as Error).message}`);
  }
  const loop = rebuildLoop(outline, once);
  if (!opts.quiet) io.out(`serving ${file} at ${server.url} (Ctrl-C to stop)`);
  if (opts.open) openBrowser(server.url);

  let resolveClosed!: (code: number) => void;
  const closed = new Promise<number>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;
  const close = (code = 0): Promise<void> =>
    (closing ??= (async () => {
      await loop.close();
      await server!.close();
      await renderer.idle().catch(() => undefined);
      const stopped = await bridge.then(async (b) => (await b.stop(), true), () => false);
      if (stopped) keepProfile(profile);
      fs.rmSync(work, { recursive: true, force: true });
      if (!opts.quiet) io.out(`stopped serving ${file}`);
      resolveClosed(code);
    })());

  // Without LibreOffice's Python bridge there are no pictures to show: say what to install and stop.
  bridge.catch((e: unknown) => {
    io.err(e instanceof CliError ? e.message : internalErrorMessage(e));
    void close(1);
  });
  await loop.ready;
  return { url: server.url, closed, close: () => close(0) };
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // No browser to open: the URL is printed.
  }
}

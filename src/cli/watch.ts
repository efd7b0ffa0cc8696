// `briefdeck watch`: rebuild whenever the outline, a CSV file it uses or a picture changes. A broken
// save prints located errors and keeps the last good deck untouched; the next good save recovers.
// Charts come from the picture cache, so a text edit redraws none. A thin driver over runBuild() and
// the rebuild loop (event-driven: a save is built the moment it is reported).
import path from 'node:path';
import { buildJson, failureJson, runBuild, summary, type BuildRun, type CommandOptions } from './commands.js';
import { CliError, internalErrorMessage } from './errors.js';
import { report, type Io } from './io.js';
import { readComplete, rebuildLoop } from './rebuild-loop.js';

/** After a failed write (a full disk), try again this often, so the deck catches up when space returns. */
const RETRY_MS = 2000;

export interface Watching {
  /** Resolves when the watcher is closed. */
  closed: Promise<void>;
  close(): Promise<void>;
}

export async function watchCommand(file: string, opts: CommandOptions, io: Io): Promise<Watching> {
  const outline = path.resolve(file);
  let lastGood: string | undefined;

  const describe = (run: BuildRun): void => {
    if (opts.json) {
      io.out(buildJson(file, run, 'build'));
      return;
    }
    report(run.result.diagnostics, file, run.text, io);
    if (run.written) {
      lastGood = run.written;
      const { charts, chartsRendered } = run.result.stats;
      if (!opts.quiet) io.out(`${summary(run)}; ${chartsRendered} of ${charts} chart${charts === 1 ? '' : 's'} redrawn`);
    } else {
      io.err(lastGood ? `not rebuilt: kept the last good deck ${lastGood}` : 'not built: fix the errors above and save again');
    }
  };

  let retry: NodeJS.Timeout | undefined;
  let closing = false;
  let failing: string | undefined;
  /** One build; returns the error that stopped it, if any. */
  const once = async (): Promise<unknown> => {
    clearTimeout(retry);
    try {
      // A save still being written is left for its next event.
      const given = readComplete(file);
      if (!given) return undefined;
      const run = await runBuild(file, opts, 'build', undefined, given);
      failing = undefined;
      describe(run);
      // Watch what the outline uses now (a new CSV file or picture; not one it dropped). A broken outline
      // says nothing about its files, so the set stays as it was until the outline reads again.
      if (run.result.deck) loop.setInputs(run.result.inputs);
    } catch (e) {
      // A missing or unreadable outline mid-edit (an editor's save-by-rename) is not fatal in watch mode,
      // nor is a deck that cannot be written (a full disk): the last good deck stays as it was.
      const message = e instanceof CliError ? e.message : internalErrorMessage(e);
      const writeFailed = e instanceof CliError && e.details !== undefined && ['disk-full', 'io-error', 'read-only', 'permission-denied'].includes(e.details.code);
      if (message !== failing) {
        if (opts.json) io.out(failureJson(file, 'build', e).json);
        else {
          io.err(message);
          if (writeFailed) io.err(lastGood ? `not rebuilt: kept the last good deck ${lastGood}; trying again every ${RETRY_MS / 1000} s` : `not written; trying again every ${RETRY_MS / 1000} s`);
        }
      }
      failing = message;
      if (writeFailed && !closing) retry = setTimeout(() => loop.trigger(), RETRY_MS);
      return e;
    }
    return undefined;
  };

  const loop = rebuildLoop(outline, once);
  // An output that can never be written (it is the outline, a folder, a device) ends watch at once.
  const first = await loop.first;
  if (first instanceof CliError && ['output-is-input', 'not-a-file', 'not-a-folder', 'name-too-long'].includes(first.details?.code ?? '')) {
    await loop.close();
    throw new CliError('briefdeck: not watching: fix the output path above', 1, first.details);
  }
  await loop.ready;
  const n = loop.inputCount;
  if (!opts.quiet && !opts.json) io.out(`watching ${file} and ${n} file${n === 1 ? '' : 's'} it uses (Ctrl-C to stop)`);

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  return {
    closed,
    async close() {
      closing = true;
      clearTimeout(retry);
      await loop.close();
      if (!opts.quiet && !opts.json) io.out(`stopped watching ${file}${lastGood ? `; the last good deck is ${lastGood}` : ''}`);
      resolveClosed();
    },
  };
}

// briefdeck's command line: argument parsing and exit codes only; the work is done by build().
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import fs from 'node:fs';
import type { CommandOptions } from './commands.js';
import { parseDpi } from './dpi.js';
import { CliError, internalErrorMessage } from './errors.js';
import { processIo } from './io.js';
import { saveCodeCaches } from '../code-cache.js';
import { packagePath } from '../package-root.js';
import { mark } from '../trace.js';
import type { PreviewOptions } from './preview.js';
import type { ServeOptions } from './serve/serve.js';

// Each command's module is loaded when that command runs: start-up pays only for what it uses.
const dispatch = () => import('./dispatch.js');
const commands = () => import('./commands.js');

const { version } = JSON.parse(fs.readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
const io = processIo();
mark('command line loaded');

/** Repeatable options collect into a list. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The options every command that builds an outline shares (build, validate, watch, preview, serve). */
function outlineOptions(cmd: Command): Command {
  return cmd
    .option('--theme <name>', 'use a built-in theme (briefing, midnight) instead of the outline\'s')
    .option('--template <file>', 'build on this PowerPoint template (.pptx, .potx, .pptm) instead of the outline\'s deck.template')
    .option('--strict', 'treat warnings (e.g. text that cannot fit) as errors')
    .option('--allow-path <dir>', 'also read pictures and data from this folder (repeatable)', collect, [])
    .option('-q, --quiet', 'print only problems');
}

const OUTLINES = ['<outlines...>', 'outline files, folders of outlines or globs; - reads standard input'] as const;

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535');
  return n;
}

async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('briefdeck')
    .description('Turn a YAML outline of a report into a PowerPoint briefing deck.')
    .version(version, '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run briefdeck --help for usage)');
  outlineOptions(
    program
      .command('build')
      .description('build a .pptx from each outline (default output: output/<name>.pptx)')
      .argument(...OUTLINES)
      .option('-o, --out <file.pptx>', 'where to write the deck (- for standard output; with several outlines, a folder)'),
  )
    .option('--json', 'print diagnostics and the build summary as one JSON object (one line per outline)')
    .action(async (files: string[], opts: CommandOptions) => {
      code = await (await dispatch()).runOutlines('build', files, opts, io);
    });
  outlineOptions(
    program
      .command('watch')
      .description('build, then rebuild whenever the outline or a file it uses changes')
      .argument('<outline.yaml>', 'the outline')
      .option('-o, --out <file.pptx>', 'where to write the deck'),
  )
    .option('--json', 'print one JSON object per build')
    .action(async (file: string, opts: CommandOptions) => {
      const watching = await (await import('./watch.js')).watchCommand(file, opts, io);
      const stop = () => void watching.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.once('SIGHUP', stop);
      await watching.closed;
    });
  outlineOptions(
    program
      .command('validate')
      .description('check outlines (syntax, facts, fitting) without writing anything')
      .argument(...OUTLINES),
  )
    .option('--json', 'print diagnostics and the summary as one JSON object (one line per outline)')
    .action(async (files: string[], opts: CommandOptions) => {
      code = await (await dispatch()).runOutlines('validate', files, opts, io);
    });
  outlineOptions(
    program
      .command('preview')
      .description('render each deck to PNG images (one per slide) and a contact sheet with LibreOffice (default folder: output/<name>-preview/)')
      .argument(...OUTLINES)
      .option('-o, --out <dir>', 'folder for the images (with several outlines, the folder for their folders)')
      .option('--pdf', 'also keep the PDF LibreOffice made (<name>.pdf)')
      .option('--dpi <n>', 'resolution of the slide images (default 96: 1280 px wide), 24 to 600', parseDpi),
  ).action(async (files: string[], opts: PreviewOptions) => {
      code = await (await dispatch()).runOutlines('preview', files, opts, io);
    });
  outlineOptions(
    program
      .command('serve')
      .description('show the deck in the browser as PowerPoint will show it, updated on every save')
      .argument('<outline.yaml>', 'the outline')
      .option('--port <n>', 'port on 127.0.0.1 (default 4321; 0 picks a free one)', parsePort)
      .option('--open', 'open the page in the default browser'),
  ).action(async (file: string, opts: ServeOptions) => {
      const serving = await (await import('./serve/serve.js')).serveCommand(file, opts, io);
      const stop = () => void serving.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.once('SIGHUP', stop);
      code = await serving.closed;
    });
  program
    .command('init')
    .description('write decks/<name>.yaml: a starter outline that shows every slide type')
    .argument('<name>', 'deck name, e.g. q3-briefing')
    .option('--force', 'replace an existing decks/<name>.yaml')
    .option('-q, --quiet', 'print only problems')
    .action(async (name: string, opts: { force?: boolean; quiet?: boolean }) => {
      code = await (await import('./authoring.js')).initCommand(name, opts, io);
    });
  program
    .command('template')
    .description('show what briefdeck sees in a PowerPoint template: size, masters, layouts and placeholders, theme, and the layout each slide kind uses')
    .argument('<file>', 'a .pptx, .potx or .pptm file')
    .option('--json', 'print it as one JSON object')
    .action(async (file: string, opts: { json?: boolean }) => {
      code = await (await import('./template.js')).templateCommand(file, opts, io);
    });
  program
    .command('schema')
    .description('print the JSON Schema of outlines (for editor completion), or write it to a file')
    .option('-o, --out <file.json>', 'write the schema to this file instead of printing it')
    .action(async (opts: { out?: string }) => {
      code = await (await import('./authoring.js')).schemaCommand(opts, io);
    });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      throw new CliError(e.message, 1, { code: 'usage', summary: e.message.replace(/^error: /, '') });
    }
    throw e;
  }
  return code;
}

/** With --json, stdout carries exactly one JSON object, whatever went wrong. */
const json = process.argv.includes('--json');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  async (e: unknown) => {
    if (json) {
      const file = process.argv.slice(3).find((a) => !a.startsWith('-')) ?? '';
      const failure = (await commands()).failureJson(file, process.argv[2] ?? '', e);
      process.stdout.write(`${failure.json}\n`);
      if (!(e instanceof CliError)) process.stderr.write(`${internalErrorMessage(e)}\n`);
      process.exitCode = failure.exitCode;
      return;
    }
    if (e instanceof CliError && e.details?.code === 'usage') {
      process.exitCode = 1; // commander has printed the message and the usage hint
      return;
    }
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`${internalErrorMessage(e)}\n`);
    if (process.env.BRIEFDECK_DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    process.exitCode = 2;
  },
).finally(() => saveCodeCaches()); // after the command, so that the cache holds what it compiled

#!/usr/bin/env node
// The shipped command line as one ES module bundle (dist/bin/briefdeck.js, plus the batch worker and
// chunks for what only some commands load): Node resolves and compiles one file instead of ~330 module
// files, which was a third of a cold build. The native canvas stays external, and so does piscina
// (it starts its own worker file); font files and other packages' data are found in node_modules at
// run time, as before.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bin');
fs.rmSync(outdir, { recursive: true, force: true });

/** xmldom's parser takes its entity tables from ./entities: the bundle gives it src/xml-entities.cjs. */
const xmlEntitiesOnly = {
  name: 'xml-entities-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/entities(\.js)?$/ }, (args) =>
      /@xmldom[\\/]xmldom[\\/]lib[\\/]dom-parser\.js$/.test(args.importer) ? { path: path.join(root, 'src', 'xml-entities.cjs') } : undefined,
    );
  },
};

/** pptxgenjs imports node:https at every write, only to fetch pictures by URL: emit gives it data (src/emit/no-https.ts). */
const noHttpsForPptxgen = {
  name: 'no-https-for-pptxgenjs',
  setup(b) {
    b.onResolve({ filter: /^node:https$/ }, (args) =>
      /pptxgenjs[\\/]dist[\\/]/.test(args.importer) ? { path: path.join(root, 'src', 'emit', 'no-https.ts') } : undefined,
    );
  },
};

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@napi-rs/canvas', 'piscina'],
  // pptxgenjs zips its package with JSZip and emit takes it apart at once: the collector hands emit the
  // parts instead (src/emit/zip-collector.ts), and JSZip, pako and readable-stream stay out of the bundle.
  alias: { jszip: './src/emit/zip-collector.ts' },
  plugins: [xmlEntitiesOnly, noHttpsForPptxgen],
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __briefdeckRequire } from 'node:module'; const require = __briefdeckRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: false,
  legalComments: 'none',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
};
// The command line, split at its dynamic import()s: each command loads only its own chunks. The two
// worker threads are bundles of their own, each one file: were they entries of the same build, the
// modules they share with the command line would be split into further chunks, each another file for
// every start to resolve and compile.
const results = await Promise.all([
  build({ ...common, entryPoints: { briefdeck: 'src/cli/bin.ts' }, splitting: true }),
  build({ ...common, entryPoints: { 'batch-worker': 'src/cli/batch-worker.ts' }, splitting: false }),
  build({ ...common, entryPoints: { 'chart-worker': 'src/render/chart-worker.ts' }, splitting: false }),
]);
const result = { metafile: { inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)), outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs)) } };
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));

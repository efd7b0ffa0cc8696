#!/usr/bin/env node
// The shipped command line as bundles (dist/bin): Node reads and compiles one file instead of ~330
// module files, which was a third of a cold build.
//   - main.cjs (the command line), chart-worker.cjs and batch-worker.cjs are CommonJS, one file each,
//     because V8's code cache can be given to a script only (src/code-cache.ts): Node 20 has no compile
//     cache for modules, and Node 22's keeps only what is compiled before a module runs.
//   - briefdeck.js (the bin), chart-worker.js and batch-worker.js are small ES modules that run them
//     with the cache.
// The native canvas stays external, and so does piscina (it starts its own worker file); font files
// and other packages' data are found in node_modules at run time, as before.
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
  platform: 'node',
  target: 'node20',
  external: ['@napi-rs/canvas', 'piscina'],
  // pptxgenjs zips its package with JSZip and emit takes it apart at once: the collector hands emit the
  // parts instead (src/emit/zip-collector.ts), and JSZip, pako and readable-stream stay out of the bundle.
  alias: { jszip: './src/emit/zip-collector.ts' },
  plugins: [xmlEntitiesOnly, noHttpsForPptxgen],
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: false,
  legalComments: 'none',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
};
const script = {
  ...common,
  format: 'cjs',
  // A script run by vm.Script has no loader for import(): esbuild turns each into a require(), and the
  // modules it loads still run only when that import() is reached.
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__briefdeckUrl' },
  banner: { js: "var __briefdeckUrl = require('node:url').pathToFileURL(__filename).href;" },
};
/** A small ES module dist/bin/<name>.js, from `contents`: it runs a .cjs bundle beside it with the code cache. */
const stub = (name, contents) => ({
  ...common,
  format: 'esm',
  entryPoints: undefined,
  stdin: { contents, resolveDir: root, sourcefile: `${name}.ts`, loader: 'ts' },
  outdir: undefined,
  outfile: path.join(outdir, `${name}.js`),
  sourcemap: false,
});
const results = await Promise.all([
  build({ ...script, entryPoints: { main: 'src/cli/main.ts' }, outExtension: { '.js': '.cjs' } }),
  build({ ...script, entryPoints: { 'batch-worker': 'src/cli/batch-worker.ts' }, outExtension: { '.js': '.cjs' } }),
  build({ ...script, entryPoints: { 'chart-worker': 'src/render/chart-worker.ts' }, outExtension: { '.js': '.cjs' } }),
  build({ ...common, format: 'esm', entryPoints: { briefdeck: 'src/cli/bin.ts' } }),
  build(stub('chart-worker', "import { runCached } from './src/code-cache.ts';\nrunCached(new URL('./chart-worker.cjs', import.meta.url));\n")),
  // piscina calls the worker file's default export.
  build(stub('batch-worker', "import { runCached } from './src/code-cache.ts';\nexport default (runCached(new URL('./batch-worker.cjs', import.meta.url)) as { default: unknown }).default;\n")),
]);
const result = { metafile: { inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)), outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs)) } };
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));

#!/usr/bin/env node
// The command line's entry, as shipped in dist/bin/briefdeck.js: it runs the bundle of the command line
// (dist/bin/main.cjs, scripts/bundle.mjs) with V8's code cache (src/code-cache.ts), so that a run
// compiles only what an earlier run did not.
import { runCached } from '../code-cache.js';

runCached(new URL('./main.cjs', import.meta.url));

#!/usr/bin/env node
// The command line's entry: turn on Node's module compile cache (Node 22.1 and later; Node 20 has
// none) before the rest is loaded, so that later runs skip compiling what an earlier one compiled.
// The import below is dynamic because static imports are compiled before this module's body runs.
import module from 'node:module';

// Typed by hand: @types/node 20 does not know it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');

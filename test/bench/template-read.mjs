#!/usr/bin/env node
// Reads one template file with briefdeck's reader: the first read in this process (cold: nothing
// compiled yet) and the median of later reads (warm, what watch and serve pay without a cache).
// Prints one JSON line. Used by bench.mjs; `node test/bench/template-read.mjs FILE` on its own too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { readTemplate } = await import(path.join(ROOT, 'dist', 'template', 'read.js'));
const file = process.argv[2];
const runs = Number(process.argv[3] ?? 7);
const bytes = fs.readFileSync(file);
const time = () => {
  const t = process.hrtime.bigint();
  const r = readTemplate(bytes, path.basename(file));
  if ('error' in r) throw new Error(`${file}: ${r.error.message}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const cold = time();
const warm = Array.from({ length: runs }, time).sort((a, b) => a - b)[Math.floor(runs / 2)];
console.log(JSON.stringify({ file: path.basename(file), bytes: bytes.length, cold, warm }));

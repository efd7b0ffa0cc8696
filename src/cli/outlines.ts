// The outlines a command was given: files, folders (their *.yaml and *.yml) and globs quoted past the
// shell (`'decks/*.yaml'`), in the order given, each once. `-` is standard input.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CliError } from './errors.js';
import { isStdin } from './stdio.js';

const OUTLINE = /\.ya?ml$/i;

/** tinyglobby (and picomatch under it), loaded only for a name that is not a file: a glob quoted past the shell. */
const globber = (): typeof import('tinyglobby') => createRequire(import.meta.url)('tinyglobby') as typeof import('tinyglobby');

export function expandOutlines(args: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = isStdin(file) ? file : path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const arg of args) {
    if (isStdin(arg)) {
      add(arg);
      continue;
    }
    const stat = statOrUndefined(path.resolve(cwd, arg));
    if (stat?.isDirectory()) {
      const inside = fs.readdirSync(path.resolve(cwd, arg)).filter((f) => OUTLINE.test(f)).sort();
      if (inside.length === 0) throw new CliError(`briefdeck: ${arg} holds no outline (*.yaml or *.yml)`);
      for (const f of inside) add(path.join(arg, f));
    } else if (!stat && globber().isDynamicPattern(arg)) {
      const matched = globber().globSync(arg, { cwd, onlyFiles: true, expandDirectories: false }).filter((f) => OUTLINE.test(f)).sort();
      if (matched.length === 0) throw new CliError(`briefdeck: no outline matches \`${arg}\``);
      for (const f of matched) add(f);
    } else {
      // A file, or a name that does not exist: reading it says which.
      add(arg);
    }
  }
  if (out.filter(isStdin).length && out.length > 1) throw new CliError('briefdeck: `-` (standard input) cannot be combined with other outlines');
  return out;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** With several outlines, `-o` names a folder: each deck (or preview folder) is named after its outline. */
export function outputIn(dir: string, outline: string, ext: string): string {
  return path.join(dir, `${path.basename(outline).replace(OUTLINE, '')}${ext}`);
}

/** Two outlines with the same name would overwrite each other's output in one folder. */
export function sameNames(files: string[]): string | undefined {
  const byName = new Map<string, string>();
  for (const f of files) {
    const name = path.basename(f).replace(OUTLINE, '').toLowerCase();
    const other = byName.get(name);
    if (other) return `${other} and ${f}`;
    byName.set(name, f);
  }
  return undefined;
}

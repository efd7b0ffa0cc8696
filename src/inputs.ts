// Reading the files an outline names (pictures, CSV data): only inside the outline's folder tree and the
// project's assets/ folder (plus folders the user allows), never from the network, never too large.
// Every file read is recorded, so that watch mode knows what to watch.
import fs from 'node:fs';
import path from 'node:path';
import type { AssetReader } from './model/build-model.js';
import type { DataReader } from './model/data.js';
import { closest } from './outline/suggest.js';
import { decodeUtf8 } from './text-checks.js';

export const MAX_ASSET_BYTES = 25 * 1024 * 1024;
export const MAX_DATA_BYTES = 5 * 1024 * 1024;
/** Templates carry their pictures (backgrounds, logos) and may be larger than one picture. */
export const MAX_TEMPLATE_BYTES = 100 * 1024 * 1024;

export interface InputOptions {
  /** Folder of the outline: names are resolved from here. */
  baseDir: string;
  /** More folders that may be read (`--allow-path`). */
  allow?: string[];
}

export interface Inputs {
  asset: AssetReader;
  data: DataReader;
  /** A .pptx/.potx template named by `deck.template`, looked up like pictures. */
  template: AssetReader;
  /** Absolute paths of every file read so far. */
  used: Set<string>;
}

const inside = (file: string, dir: string): boolean => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** A file in the looked-in folders whose name is a likely typo away from `name` (`calender` for `calendar`). */
function nearestFile(name: string, dirs: string[]): string | undefined {
  const sub = path.dirname(name);
  const candidates = new Set<string>();
  for (const dir of dirs) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.resolve(dir, sub), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) if (e.isFile() && !e.name.startsWith('.')) candidates.add(sub === '.' ? e.name : `${sub}/${e.name}`);
  }
  return closest(name, [...candidates]);
}

export function fileInputs(options: InputOptions): Inputs {
  const base = path.resolve(options.baseDir);
  const assetDirs = [base, path.join(base, 'assets'), path.join(base, '..', 'assets')];
  const roots = [base, path.join(base, '..', 'assets'), ...(options.allow ?? []).map((d) => path.resolve(d))];
  const used = new Set<string>();

  function read(name: string, dirs: string[], limit: number, what: string): { bytes: Buffer; path: string } | { error: string; hint?: string } {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) {
      return { error: `\`${name}\` is a web address: briefdeck never reads from the network; save the file beside the outline` };
    }
    let outside: string | undefined;
    for (const dir of dirs) {
      const file = path.resolve(dir, name);
      let real: string;
      try {
        real = fs.realpathSync(file);
      } catch {
        continue; // not here; try the next place
      }
      if (!roots.some((r) => inside(real, fs.existsSync(r) ? fs.realpathSync(r) : r))) {
        outside ??= file;
        continue;
      }
      const stat = fs.statSync(real);
      if (!stat.isFile()) continue;
      if (stat.size > limit) return { error: `${what} \`${name}\` is ${(stat.size / 1024 / 1024).toFixed(1)} MiB, more than the ${limit / 1024 / 1024} MiB limit` };
      used.add(real);
      return { bytes: fs.readFileSync(real), path: real };
    }
    if (outside) {
      return { error: `${what} \`${name}\` is outside the outline's folder and assets/: briefdeck reads only there (use --allow-path ${path.dirname(outside)} to allow that folder)` };
    }
    const shown = dirs.map((d) => path.relative(process.cwd(), d) || '.').join(', ');
    const near = nearestFile(name, dirs);
    return { error: `${what} \`${name}\` not found (looked in ${shown})`, ...(near ? { hint: `did you mean \`${near}\`? (a file with a name close to it is there)` } : {}) };
  }

  return {
    used,
    asset: (name) => read(name, assetDirs, MAX_ASSET_BYTES, 'image'),
    template: (name) => read(name, assetDirs, MAX_TEMPLATE_BYTES, 'template'),
    data: (name) => {
      const r = read(name, [base], MAX_DATA_BYTES, 'data file');
      if ('error' in r) return r;
      // Strictly UTF-8: a Latin-1 CSV is a located error, not cells full of U+FFFD.
      const decoded = decodeUtf8(r.bytes);
      if ('text' in decoded) return { text: decoded.text, path: r.path };
      return { error: `${name}:${decoded.at.line}:${decoded.at.col}: ${decoded.message}`, code: 'not-utf8', hint: decoded.hint };
    },
  };
}

// briefdeck's own folder (package.json, assets/, python/), found by walking up from this module: the
// same answer whether the code runs compiled (dist/cli/serve/…) or bundled into dist/bin/, where every
// module's import.meta.url is the bundle's and fixed `../..` paths would point elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'briefdeck') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('internal: briefdeck\'s package.json not found above its code');
    dir = up;
  }
}

let root: string | undefined;

/** The absolute path of `rel` inside the briefdeck package. */
export function packagePath(...rel: string[]): string {
  root ??= findRoot();
  return path.join(root, ...rel);
}

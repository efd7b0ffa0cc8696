// `mkdir -p` without Node's recursive mkdir, which never returns where mkdir fails with ENOENT under a
// parent that exists (an output or TMPDIR under /proc, some FUSE mounts): it spins at full CPU. Here
// that is an ENOENT error like any other, for the caller to explain.
import fs from 'node:fs';
import path from 'node:path';

/** Creates `dir` and the folders above it that are missing; a folder that exists is fine, a file is EEXIST. */
export function makeFolders(dir: string, mode = 0o777): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!fs.existsSync(at)) {
    missing.push(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  if (missing.length === 0 && !fs.statSync(at).isDirectory()) {
    throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${at}'`), { code: 'EEXIST', errno: -17, syscall: 'mkdir', path: at });
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder, { mode });
    } catch (e) {
      // Made meanwhile by another process: fine if it is a folder.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !isFolder(folder)) throw e;
    }
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// LibreOffice's first start on a new profile sets the profile up and restarts itself, which costs a
// second or more. serve gives each run a profile of its own (two serves must not share one) but starts
// it as a copy of the profile an earlier run left behind, kept in the temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cacheDir = (): string => path.join(os.tmpdir(), `briefdeck-lo-profile-v1-${process.getuid?.() ?? 'user'}`);

/** Seeds `dir` from the kept profile, when there is one. */
export function seedProfile(dir: string): void {
  try {
    if (fs.existsSync(cacheDir())) fs.cpSync(cacheDir(), dir, { recursive: true });
  } catch {
    // A fresh profile works too, only slower to start.
  }
}

/** Keeps `dir` (LibreOffice has stopped using it) for the next run, unless one is kept already. */
export function keepProfile(dir: string): void {
  const target = cacheDir();
  if (fs.existsSync(target) || !fs.existsSync(dir)) return;
  const staging = `${target}.${process.pid}.tmp`;
  try {
    fs.cpSync(dir, staging, { recursive: true });
    fs.renameSync(staging, target);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

// Writes a file so that readers (PowerPoint, Keynote, a previous good build) never see a half-written
// one: a temporary file in the same folder, flushed, then renamed over the target in one step.
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

// The rebuild loop under watch and serve: a save is built the moment it is reported (no debounce), a
// file caught half-written is never taken for the outline, and a save whose change event chokidar
// dropped (a second write within its 50 ms throttle) is still built.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComplete, rebuildLoop } from '../../src/cli/rebuild-loop.js';
import { tempDir } from '../helpers.js';

const until = async (ok: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('rebuild loop', () => {
  it('reads an empty file (truncated, not yet written) as not ready', () => {
    const file = path.join(tempDir('loop'), 'x.yaml');
    fs.writeFileSync(file, '');
    expect(readComplete(file)).toBeUndefined();
    fs.writeFileSync(file, 'deck: {}\n');
    expect(readComplete(file)?.text).toBe('deck: {}\n');
  });

  it('builds every save, the last one complete, even when two writes come within chokidar\'s throttle', async () => {
    const file = path.join(tempDir('loop'), 'x.yaml');
    fs.writeFileSync(file, 'version: 0\n');
    const seen: string[] = [];
    const loop = rebuildLoop(file, async () => {
      const got = readComplete(file);
      if (got) seen.push(got.text);
    });
    await loop.ready;
    expect(seen).toEqual(['version: 0\n']);
    for (let i = 1; i <= 5; i++) {
      // A save in two writes, 5 ms apart: the second write's event falls in the throttle window.
      fs.writeFileSync(file, `version: ${i}\n`);
      await new Promise((r) => setTimeout(r, 5));
      fs.appendFileSync(file, `done: ${i}\n`);
      const want = `version: ${i}\ndone: ${i}\n`;
      await until(() => seen.at(-1) === want);
    }
    await loop.close();
    expect(seen.at(-1)).toBe('version: 5\ndone: 5\n');
  });

  it('starts the build of a save at once: no fixed wait', async () => {
    const file = path.join(tempDir('loop'), 'x.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    let saved = 0;
    const delays: number[] = [];
    const loop = rebuildLoop(file, async () => {
      if (saved) delays.push(performance.now() - saved);
    });
    await loop.ready;
    for (let i = 0; i < 5; i++) {
      saved = performance.now();
      fs.writeFileSync(file, `a: ${i + 2}\n`);
      await until(() => delays.length === i + 1);
      await new Promise((r) => setTimeout(r, 80));
    }
    await loop.close();
    delays.sort((a, b) => a - b);
    // The median event-to-build delay is the file system's notification, not a debounce (generous for
    // a loaded CI machine; on an idle one it is 1–3 ms).
    expect(delays[2]).toBeLessThan(25);
  });
});

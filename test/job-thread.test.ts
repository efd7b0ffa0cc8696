// The worker thread behind deflating ahead and drawing charts: answers by id, errors passed back, and a
// worker that dies leaves its jobs to be done on this thread (they resolve to undefined), for good.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JobThread } from '../src/job-thread.js';
import { tempDir } from './helpers.js';

/** A worker module answering like answerJobs does, with `body` computing `result` from `req`. */
function workerFile(body: string): URL {
  const file = path.join(tempDir('job-thread'), 'worker.mjs');
  fs.writeFileSync(
    file,
    [
      "import { parentPort } from 'node:worker_threads';",
      'parentPort.on("message", async ({ id, req }) => {',
      `  try { const result = await (async () => { ${body} })(); parentPort.postMessage({ id, result }); }`,
      '  catch (e) { parentPort.postMessage({ id, error: e.message }); }',
      '});',
    ].join('\n'),
  );
  return pathToFileURL(file);
}

describe('JobThread', () => {
  it('answers each job with its own result, out of order too', async () => {
    const t = new JobThread<number, number>(workerFile('await new Promise((r) => setTimeout(r, req === 1 ? 50 : 0)); return req * 10;'));
    expect(t.start()).toBe(true);
    expect(await Promise.all([1, 2, 3].map((n) => t.run(n)))).toEqual([10, 20, 30]);
    expect(t.pending).toBe(0);
  });

  it('passes an error back as a rejection', async () => {
    const t = new JobThread<number, number>(workerFile('throw new Error(`no job ${req}`);'));
    await expect(t.run(7)).rejects.toThrow('no job 7');
  });

  it('gives its jobs back (undefined) when the worker dies, and is not started again', async () => {
    const t = new JobThread<number, number>(workerFile('process.exit(3);'));
    expect(await t.run(1)).toBeUndefined();
    expect(t.start()).toBe(false);
    expect(await t.run(2)).toBeUndefined();
  });

  it('has no worker where its file is missing (the .ts sources under vitest)', async () => {
    const t = new JobThread<number, number>(new URL('./no-such-worker.js', import.meta.url));
    expect(t.start()).toBe(false);
    expect(await t.run(1)).toBeUndefined();
  });
});

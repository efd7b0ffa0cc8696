import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolders } from '../src/make-folders.js';

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdeck-make-folders-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

describe('makeFolders', () => {
  it('makes the missing folders, and a folder that exists is fine', () => {
    const deep = path.join(work, 'a', 'b', 'c');
    makeFolders(deep);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    expect(() => makeFolders(deep)).not.toThrow();
    expect(() => makeFolders(work)).not.toThrow();
  });

  it('gives the folder the mode asked for', () => {
    const dir = path.join(work, 'private');
    makeFolders(dir, 0o700);
    if (process.platform !== 'win32') expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('fails as mkdir -p does where a file is in the way', () => {
    fs.writeFileSync(path.join(work, 'file'), '');
    expect(() => makeFolders(path.join(work, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolders(path.join(work, 'file', 'below'))).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(ENOTDIR|ENOENT)$/) }));
  });

  // Node's recursive mkdir spins forever there: mkdir says ENOENT under a parent that exists.
  it.skipIf(process.platform !== 'linux')('returns an error under /proc instead of spinning', () => {
    expect(() => makeFolders('/proc/briefdeck-test/deck')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

// CI runs everything: under CI=true a test that cannot run (a missing tool, no ../shared) fails instead
// of skipping with a message.
import { afterEach, describe, expect, it } from 'vitest';
import { mustRunInCi } from './helpers.js';

const saved = process.env.CI;
afterEach(() => {
  if (saved === undefined) delete process.env.CI;
  else process.env.CI = saved;
});

describe('tests that cannot run', () => {
  it('skip loudly outside CI, and fail under CI=true', () => {
    delete process.env.CI;
    expect(mustRunInCi('missing xmllint')).toBe('SKIPPED: missing xmllint');
    expect(mustRunInCi(undefined)).toBeUndefined();
    process.env.CI = 'true';
    expect(() => mustRunInCi('missing xmllint')).toThrow(/CI=true, so this test must run, but it cannot: missing xmllint/);
    expect(mustRunInCi(undefined)).toBeUndefined();
  });
});

// SOURCE_DATE_EPOCH (or the sourceDateEpoch option) must be a date a .pptx can store: 1980-01-01 to
// 2099-12-31. Anything else is a clear error from `validate` and `build` alike, never an internal error.
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';

const OUTLINE = 'deck:\n  title: Epoch\nslides:\n  - type: title\n';
const saved = process.env.SOURCE_DATE_EPOCH;
afterEach(() => {
  if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = saved;
});

describe('SOURCE_DATE_EPOCH', () => {
  for (const [value, why] of [
    ['4102444800', /is 2100-01-01, outside the dates a \.pptx file can store/],
    ['253402300799', /is 9999-12-31, outside/],
    ['315532799', /is 1979-12-31, outside/],
    ['-1', /not a whole number of seconds/],
    ['1.5', /not a whole number of seconds/],
    ['abc', /not a whole number of seconds/],
    ['9'.repeat(400), /far in the future/],
  ] as const) {
    it(`${value.slice(0, 20)}: a clear error (validate and build)`, async () => {
      process.env.SOURCE_DATE_EPOCH = value;
      for (const layoutOnly of [true, false]) {
        const r = await build(OUTLINE, { layoutOnly });
        expect(r.pptx).toBeUndefined();
        expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'bad-source-date-epoch', severity: 'error' })]);
        expect(r.diagnostics[0]!.message).toMatch(why);
        expect(r.diagnostics[0]!.hint).toMatch(/between 315532800 \(1980-01-01\) and 4102444799 \(2099-12-31\)/);
      }
    });
  }

  it('the first and last second a .pptx can store build, and the option is checked the same way', async () => {
    for (const value of ['315532800', '4102444799', ' 1700000000 ']) {
      process.env.SOURCE_DATE_EPOCH = value;
      expect((await build(OUTLINE)).pptx, value).toBeDefined();
    }
    delete process.env.SOURCE_DATE_EPOCH;
    expect((await build(OUTLINE, { sourceDateEpoch: 4102444800 })).diagnostics[0]?.code).toBe('bad-source-date-epoch');
    expect((await build(OUTLINE, { sourceDateEpoch: 1700000000 })).pptx).toBeDefined();
  });
});

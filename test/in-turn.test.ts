// inTurn: at most n tasks at once, started in the order given, a slot freed by a failing task too.
import { describe, expect, it } from 'vitest';
import { inTurn } from '../src/in-turn.js';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('inTurn', () => {
  it('runs at most n at once, in the order given, and hands a slot on without letting a newcomer in', async () => {
    const run = inTurn(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const task = (i: number) => () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      return new Promise<number>((done) => gates.push(() => (running--, done(i))));
    };
    const results = [0, 1, 2, 3].map((i) => run(task(i)));
    await tick();
    expect(started).toEqual([0, 1]);
    gates.shift()!(); // 0 ends: its slot goes to 2
    await null; // 0's slot is now handed to 2, which has not resumed yet
    const late = run(task(4)); // asked for in between: it must wait its turn
    await tick();
    expect(started).toEqual([0, 1, 2]);
    while (gates.length) {
      gates.shift()!();
      await tick();
    }
    expect(await Promise.all([...results, late])).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('frees the slot of a task that fails', async () => {
    const run = inTurn(1);
    await expect(run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(run(() => Promise.resolve('yes'))).resolves.toBe('yes');
  });
});

// Runs async tasks at most `n` at a time, in the order they were given: for work whose memory must stay
// bounded however many tasks arrive at once (chart pictures, each holding its full-size pixels).

/** A runner that starts a task at once while fewer than `n` run, else when one of them ends. */
export function inTurn(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < n) running++;
    // The slot is handed over by the task that ends (below), so no newcomer can take it meanwhile.
    else await new Promise<void>((go) => waiting.push(go));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

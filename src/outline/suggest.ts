// "Did you mean" for unknown keys, slide types, chart kinds and ids.

/** Edit distance (Damerau: a swap of two neighbours counts once), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/** The closest candidate when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** The `n` candidates nearest to `word`, nearest first (ties in the order given). */
export function nearest(word: string, candidates: readonly string[], n = 3): string[] {
  return candidates
    .map((c, i) => ({ c, d: editDistance(word, c), i }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, n)
    .map((x) => x.c);
}

/**
 * "did you mean `x`?" with the next nearest names, or the three nearest names: never a list of all of
 * them (a deck may have dozens of facts).
 */
export function suggestion(word: string, candidates: readonly string[], noun = 'allowed'): string {
  const list = (xs: string[]) => xs.map((c) => `\`${c}\``).join(', ');
  const near = closest(word, candidates);
  if (near) {
    const others = nearest(word, candidates.filter((c) => c !== near), 2);
    return `did you mean \`${near}\`?${others.length ? ` (also near: ${list(others)})` : ''}`;
  }
  if (candidates.length === 0) return `there are no ${noun}`;
  const all = candidates.length > 3 ? ` (${candidates.length} in all)` : '';
  return `the nearest ${noun}: ${list(nearest(word, candidates))}${all}`;
}

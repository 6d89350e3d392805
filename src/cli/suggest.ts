// "Did you mean": the closest names to a mistyped one, for commands and options.

/** Edit distance counting a swap of two neighbouring letters as one edit ("todya" → "today" is 1). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const prev = d[i - 1]!;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      row[j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * editDistance when it can be at most `limit`, else Infinity. Edits are never fewer than the
 * difference in length, so a far longer or shorter name is not compared letter by letter (a
 * pasted 10,000-character id took 2 s against the exercise library).
 */
export function editDistanceUpTo(a: string, b: string, limit: number): number {
  return Math.abs(a.length - b.length) > limit ? Infinity : editDistance(a, b);
}

/**
 * The candidates close to `typed`, closest first: within a third of its length in edits (at
 * least 1, at most 3), or starting with what was typed (a command cut short: "rep" → report).
 */
export function closest(typed: string, candidates: readonly string[]): string[] {
  const t = typed.toLowerCase();
  if (t === '') return [];
  const limit = Math.min(3, Math.max(1, Math.floor(t.length / 3)));
  return candidates
    .map((c) => ({ c, d: c.startsWith(t) && t.length >= 2 ? 0.5 : editDistanceUpTo(t, c, limit) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .map((x) => x.c);
}

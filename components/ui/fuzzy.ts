/**
 * A small fuzzy matcher for pickers and the command palette: prefix > word start > substring > subsequence.
 * Returns null when the query does not match at all; higher is better.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const t = text.toLowerCase();
  const idx = t.indexOf(q);
  if (idx === 0) return 1000 - t.length;
  if (idx > 0) return (/[\s\-_#@.(]/.test(t[idx - 1] ?? "") ? 800 : 600) - idx;
  let from = 0;
  let last = -2;
  let score = 0;
  for (const ch of q) {
    if (ch === " ") continue;
    const found = t.indexOf(ch, from);
    if (found < 0) return null;
    score += found === last + 1 ? 6 : found === 0 || /[\s\-_#@.(]/.test(t[found - 1] ?? "") ? 4 : 1;
    last = found;
    from = found + 1;
  }
  return score;
}

/** Items that match, best first; stable for equal scores (keeps the caller's order for an empty query). */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  if (!query.trim()) return [...items];
  return items
    .map((item, i) => ({ item, i, score: fuzzyScore(query, text(item)) }))
    .filter((r): r is { item: T; i: number; score: number } => r.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((r) => r.item);
}

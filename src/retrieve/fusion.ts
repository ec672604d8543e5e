/** The usual constant of reciprocal rank fusion: damps the weight of the very top ranks. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion of several rankings of ids (best first). Each list may carry a
 * weight. Returns ids with fused scores, best first; ties keep first-seen order.
 */
export function reciprocalRankFusion(
  rankings: ReadonlyArray<{ ids: readonly string[]; weight?: number }>,
  k = RRF_K,
): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const { ids, weight = 1 } of rankings) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

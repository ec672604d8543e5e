/** Weight of the dense ranking against BM25 in score fusion; measured on the dev set (README). */
const DENSE_WEIGHT = 0.5;
/** Cosine gaps smaller than this are noise, not preference; min-max scaling must not blow them up. */
const MIN_DENSE_SPAN = 0.1;

/**
 * Convex combination of dense and keyword scores. Dense scores are min-max scaled over the
 * candidates (over a span of at least MIN_DENSE_SPAN) and BM25 scores divided by the best one, so both lie in [0, 1]; a passage only
 * one retriever found gets that retriever's share alone. Unlike rank fusion this keeps how
 * much better the best keyword hit is than the rest. Returns ids best first.
 */
export function fuseScores(
  dense: ReadonlyMap<string, number>,
  keyword: ReadonlyMap<string, number>,
  denseWeight = DENSE_WEIGHT,
): Array<{ id: string; score: number }> {
  const denseValues = [...dense.values()];
  const low = Math.min(...denseValues);
  const span = Math.max(Math.max(...denseValues) - low, MIN_DENSE_SPAN);
  const best = Math.max(0, ...keyword.values()) || 1;
  const ids = new Set([...dense.keys(), ...keyword.keys()]);
  return [...ids]
    .map((id) => {
      const denseScore = dense.has(id) ? ((dense.get(id) as number) - low) / span : 0;
      const keywordScore = (keyword.get(id) ?? 0) / best;
      return { id, score: denseWeight * denseScore + (1 - denseWeight) * keywordScore };
    })
    .sort((a, b) => b.score - a.score);
}

/** A row of the vector matrix with its cosine similarity to the query. */
export interface DenseHit {
  row: number;
  score: number;
}

/**
 * Exact cosine search over L2-normalised rows held in one typed array. `rows`, when given,
 * limits the search to those rows (filters by outlet or article).
 */
export function denseSearch(
  vectors: Float32Array,
  dimensions: number,
  query: Float32Array,
  limit: number,
  rows?: readonly number[],
): DenseHit[] {
  const count = vectors.length / dimensions;
  const hits: DenseHit[] = [];
  const visit = (row: number) => {
    let dot = 0;
    const offset = row * dimensions;
    for (let d = 0; d < dimensions; d++) dot += (vectors[offset + d] as number) * (query[d] as number);
    hits.push({ row, score: dot });
  };
  if (rows) rows.forEach(visit);
  else for (let row = 0; row < count; row++) visit(row);
  hits.sort((a, b) => b.score - a.score);
  return hits.slice(0, limit);
}

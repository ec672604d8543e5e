import { scoreAllRows } from "../index/vectorMatrix.js";
import { TopHits } from "../util/topHits.js";

/** A row of the vector matrix with its cosine similarity to the query. */
export interface DenseHit {
  row: number;
  score: number;
}

/** Dot product of row `offset…offset+dimensions` with the query, four running sums at a time. */
function dot(vectors: Float32Array, offset: number, query: Float32Array, dimensions: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 3 < dimensions; i += 4) {
    a += (vectors[offset + i] as number) * (query[i] as number);
    b += (vectors[offset + i + 1] as number) * (query[i + 1] as number);
    c += (vectors[offset + i + 2] as number) * (query[i + 2] as number);
    d += (vectors[offset + i + 3] as number) * (query[i + 3] as number);
  }
  for (; i < dimensions; i++) a += (vectors[offset + i] as number) * (query[i] as number);
  return a + b + c + d;
}

/**
 * Exact cosine search over L2-normalised rows held in one typed array, keeping only the
 * `limit` best in a heap. A matrix from `allocateMatrix` is scored in float32 SIMD (scores
 * agree with the double-precision loop to about 1e-7). `rows`, when given, limits the search to those rows (filters by
 * outlet or article).
 */
export function denseSearch(
  vectors: Float32Array,
  dimensions: number,
  query: Float32Array,
  limit: number,
  rows?: readonly number[],
): DenseHit[] {
  const count = rows ? rows.length : vectors.length / dimensions;
  const top = new TopHits(Math.max(0, Math.min(limit, count)));
  // Every row at once by the SIMD kernel when the matrix lives in WebAssembly memory.
  const scores = scoreAllRows(vectors, dimensions, query);
  for (let i = 0; i < count; i++) {
    const row = rows ? (rows[i] as number) : i;
    top.offer(row, scores ? (scores[row] as number) : dot(vectors, row * dimensions, query, dimensions), i);
  }
  return top.sorted().map(({ key, score }) => ({ row: key, score }));
}

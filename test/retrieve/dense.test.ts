import { describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/support/syntheticCorpus.js";
import { allocateMatrix, scoreAllRows } from "../../src/index/vectorMatrix.js";
import { denseSearch } from "../../src/retrieve/dense.js";

/** The definition: score every row in visiting order, stable-sort by score, keep the best. */
function reference(vectors: Float32Array, dimensions: number, query: Float32Array, limit: number, rows?: number[]) {
  const visit = rows ?? Array.from({ length: vectors.length / dimensions }, (_, row) => row);
  const hits = visit.map((row) => {
    let score = 0;
    for (let d = 0; d < dimensions; d++) score += (vectors[row * dimensions + d] as number) * (query[d] as number);
    return { row, score };
  });
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

describe("denseSearch", () => {
  const dimensions = 7;
  const random = seededRandom(42);
  const vectors = Float32Array.from({ length: 300 * dimensions }, () => random() - 0.5);
  // Rows 10, 20 and 30 are one vector three times: their scores tie exactly.
  for (const row of [20, 30]) vectors.copyWithin(row * dimensions, 10 * dimensions, 11 * dimensions);
  const query = vectors.slice(10 * dimensions, 11 * dimensions);

  it("keeps the best rows, best first, ties in row order, as sorting every row would", () => {
    for (const limit of [0, 1, 2, 3, 5, 30, 300, 500]) {
      const hits = denseSearch(vectors, dimensions, query, limit);
      const expected = reference(vectors, dimensions, query, limit);
      expect(hits.map((hit) => hit.row)).toEqual(expected.map((hit) => hit.row));
      hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 6));
    }
    expect(denseSearch(vectors, dimensions, query, 3).map((hit) => hit.row)).toEqual([10, 20, 30]);
  });

  it("searches only the given rows, in the order given", () => {
    const rows = [30, 5, 20, 77, 10, 299];
    expect(denseSearch(vectors, dimensions, query, 4, rows).map((hit) => hit.row)).toEqual(
      reference(vectors, dimensions, query, 4, rows).map((hit) => hit.row),
    );
  });
});

describe("denseSearch over a matrix in WebAssembly memory", () => {
  const dimensions = 16;
  const random = seededRandom(9);
  const plain = Float32Array.from({ length: 500 * dimensions }, () => random() - 0.5);
  for (const row of [40, 90]) plain.copyWithin(row * dimensions, 3 * dimensions, 4 * dimensions);
  const matrix = allocateMatrix(500, dimensions);
  matrix.set(plain);
  const query = plain.slice(3 * dimensions, 4 * dimensions);

  it("scores every row with the SIMD kernel, to float32 precision", () => {
    const scores = scoreAllRows(matrix, dimensions, query);
    expect(scores).not.toBeNull();
    const expected = reference(plain, dimensions, query, 500).sort((a, b) => a.row - b.row);
    expected.forEach((hit) => expect(scores![hit.row]).toBeCloseTo(hit.score, 5));
    expect(scoreAllRows(plain, dimensions, query)).toBeNull();
  });

  it("finds the same rows as the plain loop, exact ties in row order", () => {
    for (const limit of [1, 3, 10, 499]) {
      expect(denseSearch(matrix, dimensions, query, limit).map((hit) => hit.row)).toEqual(
        denseSearch(plain, dimensions, query, limit).map((hit) => hit.row),
      );
    }
    expect(denseSearch(matrix, dimensions, query, 3).map((hit) => hit.row)).toEqual([3, 40, 90]);
    expect(denseSearch(matrix, dimensions, query, 2, [90, 7, 40]).map((hit) => hit.row)).toEqual([90, 40]);
  });
});

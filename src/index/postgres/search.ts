import pgvector from "pgvector";
import type pg from "pg";

/** A passage and its score from a ranking run in SQL. */
export interface SqlHit {
  id: string;
  score: number;
}

/** Nearest passages by the HNSW index (approximate, as any HNSW search). */
export const DENSE_SQL = "SELECT id, 1 - (embedding <=> $1) AS score FROM passages ORDER BY embedding <=> $1 LIMIT $2";
/**
 * Nearest among some passages (an outlet's, an article's), scanned exactly: the materialised
 * candidate set keeps the planner off the HNSW index, which filters after its search and can
 * return fewer than `limit` hits when the filter keeps few passages.
 */
const FILTERED_DENSE_SQL = `WITH candidates AS MATERIALIZED (SELECT id, embedding FROM passages WHERE id = ANY($3))
SELECT id, 1 - (embedding <=> $1) AS score FROM candidates ORDER BY embedding <=> $1 LIMIT $2`;

/**
 * Cosine top-k by pgvector's `<=>`; among `ids` when given. The stored and query vectors are
 * L2-normalised, so `1 - distance` is the dot product the files backend scores with.
 */
export async function denseQuery(db: pg.Pool, query: Float32Array, limit: number, ids?: readonly string[]): Promise<SqlHit[]> {
  const vector = pgvector.toSql(Array.from(query));
  const result = ids === undefined ? await db.query<SqlHit>(DENSE_SQL, [vector, limit]) : await db.query<SqlHit>(FILTERED_DENSE_SQL, [vector, limit, ids]);
  return result.rows;
}

/** One index term a query matches: the term, its weight (1, less for a fuzzy variant), which query term it stands for, and when MiniSearch meets it. */
export interface TermMatch {
  term: string;
  weight: number;
  queryTerm: number;
  order: number;
}

// MiniSearch's BM25+ parameters (bm25Postings.ts): k = 1.2, b = 0.7, d = 0.5.
const BM25_SQL = `
WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[], $3::int[], $4::int[]) AS q(term, weight, query_term, ord)),
scored AS (
  SELECT k.passage_id, q.query_term, ARRAY[q.ord, k.field::int] AS met,
    q.weight * f.boost * ln(1 + (m.passage_count - matching.matching::float8 + 0.5) / (matching.matching::float8 + 0.5))
      * (0.5 + (k.freq * 2.2) / (k.freq + 1.2 * (1 - 0.7 + 0.7 * k.field_length / f.average_length))) AS score
  FROM q
  JOIN keyword_postings k ON k.term = q.term
  JOIN keyword_term_fields matching ON matching.term = k.term AND matching.field = k.field
  JOIN keyword_fields f ON f.field = k.field
  CROSS JOIN index_manifest m
  WHERE $6::text[] IS NULL OR k.passage_id = ANY($6)
),
totals AS (
  SELECT passage_id, sum(score) * count(DISTINCT query_term) AS score, min(met) AS met FROM scored GROUP BY passage_id
)
SELECT t.passage_id AS id, t.score
FROM totals t JOIN passages p ON p.id = t.passage_id JOIN articles a ON a.id = p.article_id
ORDER BY t.score DESC, t.met, a.position, p.position
LIMIT $5`;

/**
 * BM25 top-k in SQL over the stored postings, with MiniSearch's formula: each matched term
 * scores per field (boosted), a passage's sum is multiplied by how many distinct query terms it
 * matched, and ties go to the passage met first, as in the files backend. Among `allowed` ids when given.
 */
export async function bm25Query(db: pg.Pool, matches: readonly TermMatch[], limit: number, allowed?: readonly string[]): Promise<SqlHit[]> {
  if (matches.length === 0 || limit <= 0) return [];
  const result = await db.query<SqlHit>(BM25_SQL, [
    matches.map((match) => match.term),
    matches.map((match) => match.weight),
    matches.map((match) => match.queryTerm),
    matches.map((match) => match.order),
    limit,
    allowed ?? null,
  ]);
  return result.rows;
}

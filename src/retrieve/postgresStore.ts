import type pg from "pg";
import type SearchableMap from "minisearch/SearchableMap";
import { matchingTerms, termIndexOf } from "../index/bm25Postings.js";
import type { IndexContents } from "../index/contents.js";
import { POSTINGS_QUERY, queryTerms, type KeywordHit } from "../index/keywordIndex.js";
import { loadPostgresIndex, readQuotes } from "../index/postgres/readIndex.js";
import { bm25Query, denseQuery, type SqlHit, type TermMatch } from "../index/postgres/search.js";
import type { Quote } from "../ingest/quotes/speakers.js";
import type { Passage } from "../types.js";
import type { DenseHit } from "./dense.js";
import type { IndexStore } from "./store.js";

/**
 * The postgres backend: the engine's contents are read once from the database; both rankings
 * run in SQL on every question (dense by pgvector's HNSW index, BM25 over the stored postings),
 * and a speaker's quotes are read when a question names the speaker. A hit on a passage this
 * store did not load (an indexer committed since) is dropped.
 */
export class PostgresIndexStore implements IndexStore {
  private readonly rowsById: Map<string, number>;
  private readonly termIndex: SearchableMap<number>;
  /** Each article's hash in the build this store opened: a quote read later counts only if its article is unchanged. */
  private readonly articleHashes: Map<string, string>;

  private constructor(
    private readonly pool: pg.Pool,
    readonly contents: IndexContents,
    private readonly terms: readonly string[],
    /** What a failed query is reported as: a database that cannot be reached is named, with the fix. */
    private readonly explain: (error: unknown) => unknown,
  ) {
    this.articleHashes = new Map(contents.manifest.articles.map((record) => [record.id, record.hash]));
    this.rowsById = new Map(contents.passages.map((passage, row) => [passage.id, row]));
    this.termIndex = termIndexOf(terms);
  }

  /** Opens the build in the database, or null when it holds none. */
  static async open(pool: pg.Pool, explain: (error: unknown) => unknown = (error) => error): Promise<PostgresIndexStore | null> {
    const loaded = await loadPostgresIndex(pool);
    return loaded === null ? null : new PostgresIndexStore(pool, loaded.contents, loaded.terms, explain);
  }

  async denseTopK(query: Float32Array, limit: number, rows?: readonly number[]): Promise<DenseHit[]> {
    const ids = rows?.map((row) => (this.contents.passages[row] as Passage).id);
    return this.known(await this.explained(denseQuery(this.pool, query, limit, ids))).map(({ row, score }) => ({ row, score }));
  }

  async keywordTopK(text: string, limit: number, allowed?: ReadonlySet<string>): Promise<KeywordHit[]> {
    const matches: TermMatch[] = [];
    const distinct = new Map<string, number>();
    for (const term of queryTerms(text)) {
      const queryTerm = distinct.get(term) ?? distinct.size;
      distinct.set(term, queryTerm);
      for (const [number, weight] of matchingTerms(this.termIndex, term, POSTINGS_QUERY)) {
        matches.push({ term: this.terms[number] as string, weight, queryTerm, order: matches.length });
      }
    }
    const hits = await this.explained(bm25Query(this.pool, matches, limit, allowed === undefined ? undefined : [...allowed]));
    return this.known(hits).map(({ id, score }) => ({ id, score }));
  }

  /** Read from the database when asked; a quote of an article an indexer has changed since this store opened is dropped, as a ranking's hit is. */
  async quotesOf(speakerIds: readonly string[]): Promise<Quote[]> {
    const rows = await this.explained(readQuotes(this.pool, speakerIds));
    return rows.filter(({ quote, articleHash }) => articleHash !== null && this.articleHashes.get(quote.articleId) === articleHash).map(({ quote }) => quote);
  }

  private explained<T>(query: Promise<T>): Promise<T> {
    return query.catch((error: unknown) => {
      throw this.explain(error);
    });
  }

  private known(hits: readonly SqlHit[]): Array<SqlHit & { row: number }> {
    return hits.flatMap((hit) => {
      const row = this.rowsById.get(hit.id);
      return row === undefined ? [] : [{ ...hit, row }];
    });
  }
}

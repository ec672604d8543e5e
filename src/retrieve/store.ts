import type { IndexContents } from "../index/contents.js";
import type { KeywordHit } from "../index/keywordIndex.js";
import type { Quote } from "../ingest/quotes/speakers.js";
import type { DenseHit } from "./dense.js";

/**
 * The one contract the engine retrieves through, whatever holds the index. The engine keeps
 * `contents` in memory (manifest, passages in row order, speakers, vocabulary) and asks the
 * store for the two rankings it fuses and for the quotes of the speakers a question names;
 * fusion, re-ranking and answer composition stay in the engine, shared by every backend.
 *
 * - files (FileIndexStore): a build folder loaded whole; both rankings run in memory.
 * - postgres (PostgresIndexStore): dense top-k runs in SQL (pgvector `<=>`), BM25 top-k in SQL
 *   over stored postings with MiniSearch's formula, so both backends rank alike; quotes are
 *   read by speaker when asked for, not held.
 *
 * Rankings answer for the contents the store was opened with: a hit outside them is dropped.
 */
export interface IndexStore {
  readonly contents: IndexContents;
  /** The `limit` rows nearest `query` by cosine, best first; only among `rows` when given (an outlet or article filter). */
  denseTopK(query: Float32Array, limit: number, rows?: readonly number[]): Promise<DenseHit[]>;
  /** The `limit` best BM25 hits for the question's text, best first; only among `allowed` passage ids when given. */
  keywordTopK(text: string, limit: number, allowed?: ReadonlySet<string>): Promise<KeywordHit[]>;
  /** The quotes of these speakers (ids), in the quote index's order; a speaker named twice gives its quotes twice. */
  quotesOf(speakerIds: readonly string[]): Promise<Quote[]>;
}

import pgvector from "pgvector";
import type pg from "pg";
import type { Quote } from "../../ingest/quotes/speakers.js";
import type { Passage } from "../../types.js";
import type { IndexContents } from "../contents.js";
import { UserError } from "../../errors.js";
import { manifestSchema, type ArticleRecord, type Manifest } from "../manifest.js";
import { quoteDirectorySchema, quotesSchema } from "../quoteIndex.js";
import { Vocabulary } from "../vocabulary.js";
import { inTransaction } from "./connect.js";
import { SCHEMA_VERSION, schemaVersion } from "./migrations.js";

type Db = pg.ClientBase | pg.Pool;

interface ArticleRow {
  id: string;
  file: string;
  hash: string;
  title: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  sections: ArticleRecord["sections"];
  passage_count: number;
  stamp: ArticleRecord["stamp"] | null;
}

/** The manifest of the build in the database, or null when there is none (or the schema is not there yet). */
export async function readPostgresManifest(db: Db): Promise<Manifest | null> {
  if ((await schemaVersion(db)) < SCHEMA_VERSION) return null;
  const head = (await db.query("SELECT * FROM index_manifest")).rows[0] as Record<string, unknown> | undefined;
  if (head === undefined) return null;
  const rows = (await db.query<ArticleRow>("SELECT * FROM articles ORDER BY position")).rows;
  const parsed = manifestSchema.safeParse({
    formatVersion: head.format_version,
    encoder: { id: head.encoder_id, dimensions: head.dimensions },
    chunkerVersion: head.chunker_version,
    quotesVersion: head.quotes_version,
    builtAt: head.built_at,
    articlesDir: head.articles_dir,
    articles: rows.map(({ passage_count, stamp, ...record }) => ({ ...record, passageCount: passage_count, ...(stamp === null ? {} : { stamp }) })),
  });
  if (!parsed.success) {
    throw new UserError("INDEX_CORRUPT", "The index in the database has a manifest of an unexpected shape. Rebuild it with: npm run index -- --rebuild");
  }
  return parsed.data;
}

/** When the build in the database was made (ISO time), or null when there is none: one row, cheap to poll. */
export async function readBuiltAt(db: Db): Promise<string | null> {
  const result = await db.query<{ built_at: string }>("SELECT built_at FROM index_manifest");
  return result.rows[0]?.built_at ?? null;
}

/** The stored vectors of some articles' passages, by passage id. */
export async function readVectors(db: Db, articleIds: readonly string[]): Promise<Map<string, Float32Array>> {
  const result = await db.query<{ id: string; embedding: string }>("SELECT id, embedding::text AS embedding FROM passages WHERE article_id = ANY($1)", [articleIds]);
  return new Map(result.rows.map((row) => [row.id, Float32Array.from(pgvector.fromSql(row.embedding) as number[])]));
}

/**
 * The quotes of these speakers, in the quote index's order (a speaker named twice gives its
 * quotes twice), each with the hash its article has in the database now.
 */
export async function readQuotes(db: Db, speakerIds: readonly string[]): Promise<Array<{ quote: Quote; articleHash: string | null }>> {
  if (speakerIds.length === 0) return [];
  const result = await db.query<{ data: unknown; hash: string | null }>(
    "SELECT q.data, a.hash FROM unnest($1::text[]) AS s(id) JOIN quotes q ON q.speaker_id = s.id LEFT JOIN articles a ON a.id = q.article_id ORDER BY q.position",
    [speakerIds],
  );
  const quotes = quotesSchema.parse(result.rows.map((row) => row.data));
  return quotes.map((quote, i) => ({ quote, articleHash: result.rows[i]?.hash ?? null }));
}

/** What a Postgres store holds in memory: the engine's contents plus the keyword terms in index order. */
export interface PostgresContents {
  contents: IndexContents;
  /** Every indexed keyword term, in MiniSearch's order (fuzzy matches are scored in it). */
  terms: string[];
}

/**
 * Reads everything but the vectors and postings from one consistent snapshot, or null when the
 * database holds no build.
 */
export function loadPostgresIndex(pool: pg.Pool): Promise<PostgresContents | null> {
  return inTransaction(pool, async (client) => {
    const manifest = await readPostgresManifest(client);
    if (manifest === null) return null;
    const passages = (
      await client.query<{ id: string; article_id: string; section: number; start_offset: number; end_offset: number; text: string }>(
        "SELECT p.id, p.article_id, p.section, p.start_offset, p.end_offset, p.text FROM passages p JOIN articles a ON a.id = p.article_id ORDER BY a.position, p.position",
      )
    ).rows.map((row): Passage => ({ articleId: row.article_id, section: row.section, start: row.start_offset, end: row.end_offset, text: row.text, id: row.id }));
    const quotes = quoteDirectorySchema.parse((await client.query<{ data: unknown }>("SELECT data FROM quote_index")).rows[0]?.data);
    // (The forward index stays in the database for readers of schema 3 and earlier: a reader tokenises the few
    // passages a question reads instead of holding every passage's words, 47 MiB at 100,000 passages.)
    const vocabulary = (await client.query<{ document_frequency: Record<string, number>; words: string[] }>("SELECT document_frequency, words FROM vocabulary")).rows[0];
    if (vocabulary === undefined) throw new Error("the database has a manifest but no vocabulary");
    const terms = (await client.query<{ term: string }>("SELECT term FROM keyword_terms ORDER BY position")).rows.map((row) => row.term);
    const keywords = new Vocabulary(vocabulary.document_frequency, passages.length, vocabulary.words);
    return { contents: { manifest, passages, quotes, keywords, tokens: null }, terms };
  }, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

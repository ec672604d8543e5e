import pgvector from "pgvector";
import type pg from "pg";
import { UserError } from "../../errors.js";
import type { Passage } from "../../types.js";
import type { BuildContents } from "../indexStore.js";
import type { Manifest } from "../manifest.js";
import { POSTINGS_QUERY } from "../keywordIndex.js";
import { PassageTokens } from "../passageTokens.js";
import type { IndexTarget, IndexWriter } from "../target.js";
import { storedComponent } from "../vectraShards.js";
import { databaseProblem, inTransaction } from "./connect.js";
import { describeDatabase } from "./describe.js";
import { migrate } from "./migrations.js";
import { readPostgresManifest, readVectors } from "./readIndex.js";

/** Held by the indexer for its whole transaction: one writer per database. */
const INDEX_WRITER_LOCK = 7_263_540_002;
/** Rows sent per INSERT: large enough to save round trips, small enough to keep each statement a few MB. */
const INSERT_BATCH = 500;
/** Postgres' "lock_not_available", raised when lock_timeout runs out. */
const LOCK_TIMEOUT = "55P03";

/**
 * The postgres backend's target: `npm run index` migrates the schema, then writes the whole
 * update in one transaction under `pg_advisory_xact_lock`. Readers see the previous build until
 * it commits; a crash rolls it back.
 */
export class PostgresTarget implements IndexTarget {
  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  get where(): string {
    return describeDatabase(this.url);
  }

  async exclusive<T>(work: (writer: IndexWriter) => Promise<T>, options: { waitMs: number; onWait: (holder: string) => void }): Promise<T> {
    // A full disk, a dropped connection: named with the fix, after the transaction rolled back.
    return this.locked(work, options).catch((error: unknown) => {
      throw databaseProblem(this.url, error);
    });
  }

  private async locked<T>(work: (writer: IndexWriter) => Promise<T>, options: { waitMs: number; onWait: (holder: string) => void }): Promise<T> {
    await migrate(this.pool);
    return inTransaction(this.pool, async (client) => {
      const free = (await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [INDEX_WRITER_LOCK])).rows[0]?.locked;
      if (!free) {
        options.onWait("");
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.waitMs))}`);
        await client.query("SELECT pg_advisory_xact_lock($1)", [INDEX_WRITER_LOCK]).catch((error: unknown) => {
          if ((error as { code?: string }).code !== LOCK_TIMEOUT) throw error;
          throw new UserError("INDEX_LOCKED", `Another indexer is writing to ${this.where}. Wait for it to finish and run again.`, { cause: error });
        });
        await client.query("SET LOCAL lock_timeout = 0");
      }
      return work(new PostgresWriter(client));
    });
  }
}

/** Inside the indexer's transaction: reads the build being replaced, writes only what changed. */
class PostgresWriter implements IndexWriter {
  constructor(private readonly client: pg.PoolClient) {}

  readManifest(): Promise<Manifest | null> {
    return readPostgresManifest(this.client);
  }

  vectorsOf(_manifest: Manifest, articleIds: readonly string[]): Promise<ReadonlyMap<string, Float32Array>> {
    return readVectors(this.client, articleIds);
  }

  /** The server's disk is the server's business: a full disk fails the transaction and the old build stays. */
  checkRoomFor(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Articles whose hash is unchanged keep their rows (passages, vectors, postings); changed
   * and removed ones are deleted and the changed and new ones inserted. What is derived from
   * the whole corpus (term list, field averages, vocabulary, quotes and speakers, manifest) is
   * rewritten: it is small beside the passages.
   */
  async write(contents: BuildContents): Promise<void> {
    const { manifest } = contents;
    const previous = await readPostgresManifest(this.client);
    const sameBuildKind =
      previous !== null &&
      previous.encoder.id === manifest.encoder.id &&
      previous.encoder.dimensions === manifest.encoder.dimensions &&
      previous.chunkerVersion === manifest.chunkerVersion &&
      previous.formatVersion === manifest.formatVersion;
    if (!sameBuildKind) await this.client.query("TRUNCATE articles, passages, keyword_postings");
    await this.fitEmbeddingColumn(manifest.encoder.dimensions);

    const kept = new Set<string>();
    if (sameBuildKind) {
      const hashes = new Map(previous.articles.map((record) => [record.id, record.hash]));
      for (const record of manifest.articles) if (hashes.get(record.id) === record.hash) kept.add(record.id);
    }
    await this.client.query("DELETE FROM articles WHERE NOT (id = ANY($1))", [[...kept]]);
    await this.insertArticles(manifest);
    const inserted = new Set<number>();
    contents.passages.forEach((passage, row) => kept.has(passage.articleId) || inserted.add(row));
    await this.insertPassages(contents, inserted);
    await this.insertPostings(contents, inserted);
    await this.writeCorpusWide(contents);
  }

  /** Gives the embedding column the encoder's dimensions and its HNSW index (cosine), once per encoder. */
  private async fitEmbeddingColumn(dimensions: number): Promise<void> {
    const current = (
      await this.client.query<{ typmod: number }>("SELECT atttypmod AS typmod FROM pg_attribute WHERE attrelid = 'passages'::regclass AND attname = 'embedding'")
    ).rows[0]?.typmod;
    if (current === dimensions) return;
    await this.client.query("DROP INDEX IF EXISTS passages_embedding_hnsw");
    await this.client.query(`ALTER TABLE passages ALTER COLUMN embedding TYPE vector(${Math.trunc(dimensions)})`);
    await this.client.query("CREATE INDEX passages_embedding_hnsw ON passages USING hnsw (embedding vector_cosine_ops)");
  }

  private async insertArticles(manifest: Manifest): Promise<void> {
    const rows = manifest.articles.map((record, position) => ({
      id: record.id,
      position,
      file: record.file,
      hash: record.hash,
      title: record.title,
      outlet: record.outlet,
      published: record.published,
      url: record.url,
      sections: record.sections,
      passage_count: record.passageCount,
      stamp: record.stamp ?? null,
    }));
    await this.client.query(
      `INSERT INTO articles SELECT * FROM jsonb_populate_recordset(NULL::articles, $1::jsonb)
       ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, file = EXCLUDED.file, title = EXCLUDED.title, outlet = EXCLUDED.outlet,
         published = EXCLUDED.published, url = EXCLUDED.url, sections = EXCLUDED.sections, stamp = EXCLUDED.stamp`,
      [JSON.stringify(rows)],
    );
  }

  private async insertPassages(contents: BuildContents, rows: ReadonlySet<number>): Promise<void> {
    const positions = new Map<string, number>();
    const batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await this.client.query("INSERT INTO passages SELECT * FROM jsonb_populate_recordset(NULL::passages, $1::jsonb)", [JSON.stringify(batch)]);
      batch.length = 0;
    };
    for (const [row, passage] of contents.passages.entries()) {
      const position = positions.get(passage.articleId) ?? 0;
      positions.set(passage.articleId, position + 1);
      if (!rows.has(row)) continue;
      batch.push(passageRow(passage, position, contents.vectors[row]));
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();
  }

  /** The postings MiniSearch built for the inserted passages: document `d` of the postings is row `d` of the passages. */
  private async insertPostings(contents: BuildContents, rows: ReadonlySet<number>): Promise<void> {
    const { postings } = contents.keywords;
    const fields = postings.fields.length;
    const batch: Array<{ term: string; field: number; passage_id: string; freq: number; field_length: number }> = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await this.client.query("INSERT INTO keyword_postings SELECT * FROM jsonb_populate_recordset(NULL::keyword_postings, $1::jsonb)", [JSON.stringify(batch)]);
      batch.length = 0;
    };
    for (const [t, term] of postings.terms.entries()) {
      for (let field = 0; field < fields; field++) {
        const at = (t * fields + field) * 2;
        const start = postings.ranges[at] as number;
        const end = start + (postings.ranges[at + 1] as number);
        for (let i = start; i < end; i++) {
          const doc = postings.docIds[i] as number;
          if (!rows.has(doc)) continue;
          const passage = contents.passages[doc] as Passage;
          batch.push({ term, field, passage_id: passage.id, freq: postings.freqs[i] as number, field_length: postings.fieldLength[doc * fields + field] as number });
          if (batch.length >= INSERT_BATCH * 10) await flush();
        }
      }
    }
    await flush();
  }

  private async writeCorpusWide(contents: BuildContents): Promise<void> {
    const { manifest, keywords, quotes, passages } = contents;
    const { postings } = keywords;
    await this.client.query("DELETE FROM keyword_terms");
    await this.client.query("INSERT INTO keyword_terms (position, term) SELECT ordinality - 1, term FROM unnest($1::text[]) WITH ORDINALITY AS t(term, ordinality)", [postings.terms]);
    await this.client.query("DELETE FROM keyword_term_fields");
    const counts = postings.terms.flatMap((term, t) => postings.fields.map((_, field) => ({ term, field, matching: postings.ranges[(t * postings.fields.length + field) * 2 + 1] as number })));
    await this.client.query(
      "INSERT INTO keyword_term_fields SELECT * FROM jsonb_populate_recordset(NULL::keyword_term_fields, $1::jsonb) WHERE matching > 0",
      [JSON.stringify(counts)],
    );
    await this.client.query("DELETE FROM keyword_fields");
    await this.client.query(
      "INSERT INTO keyword_fields (field, name, boost, average_length) SELECT ordinality - 1, name, boost, average FROM unnest($1::text[], $2::float8[], $3::float8[]) WITH ORDINALITY AS f(name, boost, average, ordinality)",
      [postings.fields, postings.fields.map((_, field) => POSTINGS_QUERY.boosts[field] ?? 1), postings.averageFieldLength],
    );
    const forward = PassageTokens.build(passages.map((passage) => passage.text)).encode();
    await this.client.query(
      `INSERT INTO vocabulary (document_frequency, words, forward_index) VALUES ($1, $2, $3)
       ON CONFLICT (singleton) DO UPDATE SET document_frequency = EXCLUDED.document_frequency, words = EXCLUDED.words, forward_index = EXCLUDED.forward_index`,
      [JSON.stringify(keywords.documentFrequency), JSON.stringify(keywords.vocabulary), Buffer.from(forward.buffer, forward.byteOffset, forward.byteLength)],
    );
    const { quotes: quoteRows, ...directory } = quotes;
    await this.client.query("INSERT INTO quote_index (data) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET data = EXCLUDED.data", [JSON.stringify(directory)]);
    await this.client.query("DELETE FROM quotes");
    for (let from = 0; from < quoteRows.length; from += INSERT_BATCH) {
      const rows = quoteRows.slice(from, from + INSERT_BATCH).map((quote, i) => ({ position: from + i, speaker_id: quote.speakerId, article_id: quote.articleId, data: quote }));
      await this.client.query("INSERT INTO quotes SELECT * FROM jsonb_populate_recordset(NULL::quotes, $1::jsonb)", [JSON.stringify(rows)]);
    }
    await this.client.query(
      `INSERT INTO index_manifest (format_version, encoder_id, dimensions, chunker_version, quotes_version, built_at, articles_dir, passage_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (singleton) DO UPDATE SET format_version = EXCLUDED.format_version, encoder_id = EXCLUDED.encoder_id, dimensions = EXCLUDED.dimensions,
         chunker_version = EXCLUDED.chunker_version, quotes_version = EXCLUDED.quotes_version, built_at = EXCLUDED.built_at,
         articles_dir = EXCLUDED.articles_dir, passage_count = EXCLUDED.passage_count`,
      [manifest.formatVersion, manifest.encoder.id, manifest.encoder.dimensions, manifest.chunkerVersion, manifest.quotesVersion, manifest.builtAt, manifest.articlesDir, passages.length],
    );
  }
}

function passageRow(passage: Passage, position: number, vector: Float32Array | undefined): Record<string, unknown> {
  return {
    id: passage.id,
    article_id: passage.articleId,
    position,
    section: passage.section,
    start_offset: passage.start,
    end_offset: passage.end,
    text: passage.text,
    // Rounded as the files backend stores them, so both backends hold the same vectors.
    embedding: pgvector.toSql(Array.from(vector ?? [], storedComponent)),
  };
}

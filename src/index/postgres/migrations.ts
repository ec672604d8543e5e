import type pg from "pg";
import { inTransaction } from "./connect.js";

/**
 * The schema, one version at a time. A version, once released, never changes: a new table or
 * column is a new entry. `migrate` applies the missing ones in order, in one transaction
 * (Postgres DDL is transactional: all of them or none), and records each in `schema_migrations`.
 *
 * Keyword search stores MiniSearch's BM25 postings (term, field, passage, frequency) rather than
 * a tsvector: ranking in SQL with the same formula, stemming and fuzzy terms as the files
 * backend keeps both backends' answers the same, which Postgres full-text ranking (ts_rank,
 * its own stemmer and stop words) would not.
 *
 * The embedding column gets its dimensions, and its HNSW index, from the first build that
 * writes it (PostgresTarget): they belong to the encoder, not to the schema.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: "index tables",
    sql: `
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE index_manifest (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  format_version integer NOT NULL,
  encoder_id text NOT NULL,
  dimensions integer NOT NULL,
  chunker_version integer NOT NULL,
  quotes_version integer NOT NULL,
  built_at text NOT NULL,
  articles_dir text NOT NULL,
  passage_count integer NOT NULL
);
CREATE TABLE articles (
  id text PRIMARY KEY,
  position integer NOT NULL,
  file text NOT NULL,
  hash text NOT NULL,
  title text NOT NULL,
  outlet text,
  published text,
  url text,
  sections jsonb NOT NULL,
  passage_count integer NOT NULL,
  stamp jsonb
);
CREATE TABLE passages (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position integer NOT NULL,
  section integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  text text NOT NULL,
  embedding vector NOT NULL
);
CREATE INDEX passages_by_article ON passages (article_id, position);
CREATE TABLE keyword_postings (
  term text NOT NULL,
  field smallint NOT NULL,
  passage_id text NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
  freq integer NOT NULL,
  field_length integer NOT NULL,
  PRIMARY KEY (term, field, passage_id)
);
CREATE INDEX keyword_postings_by_passage ON keyword_postings (passage_id);
CREATE TABLE keyword_terms (position integer PRIMARY KEY, term text NOT NULL);
CREATE TABLE keyword_fields (field smallint PRIMARY KEY, name text NOT NULL, boost double precision NOT NULL, average_length double precision NOT NULL);
CREATE TABLE vocabulary (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  document_frequency jsonb NOT NULL,
  words jsonb NOT NULL,
  forward_index bytea NOT NULL
);
CREATE TABLE quote_index (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  data jsonb NOT NULL
);
`,
  },
  {
    version: 2,
    name: "keyword matching counts",
    // How many passages hold each term in each field (BM25's document frequency), written with
    // the postings, so a query does not count postings again.
    sql: `
CREATE TABLE keyword_term_fields (
  term text NOT NULL,
  field smallint NOT NULL,
  matching integer NOT NULL,
  PRIMARY KEY (term, field)
);
`,
  },
  {
    version: 3,
    name: "quotes by speaker",
    // One row per quote, found by speaker when a question names one, so a reader does not hold
    // every quote; quote_index keeps the speakers and people. An index already built moves its
    // quotes here, in their order.
    sql: `
CREATE TABLE quotes (
  position integer PRIMARY KEY,
  speaker_id text NOT NULL,
  article_id text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id, position);
INSERT INTO quotes (position, speaker_id, article_id, data)
  SELECT q.ordinality - 1, q.quote->>'speakerId', q.quote->>'articleId', q.quote
  FROM quote_index, jsonb_array_elements(quote_index.data->'quotes') WITH ORDINALITY AS q(quote, ordinality);
UPDATE quote_index SET data = data - 'quotes';
`,
  },
];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/** Taken while migrating, so two processes starting together do not both create the tables. */
const MIGRATION_LOCK = 7_263_540_001;

/** The highest version applied, 0 on an empty database. */
export async function schemaVersion(db: pg.ClientBase | pg.Pool): Promise<number> {
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!exists.rows[0]?.present) return 0;
  const result = await db.query<{ version: number | null }>("SELECT max(version) AS version FROM schema_migrations");
  return result.rows[0]?.version ?? 0;
}

/**
 * Applies the migrations the database lacks, in order, up to `upTo` (the latest by default);
 * running it again applies nothing. Returns the versions applied.
 */
export function migrate(pool: pg.Pool, upTo = SCHEMA_VERSION): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    const current = await schemaVersion(client);
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.version <= current || migration.version > upTo) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

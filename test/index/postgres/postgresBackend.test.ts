import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { postgresBackend } from "../../../src/engine/backend.js";
import { Engine } from "../../../src/engine/engine.js";
import { LiveEngine } from "../../../src/engine/liveEngine.js";
import { buildIndex, type BuildResult } from "../../../src/index/buildIndex.js";
import pgvector from "pgvector";
import { inTransaction, openPool } from "../../../src/index/postgres/connect.js";
import { DENSE_SQL } from "../../../src/index/postgres/search.js";
import { migrate, schemaVersion, SCHEMA_VERSION } from "../../../src/index/postgres/migrations.js";
import { PostgresTarget } from "../../../src/index/postgres/postgresTarget.js";
import { FolderArticleSource } from "../../../src/ingest/articleSource.js";
import { silentLogger, type Logger } from "../../../src/log.js";
import { PostgresIndexStore } from "../../../src/retrieve/postgresStore.js";
import type { Answer, Embedder } from "../../../src/types.js";
import { createEngineFixture, type EngineFixture } from "../../support/engineFixture.js";
import { createFakeEmbedder } from "../../support/fakeEmbedder.js";
import { startPgServer, type PgServer } from "../../../bench/support/pgServer.js";
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

let server: PgServer;
let pool: pg.Pool;
let files: EngineFixture;

beforeAll(async () => {
  server = await startPgServer();
  files = await createEngineFixture();
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
  await files?.cleanup();
});

beforeEach(async () => {
  await pool?.end();
  await server.reset();
  pool = openPool(server.url);
});

function indexInto(options: { embedder?: Embedder; rebuild?: boolean; log?: Logger; articlesDir?: string } = {}): Promise<BuildResult> {
  const embedder = options.embedder ?? createFakeEmbedder();
  return buildIndex({
    indexDir: "unused-by-postgres",
    target: new PostgresTarget(pool, server.url),
    source: new FolderArticleSource(options.articlesDir ?? files.articlesDir),
    encoderId: embedder.id,
    loadEmbedder: async () => embedder,
    rebuild: options.rebuild ?? false,
    log: options.log ?? silentLogger,
  });
}

async function tables(): Promise<string[]> {
  const result = await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  return result.rows.map((row) => row.name);
}

describe("Postgres migrations", () => {
  it("go up from an empty database, and a second run applies nothing", async () => {
    expect(await schemaVersion(pool)).toBe(0);
    expect(await migrate(pool)).toEqual([1, 2, 3]);
    expect(await schemaVersion(pool)).toBe(SCHEMA_VERSION);
    expect(await tables()).toEqual([
      "articles",
      "index_manifest",
      "keyword_fields",
      "keyword_postings",
      "keyword_term_fields",
      "keyword_terms",
      "passages",
      "quote_index",
      "quotes",
      "schema_migrations",
      "vocabulary",
    ]);
    expect(await migrate(pool)).toEqual([]);
    expect(await schemaVersion(pool)).toBe(SCHEMA_VERSION);
  });

  it("go up from each earlier version", async () => {
    for (let from = 1; from < SCHEMA_VERSION; from++) {
      await pool.end();
      await server.reset();
      pool = openPool(server.url);
      expect(await migrate(pool, from)).toEqual(Array.from({ length: from }, (_, i) => i + 1));
      expect(await schemaVersion(pool)).toBe(from);
      expect(await migrate(pool)).toEqual(Array.from({ length: SCHEMA_VERSION - from }, (_, i) => from + i + 1));
      expect(await schemaVersion(pool)).toBe(SCHEMA_VERSION);
    }
  });

  it("version 3 moves the quotes of an index built before it into rows, in their order, and answers as before", async () => {
    await indexInto();
    const speakers = files.engine.speakers().map((speaker) => speaker.id);
    const current = await PostgresIndexStore.open(pool);
    const expected = await current!.quotesOf(speakers);
    expect(expected).toEqual(await files.store.quotesOf(speakers));
    // The same build as version 2 wrote it: every quote inside quote_index.
    await pool.query("UPDATE quote_index SET data = jsonb_set(data, '{quotes}', (SELECT jsonb_agg(data ORDER BY position) FROM quotes))");
    await pool.query("DROP TABLE quotes");
    await pool.query("DELETE FROM schema_migrations WHERE version = 3");

    expect(await migrate(pool)).toEqual([3]);
    const migrated = await PostgresIndexStore.open(pool);
    expect(await migrated!.quotesOf(speakers)).toEqual(expected);
    expect((await pool.query("SELECT data FROM quote_index")).rows[0].data).not.toHaveProperty("quotes");
    const engine = new Engine(migrated!, createFakeEmbedder());
    expect((await engine.ask("What did Grushko say?")).answer).toBe((await files.engine.ask("What did Grushko say?")).answer);
  });
});

const QUESTIONS = [
  "What did Grushko say?",
  "What did Medvedev say about NATO peacekeepers in Ukraine?",
  "How many drones did Ukraine's air defence shoot down overnight?",
  "Who is Keir Starmer?",
  "What happened in Kursk?",
  "What is the price of bananas in Peru?",
];

describe("the postgres backend", () => {
  it("indexes the seed articles and answers with the files backend's answers and citations", async () => {
    const result = await indexInto();
    expect(result).toMatchObject({ status: "built", articles: files.engine.sources().length, reused: 0 });
    const store = await PostgresIndexStore.open(pool);
    expect(store).not.toBeNull();
    const engine = new Engine(store!, createFakeEmbedder());
    expect(engine.index.passages).toEqual(files.engine.index.passages);
    expect(engine.index.manifest.articles.map((record) => record.hash)).toEqual(files.engine.index.manifest.articles.map((record) => record.hash));
    for (const question of QUESTIONS) {
      const [fromPostgres, fromFiles] = [await engine.ask(question), await files.engine.ask(question)];
      // Cosine in pgvector sums in float32 in another order: scores agree to ~1e-6, not to the bit.
      const rounded = (answer: Answer) => ({ question, answer: answer.answer, citations: answer.citations.map((citation) => ({ ...citation, score: citation.score.toFixed(4) })) });
      expect(rounded(fromPostgres)).toEqual(rounded(fromFiles));
      const [denseKeywordPg, denseKeywordFiles] = [await engine.retrieve(question), await files.engine.retrieve(question)];
      expect(denseKeywordPg.map((hit) => hit.passage.id)).toEqual(denseKeywordFiles.map((hit) => hit.passage.id));
    }
  }, 60_000);

  it("holds no forward index: each question tokenises the passages it reads, and readers from before still find one", async () => {
    await indexInto();
    const store = await PostgresIndexStore.open(pool);
    expect(store!.contents.tokens).toBeNull();
    // (The answers are the files backend's, which reads its own forward index: the test above.)
    const stored = await pool.query<{ bytes: number }>("SELECT octet_length(forward_index) AS bytes FROM vocabulary");
    expect(stored.rows[0]!.bytes).toBeGreaterThan(0);
  });

  it("holds no quotes: a speaker's are read when asked for, and an article changed since the store opened gives none", async () => {
    await indexInto();
    const store = await PostgresIndexStore.open(pool);
    expect(store!.contents.quotes).not.toHaveProperty("quotes");
    const grushko = files.engine.speakers().find((speaker) => speaker.name.includes("Grushko"))!;
    const quotes = await store!.quotesOf([grushko.id]);
    expect(quotes).toEqual(await files.store.quotesOf([grushko.id]));
    expect(quotes.length).toBeGreaterThan(0);

    // An indexer changes the article of Grushko's first quote: this store's passages of it are the old ones.
    const changed = files.engine.sources().find((record) => record.id === quotes[0]!.articleId)!;
    const file = path.join(files.articlesDir, changed.file);
    const original = await readFile(file, "utf8");
    await writeFile(file, `${original}\n\nAn editor's note was added at the end.\n`);
    try {
      expect(await indexInto()).toMatchObject({ status: "built" });
      expect(await store!.quotesOf([grushko.id])).toEqual(quotes.filter((quote) => quote.articleId !== changed.id));
      const reopened = await PostgresIndexStore.open(pool);
      expect((await reopened!.quotesOf([grushko.id])).filter((quote) => quote.articleId === changed.id).length).toBeGreaterThan(0);
    } finally {
      await writeFile(file, original);
    }
  });

  it("runs dense search on the HNSW index (cosine) when the planner has a choice", async () => {
    await indexInto();
    const plan = await inTransaction(pool, async (client) => {
      // 71 passages are cheaper to scan than to search; at scale the planner picks the index on its own.
      await client.query("SET LOCAL enable_seqscan = off");
      const query = pgvector.toSql(Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : 0)));
      return (await client.query(`EXPLAIN ${DENSE_SQL}`, [query, 30])).rows.map((row: Record<string, string>) => Object.values(row).join(" ")).join("\n");
    });
    expect(plan).toMatch(/Index Scan using passages_embedding_hnsw/);
    const definition = await pool.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname = 'passages_embedding_hnsw'");
    expect(definition.rows[0]?.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
  });

  it("re-embeds nothing when nothing changed, and only a changed article's passages when one did", async () => {
    const embedder = createFakeEmbedder();
    const first = await indexInto({ embedder });
    const afterFirst = embedder.calls;
    expect(await indexInto({ embedder })).toMatchObject({ status: "up-to-date", embedded: 0 });
    expect(embedder.calls).toBe(afterFirst);

    const changed = files.engine.sources()[0]!;
    await appendFile(path.join(files.articlesDir, changed.file), "\n\nA late paragraph about Grushko and the harbour at Odesa was added by the editors.\n");
    try {
      const second = await indexInto({ embedder });
      expect(second.status).toBe("built");
      expect(second.embedded).toBeGreaterThan(0);
      expect(second.embedded).toBe(embedder.calls - afterFirst);
      expect(second.reused).toBe(first.passages - changed.passageCount);
      const store = await PostgresIndexStore.open(pool);
      expect(store!.contents.passages.some((passage) => passage.text.includes("harbour at Odesa"))).toBe(true);
    } finally {
      // The shared fixture's files stay as the files engine indexed them.
      const file = path.join(files.articlesDir, changed.file);
      await writeFile(file, (await readFile(file, "utf8")).replace("\n\nA late paragraph about Grushko and the harbour at Odesa was added by the editors.\n", ""));
    }
  }, 60_000);

  it("serialises two indexers started together: one writes after the other has committed", async () => {
    const events: string[] = [];
    const slow = (name: string): Embedder => {
      const inner = createFakeEmbedder();
      return {
        id: inner.id,
        dimensions: inner.dimensions,
        async embed(texts) {
          events.push(`${name} embeds`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return inner.embed(texts);
        },
      };
    };
    const [a, b] = await Promise.all([indexInto({ embedder: slow("a"), rebuild: true }), indexInto({ embedder: slow("b"), rebuild: true })]);
    expect([a.status, b.status]).toEqual(["built", "built"]);
    // No interleaving: all of one indexer's embedding happens before any of the other's.
    const firstOther = events.findIndex((event) => event !== events[0]);
    expect(events.slice(firstOther).every((event) => event !== events[0])).toBe(true);
    const count = await pool.query<{ n: string }>("SELECT count(*) AS n FROM passages");
    expect(Number(count.rows[0]!.n)).toBe(a.passages);
  }, 60_000);

  it("writes under a transaction-scoped advisory lock, and a failed write leaves the previous build", async () => {
    await indexInto();
    const before = await PostgresIndexStore.open(pool);
    const target = new PostgresTarget(pool, server.url);
    const failed = target.exclusive(
      async (writer) => {
        // The writer's own session: other connections wait for this transaction (PGlite runs one at a time).
        const session = (writer as unknown as { client: pg.PoolClient }).client;
        const locks = await session.query<{ locktype: string }>("SELECT locktype FROM pg_locks WHERE locktype = 'advisory'");
        expect(locks.rows.length).toBeGreaterThan(0);
        await session.query("DELETE FROM articles");
        throw new Error("the indexer died mid-write");
      },
      { waitMs: 1000, onWait: () => undefined },
    );
    await expect(failed).rejects.toThrow("died mid-write");
    const after = await PostgresIndexStore.open(pool);
    expect(after!.contents.passages).toEqual(before!.contents.passages);
    const locks = await pool.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
    expect(locks.rows).toEqual([]);
  });

  it("names the database when it goes away under a running engine, and answers again once it is back", async () => {
    await indexInto();
    const embedder = createFakeEmbedder();
    const engine = new Engine((await postgresBackend(server.url).openStore())!, embedder);
    const question = "What did Grushko say about NATO contingents?";
    const before = await engine.ask(question);
    expect(before.confidence).toBe("high");
    const resume = await server.interrupt();
    try {
      await expect(engine.ask(question)).rejects.toMatchObject({ code: "DATABASE_UNREACHABLE", message: expect.stringMatching(/Cannot use the database .*Check DATABASE_URL/) });
    } finally {
      await resume();
    }
    expect((await engine.ask(question)).answer).toBe(before.answer);
  });

  it("lets running engines answer from what an indexer commits, without a restart (a version check)", async () => {
    const articlesDir = await mkdtemp(path.join(os.tmpdir(), "news-pg-live-"));
    try {
      await writeFile(path.join(articlesDir, "bridge.txt"), "Bridge to reopen in May\n\nThe mayor of Testville, Anna Berg, said the old bridge will reopen in May after repairs.\n");
      await indexInto({ articlesDir });
      const embedder = createFakeEmbedder();
      const builds = postgresBackend(server.url);
      const bots = await Promise.all(
        [1, 2].map(async () => LiveEngine.follow(new Engine((await builds.openStore())!, embedder), { builds, log: silentLogger, makeEngine: (store) => new Engine(store, embedder) })),
      );
      const question = "What did Boris Kemp say about the harbour tax?";
      for (const bot of bots) expect((await bot.ask(question)).confidence).toBe("none");

      await writeFile(path.join(articlesDir, "harbour.txt"), "Harbour tax to double\n\nBoris Kemp, the port director, said the harbour tax will double next year.\n");
      expect(await indexInto({ articlesDir })).toMatchObject({ embedded: 1, reused: 1 });
      for (const bot of bots) {
        expect(await bot.check()).toBe(true);
        expect((await bot.ask(question)).answer).toMatch(/harbour tax will double/);
        expect(await bot.check()).toBe(false);
      }
    } finally {
      await rm(articlesDir, { recursive: true, force: true });
    }
  });
});

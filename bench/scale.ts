import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { postgresBackend } from "../src/engine/backend.js";
import { BUILD_FILES } from "../src/index/buildFiles.js";
import { buildIndex } from "../src/index/buildIndex.js";
import { currentBuild } from "../src/index/indexStore.js";
import { openPool } from "../src/index/postgres/connect.js";
import { describeDatabase } from "../src/index/postgres/describe.js";
import { isShardFile } from "../src/index/vectraShards.js";
import { FolderArticleSource } from "../src/ingest/articleSource.js";
import { silentLogger } from "../src/log.js";
import type { Embedder } from "../src/types.js";
import type { EncoderKind } from "./encoders.js";
import { createSentenceMeanEmbedder } from "./sentenceMeanEmbedder.js";
import { spreadOf, timed, type Spread } from "./stats.js";
import { GENERATOR_VERSION, generateSyntheticArticles } from "./support/syntheticCorpus.js";
import { runWorker } from "./workerClient.js";
import type { ServeMeasurement } from "./workerProtocol.js";

/** Bytes of one build, by what holds them. */
export interface DiskUsage {
  total: number;
  vectraJson: number;
  vectorCache: number;
  passages: number;
  keywords: number;
  /** The forward index (BUILD_FILES.tokens). */
  tokens: number;
  other: number;
}

export interface ServeFigures {
  loadMs: Spread;
  modelLoadMs: Spread;
  afterLoadMiB: Spread;
  afterQueriesMiB: Spread;
  peakMiB: Spread;
  askP50Ms: Spread;
  askP95Ms: Spread;
  retrieveP50Ms: Spread;
  recallAt5: number;
}

export interface ScaleFigures {
  target: number;
  passages: number;
  articles: number;
  buildMs: number;
  disk: DiskUsage;
  serve: ServeFigures;
  /** The indexer's up-to-date check on the unchanged synthetic corpus, in process (no start-up). */
  reindexMs: Spread;
  /** Sentences of synthetic passages found in the seed-sentence table (the rest are left out of the mean). */
  sentences: { matched: number; unmatched: number };
  /** `--backend postgres` only: the same corpus and vectors indexed into Postgres and answered from it. */
  postgres?: PostgresScaleFigures;
}

/** One scale in Postgres + pgvector. */
interface PostgresScaleFigures {
  /** The database, as messages name it, and whether it was the bench's in-process PGlite server. */
  database: string;
  pglite: boolean;
  /** A cold build into an emptied index, in the bench's process (the same encoder as the files build). */
  buildMs: number;
  /** `pg_database_size` after the build: tables, their indexes (HNSW included) and the catalogue. */
  databaseBytes: number;
  serve: ServeFigures;
}

/** Sums a build folder's files by kind. */
export async function diskUsage(folder: string): Promise<DiskUsage> {
  const usage: DiskUsage = { total: 0, vectraJson: 0, vectorCache: 0, passages: 0, keywords: 0, tokens: 0, other: 0 };
  for (const name of await readdir(folder)) {
    const { size } = await stat(path.join(folder, name));
    usage.total += size;
    if (isShardFile(name)) usage.vectraJson += size;
    // The prefix also counts the signature's temporary copy while it is being replaced.
    else if (name.startsWith(BUILD_FILES.vectorMatrix)) usage.vectorCache += size;
    else if (name === BUILD_FILES.passages) usage.passages += size;
    else if (name === BUILD_FILES.keywordsJson || name === BUILD_FILES.keywordsPostings) usage.keywords += size;
    else if (name === BUILD_FILES.tokens) usage.tokens += size;
    else usage.other += size;
  }
  return usage;
}

/** Aggregates repeated serve runs: each figure as median and spread over the runs. */
export function serveFigures(runs: readonly ServeMeasurement[]): ServeFigures {
  const of = (pick: (run: ServeMeasurement) => number) => spreadOf(runs.map(pick));
  return {
    loadMs: of((run) => run.loadMs),
    modelLoadMs: of((run) => run.modelLoadMs),
    afterLoadMiB: of((run) => run.afterLoadMiB),
    afterQueriesMiB: of((run) => run.afterQueriesMiB),
    peakMiB: of((run) => run.peakMiB),
    askP50Ms: of((run) => run.askP50),
    askP95Ms: of((run) => run.askP95),
    retrieveP50Ms: of((run) => run.retrieveP50),
    recallAt5: runs[0]?.recallAt5 ?? Number.NaN,
  };
}

export interface ScaleOptions {
  workDir: string;
  sentences: readonly string[];
  sentenceVectors: ReadonlyMap<string, Float32Array>;
  encoder: EncoderKind;
  base: Pick<Embedder, "id" | "dimensions">;
  questionsFile: string;
  repeats: number;
  passes: number;
  keep: boolean;
  /** Also index each corpus into this Postgres database and answer from it (`--backend postgres`); pglite: the bench's in-process server. */
  database?: { url: string; pglite: boolean };
  onProgress: (message: string) => void;
}

const README = `These files are SYNTHETIC benchmark text made by \`npm run bench\` (generator v${GENERATOR_VERSION}):
seed sentences recombined at random. They are not news and must never be committed as articles.
`;

/**
 * One scale run: generates about `target` passages, indexes them through the real pipeline
 * (vectors from the sentence-mean embedder), then loads and queries the index in fresh processes.
 */
export async function runScale(target: number, options: ScaleOptions): Promise<ScaleFigures> {
  const root = path.join(options.workDir, `scale-${target}`);
  const articlesDir = path.join(root, "synthetic-articles");
  const indexDir = path.join(root, "index");
  await rm(root, { recursive: true, force: true });
  await mkdir(articlesDir, { recursive: true });
  try {
    options.onProgress(`scale ${target}: generating synthetic articles`);
    const articles = generateSyntheticArticles(options.sentences, { paragraphs: target });
    await writeFile(path.join(articlesDir, "README-SYNTHETIC"), README);
    for (const article of articles) await writeFile(path.join(articlesDir, article.fileName), article.text);

    options.onProgress(`scale ${target}: indexing ${articles.length} synthetic articles`);
    const embedder = createSentenceMeanEmbedder(options.sentenceVectors, options.base);
    const built = await timed(() =>
      buildIndex({
        indexDir,
        source: new FolderArticleSource(articlesDir),
        encoderId: embedder.id,
        loadEmbedder: async () => embedder,
        rebuild: true,
        log: silentLogger,
      }),
    );
    const folder = await currentBuild(indexDir);
    if (folder === null) throw new Error(`scale ${target}: no build was written`);
    const disk = await diskUsage(folder);

    const runs: ServeMeasurement[] = [];
    for (let run = 0; run < options.repeats; run++) {
      options.onProgress(`scale ${target}: load and query, run ${run + 1} of ${options.repeats}`);
      runs.push(
        await runWorker({
          task: "serve",
          indexDir,
          encoder: options.encoder,
          questionsFile: options.questionsFile,
          warmupPasses: 1,
          passes: options.passes,
        }),
      );
    }
    // The CLI would plan the real encoder and re-embed everything, so the up-to-date check is
    // timed in process, with the synthetic encoder's id and an encoder that must not be loaded.
    options.onProgress(`scale ${target}: re-running the indexer on the unchanged corpus`);
    const reindexMs: number[] = [];
    for (let run = 0; run < options.repeats; run++) {
      const again = await timed(() =>
        buildIndex({
          indexDir,
          source: new FolderArticleSource(articlesDir),
          encoderId: embedder.id,
          loadEmbedder: () => Promise.reject(new Error("an unchanged corpus must not need the encoder")),
          rebuild: false,
          log: silentLogger,
        }),
      );
      if (again.value.status !== "up-to-date") throw new Error(`scale ${target}: re-indexing the unchanged corpus rebuilt it`);
      reindexMs.push(again.ms);
    }
    const postgres = options.database === undefined ? undefined : await postgresScale(target, articlesDir, options.database, options);
    return {
      ...(postgres && { postgres }),
      target,
      reindexMs: spreadOf(reindexMs),
      passages: built.value.passages,
      articles: articles.length,
      buildMs: built.ms,
      disk,
      serve: serveFigures(runs),
      sentences: { ...embedder.counts },
    };
  } finally {
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
}

/** The index tables' contents (schema kept) so that the next build is cold, when the database has them. */
async function emptyIndex(databaseUrl: string): Promise<void> {
  const pool = openPool(databaseUrl);
  try {
    const present = await pool.query<{ present: boolean }>("SELECT to_regclass('index_manifest') IS NOT NULL AS present");
    if (present.rows[0]?.present) await pool.query("TRUNCATE index_manifest, articles, passages, keyword_postings");
  } finally {
    await pool.end();
  }
}

async function databaseSize(databaseUrl: string): Promise<number> {
  const pool = openPool(databaseUrl);
  try {
    const result = await pool.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
    return Number(result.rows[0]?.bytes);
  } finally {
    await pool.end();
  }
}

/** The synthetic corpus of one scale indexed into Postgres (emptied first) with the same vectors as the files build, then answered from there in fresh processes. */
async function postgresScale(target: number, articlesDir: string, database: { url: string; pglite: boolean }, options: ScaleOptions): Promise<PostgresScaleFigures> {
  options.onProgress(`scale ${target} (postgres): indexing into ${database.pglite ? "PGlite in process" : describeDatabase(database.url)}`);
  await emptyIndex(database.url);
  const embedder = createSentenceMeanEmbedder(options.sentenceVectors, options.base);
  const built = await timed(() =>
    buildIndex({
      indexDir: path.join(options.workDir, "unused-by-postgres"),
      target: postgresBackend(database.url).target,
      source: new FolderArticleSource(articlesDir),
      encoderId: embedder.id,
      loadEmbedder: async () => embedder,
      rebuild: true,
      log: silentLogger,
    }),
  );
  const databaseBytes = await databaseSize(database.url);
  const runs: ServeMeasurement[] = [];
  for (let run = 0; run < options.repeats; run++) {
    options.onProgress(`scale ${target} (postgres): load and query, run ${run + 1} of ${options.repeats}`);
    runs.push(
      await runWorker({ task: "serve", indexDir: "", encoder: options.encoder, questionsFile: options.questionsFile, warmupPasses: 1, passes: options.passes, databaseUrl: database.url }),
    );
  }
  return { database: describeDatabase(database.url), pglite: database.pglite, buildMs: built.ms, databaseBytes, serve: serveFigures(runs) };
}

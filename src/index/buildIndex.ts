import type { ArticleSource } from "../ingest/articleSource.js";
import { chunkArticle, CHUNKER_VERSION } from "../ingest/chunk.js";
import { madeByThisVersion, vectorsReusable } from "./buildCurrency.js";
import type { Logger } from "../log.js";
import type { Article, Embedder, Passage } from "../types.js";
import { createProgress } from "../util/progress.js";
import { KeywordIndex } from "./keywordIndex.js";
import { buildQuoteIndex, QUOTES_VERSION } from "./quoteIndex.js";
import { INDEX_FORMAT_VERSION, type ArticleRecord, type Manifest } from "./manifest.js";
import { stampOf } from "./freshness.js";
import { FolderTarget } from "./folderTarget.js";
import type { IndexTarget, IndexWriter } from "./target.js";

const EMBED_BATCH = 16;
const LOCK_WAIT_MS = 10 * 60_000;
/** Vector size assumed for the space check before the encoder says. */
const ASSUMED_DIMENSIONS = 512;

export interface BuildOptions {
  /** The index folder: where the build goes unless `target` says otherwise. */
  indexDir: string;
  /** Where the build is written (a database); the folder `indexDir` when absent. */
  target?: IndexTarget | undefined;
  source: ArticleSource;
  /** The id of the encoder that will be used, known before it is loaded. */
  encoderId: string;
  /** Loads the encoder only when something must be embedded. */
  loadEmbedder: () => Promise<Embedder>;
  rebuild: boolean;
  log: Logger;
  /** Show a progress bar while embedding. */
  progress?: boolean;
  /** How long to wait for another indexer of the same index (default 10 minutes). */
  lockWaitMs?: number;
}

export interface BuildResult {
  status: "up-to-date" | "built";
  articles: number;
  passages: number;
  embedded: number;
  reused: number;
  removed: string[];
  warnings: number;
}

function recordOf(article: Article, passageCount: number): ArticleRecord {
  return {
    id: article.id,
    file: article.file,
    hash: article.hash,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    url: article.url,
    sections: article.sections.map(({ index, title, label }) => ({ index, title, label })),
    passageCount,
  };
}

function sameCorpus(manifest: Manifest, articles: ReadonlyArray<{ id: string; hash: string }>, encoderId: string): boolean {
  if (manifest.encoder.id !== encoderId || !madeByThisVersion(manifest)) return false;
  if (manifest.articles.length !== articles.length) return false;
  const hashes = new Map(manifest.articles.map((record) => [record.id, record.hash]));
  return articles.every((article) => hashes.get(article.id) === article.hash);
}

/**
 * Builds or updates the index: articles whose content hash is unchanged keep their vectors,
 * changed and new ones are embedded, removed ones drop out. The new build replaces the old
 * one atomically.
 */
export async function buildIndex(options: BuildOptions): Promise<BuildResult> {
  const target = options.target ?? new FolderTarget(options.indexDir);
  return target.exclusive((writer) => buildLocked(writer, options), {
    waitMs: options.lockWaitMs ?? LOCK_WAIT_MS,
    onWait: (holder) => options.log.info(`Waiting for another indexer${holder} to finish with ${target.where}…`),
  });
}

async function buildLocked(writer: IndexWriter, options: BuildOptions): Promise<BuildResult> {
  const { log } = options;
  const previousManifest = options.rebuild ? null : await writer.readManifest().catch(() => null);
  if (previousManifest) {
    // Hashing the files is enough to tell that nothing changed; parsing them is not needed.
    const unchanged = await options.source.fingerprints();
    if (sameCorpus(previousManifest, unchanged.articles, options.encoderId)) {
      for (const warning of unchanged.warnings) log.warn(`${warning.file} ${warning.problem}`);
      const passages = previousManifest.articles.reduce((sum, record) => sum + record.passageCount, 0);
      const count = unchanged.articles.length;
      return { status: "up-to-date", articles: count, passages, embedded: 0, reused: passages, removed: [], warnings: unchanged.warnings.length };
    }
  }
  const readSince = Date.now();
  const { articles, warnings, folder } = await options.source.load();
  for (const warning of warnings) log.warn(`${warning.file} ${warning.problem}`);

  // Reuse vectors only from a build made by the same encoder and chunker.
  const previous = previousManifest && vectorsReusable(previousManifest, options.encoderId) ? previousManifest : null;
  const previousHashes = new Map(previous?.articles.map((record) => [record.id, record.hash]) ?? []);
  const unchangedIds = articles.filter((article) => previousHashes.get(article.id) === article.hash).map((article) => article.id);
  const previousVectors =
    previous === null
      ? null
      : await writer.vectorsOf(previous, unchangedIds).catch((error: unknown) => {
          log.warn(`the existing index cannot be reused (${(error as Error).message}); embedding everything`);
          return null;
        });

  const byId = new Map(articles.map((article) => [article.id, article]));
  const titleOf = (passage: Passage) => {
    const article = byId.get(passage.articleId);
    return article?.sections[passage.section]?.title ?? article?.title ?? "";
  };
  // The headline goes in front of the passage so a paragraph that never names its subject
  // ("the area under Ukrainian control") is still found by it ("Kursk").
  const embeddingInput = (passage: Passage) => `${titleOf(passage)}\n\n${passage.text}`;
  const passages: Passage[] = [];
  const vectors: (Float32Array | null)[] = [];
  const toEmbed: number[] = [];
  const records: ArticleRecord[] = [];
  let reused = 0;
  for (const article of articles) {
    const articlePassages = chunkArticle(article);
    const unchanged = previousVectors !== null && previousHashes.get(article.id) === article.hash;
    for (const passage of articlePassages) {
      const vector = unchanged ? previousVectors.get(passage.id) : undefined;
      passages.push(passage);
      if (vector !== undefined) {
        vectors.push(vector);
        reused++;
      } else {
        vectors.push(null);
        toEmbed.push(passages.length - 1);
      }
    }
    const record = recordOf(article, articlePassages.length);
    const stamp = await stampOf(folder, record, readSince);
    records.push(stamp === undefined ? record : { ...record, stamp });
  }
  const currentIds = new Set(articles.map((article) => article.id));
  const reusedFrom = previousVectors === null ? null : previous;
  const removed = reusedFrom?.articles.map((record) => record.id).filter((id) => !currentIds.has(id)) ?? [];

  let dimensions = reusedFrom?.encoder.dimensions ?? 0;
  // Found now rather than after minutes of embedding: a place that cannot take the build.
  await writer.checkRoomFor(passages, dimensions || ASSUMED_DIMENSIONS);
  if (toEmbed.length > 0) {
    const embedder = await options.loadEmbedder();
    if (embedder.id !== options.encoderId) {
      throw new Error(`Planned encoder ${options.encoderId} but loaded ${embedder.id}`);
    }
    dimensions = embedder.dimensions;
    const progress = options.progress ? createProgress("Embedding passages", toEmbed.length) : null;
    for (let i = 0; i < toEmbed.length; i += EMBED_BATCH) {
      const batch = toEmbed.slice(i, i + EMBED_BATCH);
      const embedded = await embedder.embed(batch.map((row) => embeddingInput(passages[row] as Passage)));
      batch.forEach((row, j) => (vectors[row] = embedded[j] ?? null));
      progress?.update(Math.min(i + EMBED_BATCH, toEmbed.length));
    }
    progress?.finish();
  }

  const { data: keywords } = KeywordIndex.build(passages, titleOf);
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    encoder: { id: options.encoderId, dimensions },
    chunkerVersion: CHUNKER_VERSION,
    quotesVersion: QUOTES_VERSION,
    builtAt: new Date().toISOString(),
    articlesDir: folder,
    articles: records,
  };
  await writer.write({
    manifest,
    quotes: buildQuoteIndex(articles),
    passages,
    vectors: vectors.map((vector) => vector ?? new Float32Array(dimensions)),
    keywords,
  });
  return {
    status: "built",
    articles: articles.length,
    passages: passages.length,
    embedded: toEmbed.length,
    reused,
    removed,
    warnings: warnings.length,
  };
}

import type { EngineConfig } from "../config.js";
import { UserError } from "../errors.js";
import { loadEmbedder, planEncoder } from "../embed/chooseEmbedder.js";
import { FolderArticleSource, type ArticleSource } from "../ingest/articleSource.js";
import { describeStale, staleArticles } from "../index/freshness.js";
import type { Manifest } from "../index/manifest.js";
import { madeByThisVersion } from "../index/buildCurrency.js";
import { buildIndex, type BuildResult } from "../index/buildIndex.js";
import type { Logger } from "../log.js";
import type { Embedder } from "../types.js";
import { indexBackend, indexLocation } from "./backend.js";
import { Engine, type EngineOptions } from "./engine.js";
import { LiveEngine } from "./liveEngine.js";

/** Runs `npm run index` work: builds or updates the index for the configured articles. */
export async function runIndexer(
  config: EngineConfig,
  log: Logger,
  options: { rebuild: boolean; progress: boolean; embedder?: Embedder | null },
): Promise<{ result: BuildResult; embedder: Embedder | null }> {
  // Indexing picks the best encoder available now (and re-embeds if that changed the
  // encoder); only queries must follow the encoder an existing index was built with.
  const plan = await planEncoder(config);
  // An encoder already loaded (by the run before, in watch mode) is used again when it is the one planned.
  let embedder: Embedder | null = options.embedder?.id === plan.id ? options.embedder : null;
  const result = await buildIndex({
    indexDir: config.INDEX_DIR,
    target: indexBackend(config).target,
    source: new FolderArticleSource(config.ARTICLES_DIR, { maxArticleMB: config.MAX_ARTICLE_MB }),
    encoderId: plan.id,
    loadEmbedder: async () => (embedder ??= await loadEmbedder(plan, config, log)),
    rebuild: options.rebuild,
    log,
    progress: options.progress,
  });
  return { result, embedder };
}

/** Describes a build result in one line for people. */
export function describeBuild(result: BuildResult, config: EngineConfig): string {
  const where = indexLocation(config);
  if (result.status === "up-to-date") {
    return `Index is up to date: ${result.articles} articles, ${result.passages} passages in ${where}.`;
  }
  const removed = result.removed.length > 0 ? `, removed ${result.removed.join(", ")}` : "";
  return (
    `Indexed ${result.articles} articles into ${result.passages} passages ` +
    `(${result.embedded} embedded, ${result.reused} reused${removed}) in ${where}.`
  );
}

/**
 * Opens the engine the way every front end does: builds the index when none exists, then
 * loads the encoder that built it.
 */
export async function openEngine(config: EngineConfig, log: Logger, options: { progress?: boolean } = {}): Promise<Engine> {
  const { engine } = await openEngineParts(config, log, options);
  return engine;
}

/**
 * An engine that follows the index while it runs (the bot): what `npm run index` publishes is
 * answered from without a restart (see LiveEngine). Call `start()` to begin looking.
 */
export async function openLiveEngine(config: EngineConfig, log: Logger, options: { progress?: boolean; pollMs?: number } = {}): Promise<{ live: LiveEngine; embedder: Embedder }> {
  const { engine, embedder } = await openEngineParts(config, log, options);
  const source = new FolderArticleSource(config.ARTICLES_DIR);
  const live = await LiveEngine.follow(engine, {
    builds: indexBackend(config),
    log,
    makeEngine: (store) => new Engine(store, embedder, engineOptions(config, store.contents.manifest, source, log)),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  return { live, embedder };
}

async function openEngineParts(config: EngineConfig, log: Logger, options: { progress?: boolean }): Promise<{ engine: Engine; embedder: Embedder }> {
  let embedder: Embedder | null = null;
  const backend = indexBackend(config);
  const manifest = await backend.readManifest();
  const outdated = manifest !== null && !madeByThisVersion(manifest);
  const source = new FolderArticleSource(config.ARTICLES_DIR);
  // A shared database is written by its indexer only: a reader whose folder lacks an article must not drop it for everyone.
  if (isShared(config) && outdated) {
    throw new UserError(
      "INDEX_OUTDATED",
      `The index in ${backend.where} was made by an older version of this program. Rebuild it where the articles are indexed: npm run index`,
    );
  }
  // Edited or deleted articles would be cited at offsets that no longer match their files.
  const stale = manifest === null || outdated || isShared(config) ? null : describeStale(await staleArticles(manifest, config.ARTICLES_DIR, source));
  if (manifest === null || outdated || stale) {
    log.info(
      outdated
        ? `The index in ${backend.where} was made by an older version; rebuilding it.`
        : stale
          ? `Articles changed since the index was built (${stale}); updating the index.`
          : `No index in ${backend.where} yet; building it from ${config.ARTICLES_DIR}/.`,
    );
    const built = await runIndexer(config, log, { rebuild: false, progress: options.progress ?? false });
    log.info(describeBuild(built.result, config));
    embedder = built.embedder;
  }
  const store = await backend.openStore();
  if (store === null) throw new Error(`The index in ${backend.where} disappeared while opening it.`);
  const { manifest: current } = store.contents;
  if (embedder === null || embedder.id !== current.encoder.id) {
    const plan = await planEncoder(config, current.encoder.id);
    embedder = await loadEmbedder(plan, config, log);
  }
  return { engine: new Engine(store, embedder, engineOptions(config, current, source, log)), embedder };
}

/**
 * Whether the index lives in a database that other processes share (INDEX_BACKEND=postgres):
 * then its indexer alone writes it, and readers answer from the passages it holds, whatever
 * their own article folder holds (or lacks).
 */
const isShared = (config: EngineConfig) => config.INDEX_BACKEND === "postgres";

/** A reader of the files backend withholds articles whose files changed since indexing; a reader of a shared database cites its stored passages. */
function engineOptions(config: EngineConfig, manifest: Manifest, source: ArticleSource, log: Logger): EngineOptions {
  return isShared(config) ? {} : { withheldArticles: withholdStale(manifest, config.ARTICLES_DIR, source, log) };
}

/** How often a running engine looks at the article files again, at most. */
const FRESHNESS_INTERVAL_MS = 2000;

/**
 * Asked before each question by a running engine (the bot, a long `ask --jsonl`): the articles
 * changed or deleted since its index was built, looked up at most every couple of seconds, and
 * said once in the log each time the set changes.
 */
function withholdStale(manifest: Manifest, folder: string, source: ArticleSource, log: Logger): () => Promise<ReadonlySet<string>> {
  let checkedAt = 0;
  let withheld: ReadonlySet<string> = new Set();
  let said = "";
  return async () => {
    if (Date.now() - checkedAt < FRESHNESS_INTERVAL_MS) return withheld;
    checkedAt = Date.now();
    const stale = await staleArticles(manifest, folder, source);
    withheld = new Set([...stale.changed, ...stale.removed]);
    const description = describeStale(stale);
    if (description !== said) {
      if (description) log.warn(`Articles changed since the index was built (${description}): not citing them until the index is updated with: npm run index`);
      else log.info("The changed articles match the index again; citing them.");
      said = description;
    }
    return withheld;
  };
}

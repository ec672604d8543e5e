import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Engine } from "../../src/engine/engine.js";
import { filesBackend, postgresBackend } from "../../src/engine/backend.js";
import { buildIndex } from "../../src/index/buildIndex.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { silentLogger } from "../../src/log.js";
import type { Embedder } from "../../src/types.js";
import type { IndexStore } from "../../src/retrieve/store.js";
import { createFakeEmbedder } from "./fakeEmbedder.js";

export const SEEDS_DIR = path.resolve(import.meta.dirname, "../../seeds");

export interface EngineFixture {
  engine: Engine;
  /** The store the engine answers from. */
  store: IndexStore;
  root: string;
  articlesDir: string;
  indexDir: string;
  cleanup(): Promise<void>;
}

/**
 * Copies the seed articles to a temp folder, indexes them with the given embedder (a fast
 * deterministic fake by default) and opens an Engine over the result: a build folder, or the
 * Postgres database at `databaseUrl` (see bench/support/pgServer.ts) when one is given.
 */
export async function createEngineFixture(
  embedder: Embedder = createFakeEmbedder(),
  prepare?: (articlesDir: string) => Promise<void>,
  options: { databaseUrl?: string } = {},
): Promise<EngineFixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), "news-engine-"));
  const articlesDir = path.join(root, "articles");
  const indexDir = path.join(root, "index");
  await cp(SEEDS_DIR, articlesDir, { recursive: true });
  await prepare?.(articlesDir);
  const backend = options.databaseUrl === undefined ? filesBackend(indexDir) : postgresBackend(options.databaseUrl);
  await buildIndex({
    indexDir,
    target: backend.target,
    source: new FolderArticleSource(articlesDir),
    encoderId: embedder.id,
    loadEmbedder: async () => embedder,
    rebuild: false,
    log: silentLogger,
  });
  const store = await backend.openStore();
  if (!store) throw new Error("fixture index was not written");
  return {
    engine: new Engine(store, embedder),
    store,
    root,
    articlesDir,
    indexDir,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

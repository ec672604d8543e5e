import path from "node:path";
import type { EngineConfig } from "../config.js";
import { currentBuild, loadIndex, readManifest } from "../index/indexStore.js";
import type { Manifest } from "../index/manifest.js";
import { describeDatabase } from "../index/postgres/describe.js";
import type { IndexTarget } from "../index/target.js";
import { FileIndexStore } from "../retrieve/fileStore.js";
import type { IndexStore } from "../retrieve/store.js";

/**
 * Where the index lives, chosen once from INDEX_BACKEND: the one place that knows both
 * backends. `files` is a build folder in INDEX_DIR; `postgres` the database at DATABASE_URL.
 */
export interface IndexBackend {
  /** The index's place, for messages. */
  readonly where: string;
  /** Where `npm run index` writes; undefined for the folder buildIndex writes by default. */
  readonly target: IndexTarget | undefined;
  readManifest(): Promise<Manifest | null>;
  /** The current build, ready to answer from, or null when there is none. */
  openStore(): Promise<IndexStore | null>;
  /** A name for the current build that changes whenever a new one is published (null: none, or unreadable); cheap, for polling. */
  currentBuild(): Promise<string | null>;
}

/** Where the configured index lives, for messages, without connecting to anything. */
export function indexLocation(config: EngineConfig): string {
  return config.INDEX_BACKEND === "files" ? path.resolve(config.INDEX_DIR) : describeDatabase(config.DATABASE_URL as string);
}

/** One backend per configuration, so that opening, indexing, watching and following share one connection pool. */
const backends = new WeakMap<EngineConfig, IndexBackend>();

export function indexBackend(config: EngineConfig): IndexBackend {
  let backend = backends.get(config);
  if (backend === undefined) {
    // The config schema makes DATABASE_URL present whenever INDEX_BACKEND is postgres.
    backend = config.INDEX_BACKEND === "files" ? filesBackend(config.INDEX_DIR) : postgresBackend(config.DATABASE_URL as string);
    backends.set(config, backend);
  }
  return backend;
}

/** Build folders in `indexDir`, the current one named by its CURRENT pointer. */
export function filesBackend(indexDir: string): IndexBackend {
  return {
    where: path.resolve(indexDir),
    target: undefined,
    readManifest: () => readManifest(indexDir),
    openStore: async () => {
      const index = await loadIndex(indexDir);
      return index === null ? null : new FileIndexStore(index);
    },
    currentBuild: async () => {
      const folder = await currentBuild(indexDir).catch(() => null);
      return folder === null ? null : path.basename(folder);
    },
  };
}

/**
 * The database at `url`. The Postgres client and its modules load on first use, so a files
 * backend never pays for them (see postgresBackend.ts).
 */
export function postgresBackend(url: string): IndexBackend {
  let opened: Promise<IndexBackend> | undefined;
  const backend = () => (opened ??= import("./postgresBackend.js").then((module) => module.openPostgresBackend(url)));
  const where = describeDatabase(url);
  return {
    where,
    target: {
      where,
      exclusive: async (work, options) => {
        const { target } = await backend();
        if (target === undefined) throw new Error("The Postgres backend has no index target.");
        return target.exclusive(work, options);
      },
    },
    readManifest: async () => (await backend()).readManifest(),
    openStore: async () => (await backend()).openStore(),
    currentBuild: async () => (await backend()).currentBuild(),
  };
}

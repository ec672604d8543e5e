import path from "node:path";
import type { EngineConfig } from "../config.js";
import { loadIndex, readManifest } from "../index/indexStore.js";
import type { Manifest } from "../index/manifest.js";
import { databaseProblem, describeDatabase, openPool } from "../index/postgres/connect.js";
import { PostgresTarget } from "../index/postgres/postgresTarget.js";
import { readPostgresManifest } from "../index/postgres/readIndex.js";
import type { IndexTarget } from "../index/target.js";
import { FileIndexStore } from "../retrieve/fileStore.js";
import { PostgresIndexStore } from "../retrieve/postgresStore.js";
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
}

export function indexBackend(config: EngineConfig): IndexBackend {
  if (config.INDEX_BACKEND === "files") {
    return {
      where: path.resolve(config.INDEX_DIR),
      target: undefined,
      readManifest: () => readManifest(config.INDEX_DIR),
      openStore: async () => {
        const index = await loadIndex(config.INDEX_DIR);
        return index === null ? null : new FileIndexStore(index);
      },
    };
  }
  // The config schema makes DATABASE_URL present whenever INDEX_BACKEND is postgres.
  const url = config.DATABASE_URL as string;
  const pool = openPool(url);
  const explained = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      throw databaseProblem(url, error);
    });
  return {
    where: describeDatabase(url),
    target: new PostgresTarget(pool, url),
    readManifest: () => explained(readPostgresManifest(pool)),
    openStore: () => explained(PostgresIndexStore.open(pool)),
  };
}

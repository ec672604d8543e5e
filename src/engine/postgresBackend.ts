import { databaseProblem, openPool } from "../index/postgres/connect.js";
import { describeDatabase } from "../index/postgres/describe.js";
import { PostgresTarget } from "../index/postgres/postgresTarget.js";
import { readBuiltAt, readPostgresManifest } from "../index/postgres/readIndex.js";
import { PostgresIndexStore } from "../retrieve/postgresStore.js";
import type { IndexBackend } from "./backend.js";

/** The database at `url`, the current build named by when it was built (each commit of an indexer writes a new time). */
export function openPostgresBackend(url: string): IndexBackend {
  const pool = openPool(url);
  const explained = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      throw databaseProblem(url, error);
    });
  return {
    where: describeDatabase(url),
    target: new PostgresTarget(pool, url),
    readManifest: () => explained(readPostgresManifest(pool)),
    // A query that fails once the store is open (the server went down) is reported the same way.
    openStore: () => explained(PostgresIndexStore.open(pool, (error) => databaseProblem(url, error))),
    currentBuild: () => readBuiltAt(pool).catch(() => null),
  };
}

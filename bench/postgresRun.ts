import type { EncoderKind } from "./encoders.js";
import type { ServeFigures } from "./scale.js";
import { seedServe } from "./seedScale.js";
import { startPgServer } from "./support/pgServer.js";
import { runWorker } from "./workerClient.js";
import { describeDatabase } from "../src/index/postgres/describe.js";

/** `--backend postgres`: the seed index in Postgres + pgvector, answered warm as the files backend is. */
export interface PostgresFigures {
  /** The database, as messages name it, and whether it was the in-process PGlite server. */
  database: string;
  pglite: boolean;
  passages: number;
  serve: ServeFigures;
}

/**
 * Indexes the seeds into DATABASE_URL's database (its index is replaced) or, when it is unset,
 * into an in-process PGlite + pgvector server on 127.0.0.1 stopped at the end, with the
 * encoder the files run used; then times warm answers there in fresh processes, as seedServe
 * does for the build folder.
 */
export async function postgresSeedServe(options: {
  articlesDir: string;
  indexDir: string;
  encoder: EncoderKind;
  questionsFile: string;
  repeats: number;
  passes: number;
  onProgress: (message: string) => void;
}): Promise<PostgresFigures> {
  return withBenchDatabase(async ({ url: databaseUrl, pglite }) => {
    options.onProgress(`seeds (postgres): indexing into ${describeDatabase(databaseUrl)}${pglite ? " (PGlite in process)" : ""}`);
    const built = await runWorker({ task: "build", articlesDir: options.articlesDir, indexDir: options.indexDir, encoder: options.encoder, databaseUrl });
    const serve = await seedServe(options.indexDir, options.encoder, { ...options, databaseUrl });
    return { database: describeDatabase(databaseUrl), pglite, passages: built.passages, serve };
  });
}

/** The database the bench indexes into: DATABASE_URL's when set (its index is replaced), else an in-process PGlite + pgvector server on 127.0.0.1, stopped after `work`. */
export async function withBenchDatabase<T>(work: (database: { url: string; pglite: boolean }) => Promise<T>): Promise<T> {
  const given = process.env.DATABASE_URL;
  const server = given ? null : await startPgServer();
  try {
    return await work({ url: given || (server?.url as string), pglite: server !== null });
  } finally {
    await server?.stop();
  }
}

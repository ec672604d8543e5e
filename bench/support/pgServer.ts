import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

/** A real Postgres engine with pgvector (PGlite, in process), served on 127.0.0.1 over the wire protocol: the tests' database and `npm run bench -- --backend postgres`'s when DATABASE_URL is unset. */
export interface PgServer {
  /** A DATABASE_URL for it: clients connect over TCP as to any server. */
  url: string;
  /** Empties the database (every table, the extension too) for the next test. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts one in a few seconds. PGlite is a single Postgres session: the socket server
 * multiplexes connections onto it and runs one connection's transaction at a time, so
 * concurrent writers are serialised there as well as by the advisory lock.
 */
export async function startPgServer(): Promise<PgServer> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    async reset() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP EXTENSION IF EXISTS vector CASCADE");
      } finally {
        await client.end();
      }
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

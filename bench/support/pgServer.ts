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
  /**
   * Stops serving, as a server that went down does (open connections are closed, new ones
   * refused), keeping the data; the function it returns serves it again at the same address.
   */
  interrupt(): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

/** Connections served at once: two bots' pools (4 each, connect.ts) and an indexer's, with room to spare. */
const MAX_CONNECTIONS = 32;

/**
 * Starts one in a few seconds. PGlite is a single Postgres session: the socket server
 * multiplexes connections onto it and runs one connection's transaction at a time, so
 * concurrent writers are serialised there as well as by the advisory lock, and a reader waits
 * while another connection's transaction is open (a real server lets it read the last commit).
 */
export async function startPgServer(): Promise<PgServer> {
  const db = await PGlite.create({ extensions: { vector } });
  const serve = async (port: number) => {
    const socketServer = new PGLiteSocketServer({ db: oneQueryAtATime(db), host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
    await socketServer.start();
    return socketServer;
  };
  let server = await serve(0);
  const address = server.getServerConn();
  const url = `postgres://postgres@${address}/postgres`;
  return {
    url,
    async interrupt() {
      await server.stop();
      return async () => {
        server = await serve(Number(address.split(":").at(-1)));
      };
    },
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

/** Messages of the extended query protocol after which the same connection's Sync must come before anyone else's message. */
const OPENS_SEQUENCE = new Set(["P", "B", "D", "E", "C", "H"].map((letter) => letter.charCodeAt(0)));

/**
 * `db` as the socket server should see it. pglite-socket (0.2.x) queues each protocol message
 * on its own and keeps to one connection only while a transaction is open, so two connections'
 * parameterised queries (Parse, Bind, Describe, Execute, Sync each) can interleave on the one
 * session and bind each other's unnamed statement ("bind message supplies 2 parameters, but
 * prepared statement "" requires 6"): two bots answering at once fail. On a real server each
 * connection has its own session. Reporting a sequence that has not reached its Sync as a
 * transaction makes the queue keep to that connection until it has, as it does for a
 * transaction.
 */
function oneQueryAtATime(db: PGlite): PGlite {
  let inSequence = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => inSequence || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return (message: Uint8Array, ...rest: unknown[]) => {
          inSequence = OPENS_SEQUENCE.has(message[0] ?? 0);
          return (target.execProtocolRawStream as (...args: unknown[]) => unknown)(message, ...rest);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

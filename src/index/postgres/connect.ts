import pg from "pg";
import { UserError } from "../../errors.js";
import { describeDatabase } from "./describe.js";

/**
 * A pool of connections to DATABASE_URL. Idle connections do not keep the process alive, so a
 * command ends when its work does.
 */
export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, allowExitOnIdle: true, max: 4 });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool and the
  // next query opens another; unhandled, the event would end the process.
  pool.on("error", () => undefined);
  return pool;
}

const DISK_FULL = "53100";
const TOO_MANY_CONNECTIONS = "53300";

/**
 * Network and authentication failures (a refused or dropped connection, a server shutting down, a wrong password or
 * database), a full disk and a server with no connection left become a UserError naming the database and the fix;
 * others pass through.
 */
export function databaseProblem(url: string, error: unknown): unknown {
  if (error instanceof UserError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // The server's own resources: a full disk (53100) or no connection slot left (53300).
  if (code === DISK_FULL) {
    return new UserError(
      "DATABASE_FULL",
      `The database ${describeDatabase(url)} is out of disk space (${(error as Error).message}). Free space on the database server, or give it a larger volume, and run npm run index again; until then the previous index keeps answering.`,
      { cause: error },
    );
  }
  if (code === TOO_MANY_CONNECTIONS) {
    return new UserError(
      "DATABASE_BUSY",
      `The database ${describeDatabase(url)} has no connection left (${(error as Error).message}). Close other clients or raise the server's max_connections, and try again.`,
      { cause: error },
    );
  }
  // A connection the server dropped mid-query ("Connection terminated unexpectedly") carries no code.
  const dropped = error instanceof Error && code === undefined && /^Connection terminated/.test(error.message);
  const network = dropped || (typeof code === "string" && (/^E[A-Z]+$/.test(code) || code === "28P01" || code === "28000" || code === "3D000" || code === "57P01"));
  if (!network) return error;
  return new UserError(
    "DATABASE_UNREACHABLE",
    `Cannot use the database ${describeDatabase(url)} (${(error as Error).message}). Check DATABASE_URL and that the server is running and reachable.`,
    { cause: error },
  );
}

/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

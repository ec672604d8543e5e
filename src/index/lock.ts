import { randomUUID } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { UserError } from "../errors.js";
import { writeProblem } from "./writeProblems.js";

/**
 * One writer per index folder. `LOCK` names the process that holds it (pid and host); a lock
 * whose process is gone (killed, crashed) is stale and is cleared by the next indexer. Readers
 * never lock: a build is published by an atomic rename, so they always see a whole one.
 */
const LOCK = "LOCK";
/** Held briefly while one process clears a stale lock, so two never clear it together. */
const BREAKER = "LOCK.break";
/** A lock file still empty after this long was left by a process killed while creating it. */
const HALF_WRITTEN_MS = 10_000;
const POLL_MS = 200;

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface LockOptions {
  /** How long to wait for another indexer before giving up; 0 gives up at once. */
  waitMs: number;
  /** Told once when another indexer holds the lock and this one waits for it. */
  onWait?: (owner: LockOwner | null) => void;
}

/** A held lock. `release` is safe to call more than once. */
export interface IndexLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(file, "utf8")) as Partial<LockOwner>;
    if (typeof owner.pid !== "number" || typeof owner.host !== "string" || typeof owner.token !== "string") return null;
    return { pid: owner.pid, host: owner.host, startedAt: String(owner.startedAt ?? ""), token: owner.token };
  } catch {
    return null;
  }
}

/** Creates `file` only when it does not exist, holding `text`; false when it exists. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

/** Whether the lock file is left by a process that is gone: this host's pid is not running, or it was never written. */
async function isStale(file: string, owner: LockOwner | null): Promise<boolean> {
  if (owner === null) {
    const info = await stat(file).catch(() => null);
    return info !== null && Date.now() - info.mtimeMs > HALF_WRITTEN_MS;
  }
  return owner.host === os.hostname() && !isAlive(owner.pid);
}

/** Removes a stale lock, unless someone else is doing so or it changed since it was read. */
async function clearStale(indexDir: string, seen: LockOwner | null): Promise<void> {
  const breaker = path.join(indexDir, BREAKER);
  if (!(await createExclusive(breaker, String(process.pid)))) {
    // Another process is clearing it; a breaker whose process died is itself cleared.
    const holder = Number(await readFile(breaker, "utf8").catch(() => ""));
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) await rm(breaker, { force: true });
    return;
  }
  try {
    const file = path.join(indexDir, LOCK);
    const now = await readOwner(file);
    if (now?.token === seen?.token && (await isStale(file, now))) await rm(file, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

function describeOwner(owner: LockOwner | null): string {
  return owner === null ? "a process that has not said who it is" : `process ${owner.pid} on ${owner.host}, since ${owner.startedAt}`;
}

/**
 * Takes the index folder's lock, waiting up to `waitMs` for another indexer to finish. Throws a
 * UserError naming the holder when it does not, or when the folder cannot be written.
 */
export async function acquireIndexLock(indexDir: string, options: LockOptions): Promise<IndexLock> {
  try {
    await mkdir(indexDir, { recursive: true });
  } catch (error) {
    throw writeProblem(indexDir, error);
  }
  const file = path.join(indexDir, LOCK);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token: randomUUID() };
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    let created: boolean;
    try {
      created = await createExclusive(file, JSON.stringify(owner));
    } catch (error) {
      throw writeProblem(indexDir, error);
    }
    if (created) return heldLock(file, owner);
    const holder = await readOwner(file);
    if (await isStale(file, holder)) {
      await clearStale(indexDir, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        "INDEX_LOCKED",
        `Another indexer is writing ${path.resolve(indexDir)} (${describeOwner(holder)}). ` +
          `Wait for it to finish and run again; if no indexer is running there, delete ${file}.`,
      );
    }
    if (!told) {
      options.onWait?.(holder);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function heldLock(file: string, owner: LockOwner): IndexLock {
  let held = true;
  // A process that exits without releasing (an uncaught error, process.exit) still lets go;
  // only a kill leaves the file, and the next indexer finds its process gone.
  const onExit = () => {
    if (!held) return;
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as LockOwner).token === owner.token) unlinkSync(file);
    } catch {
      // gone already, or not ours
    }
  };
  process.once("exit", onExit);
  return {
    owner,
    async release() {
      if (!held) return;
      held = false;
      process.removeListener("exit", onExit);
      // Only our own lock: never one a later indexer took after ours was cleared.
      if ((await readOwner(file))?.token === owner.token) await rm(file, { force: true });
    },
  };
}

/** The lock file of an index folder, for messages and tests. */
export function lockFile(indexDir: string): string {
  return path.join(indexDir, LOCK);
}

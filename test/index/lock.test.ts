import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserError } from "../../src/errors.js";
import { acquireIndexLock, lockFile, type LockOwner } from "../../src/index/lock.js";
import { writeProblem } from "../../src/index/writeProblems.js";

let indexDir: string;
beforeEach(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), "lock-test-"));
});
afterEach(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString());
}

describe("the index lock", () => {
  it("lets one writer in and tells the next who holds it", async () => {
    const lock = await acquireIndexLock(indexDir, { waitMs: 0 });
    const error = await acquireIndexLock(indexDir, { waitMs: 0 }).catch((caught: unknown) => caught);
    expect((error as UserError).code).toBe("INDEX_LOCKED");
    expect((error as UserError).message).toContain(`process ${process.pid} on ${os.hostname()}`);
    expect((error as UserError).message).toContain(`delete ${lockFile(indexDir)}`);
    await lock.release();
    const next = await acquireIndexLock(indexDir, { waitMs: 0 });
    await next.release();
    expect(await readdir(indexDir)).toEqual([]);
  });

  it("waits for the holder to finish, saying so once", async () => {
    const lock = await acquireIndexLock(indexDir, { waitMs: 0 });
    const waits: Array<LockOwner | null> = [];
    setTimeout(() => void lock.release(), 500);
    const next = await acquireIndexLock(indexDir, { waitMs: 5000, onWait: (owner) => waits.push(owner) });
    expect(waits.map((owner) => owner?.pid)).toEqual([process.pid]);
    await next.release();
  });

  it("clears a lock left by a process that is gone, or one never written", async () => {
    const owner: LockOwner = { pid: deadPid(), host: os.hostname(), startedAt: "2026-01-01T00:00:00Z", token: "old" };
    await writeFile(lockFile(indexDir), JSON.stringify(owner));
    const lock = await acquireIndexLock(indexDir, { waitMs: 0 });
    expect(lock.owner.pid).toBe(process.pid);
    await lock.release();

    await writeFile(lockFile(indexDir), "");
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile(indexDir), old, old);
    await (await acquireIndexLock(indexDir, { waitMs: 0 })).release();
  });

  it("does not clear a lock held by a live process or on another host", async () => {
    for (const owner of [
      { pid: process.ppid, host: os.hostname(), startedAt: "now", token: "live" },
      { pid: deadPid(), host: "some-other-host", startedAt: "now", token: "remote" },
    ]) {
      await writeFile(lockFile(indexDir), JSON.stringify(owner));
      const error = await acquireIndexLock(indexDir, { waitMs: 0 }).catch((caught: unknown) => caught);
      expect((error as UserError).code, owner.host).toBe("INDEX_LOCKED");
    }
  });

  it("releases only its own lock", async () => {
    const lock = await acquireIndexLock(indexDir, { waitMs: 0 });
    await writeFile(lockFile(indexDir), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: "now", token: "someone else" }));
    await lock.release();
    expect(await readdir(indexDir)).toEqual(["LOCK"]);
  });
});

describe("writeProblem", () => {
  it("names the folder, the problem and the fix for a full disk or a read-only folder", () => {
    const full = writeProblem("/data/index", Object.assign(new Error("write failed"), { code: "ENOSPC" })) as UserError;
    expect(full.message).toBe("Cannot write the index in /data/index: the disk is full (ENOSPC). Free some space there, or set INDEX_DIR to another folder.");
    const readOnly = writeProblem("/data/index", Object.assign(new Error("nope"), { code: "EROFS" })) as UserError;
    expect(readOnly.message).toContain("the file system is read-only (EROFS). Make it writable");
    const other = new Error("something else");
    expect(writeProblem("/data/index", other)).toBe(other);
  });
});

import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { ROOT } from "../support/runCli.js";

let indexDir: string;
beforeEach(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), "signals-"));
});
afterEach(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

/** The pids of a process's children. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)]).toString().trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

describe("npm run index under a signal", () => {
  it("SIGTERM to npm stops the indexer too, lets go of the lock and leaves no index half made", async () => {
    const npm = spawn("npm", ["run", "--silent", "index", "--", "--rebuild"], {
      cwd: ROOT,
      env: { ...process.env, INDEX_DIR: indexDir, ARTICLES_DIR: SEEDS_DIR, EMBEDDINGS: "offline" },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    try {
      // Wait until it is embedding: the lock is held and a build is under way.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the indexer never started embedding")), 60_000);
        npm.stderr.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("Embedding passages")) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const indexer = childrenOf(npm.pid!);
      expect(indexer).toHaveLength(1);
      expect(await readdir(indexDir)).toContain("LOCK");
      const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
      npm.kill("SIGTERM");
      await exited;
      const deadline = Date.now() + 10_000;
      while (alive(indexer[0]!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alive(indexer[0]!)).toBe(false);
      expect(await readdir(indexDir)).not.toContain("LOCK");
      expect(await readdir(indexDir)).not.toContain("CURRENT");
    } finally {
      try {
        process.kill(-npm.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }, 90_000);
});

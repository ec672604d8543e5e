import { mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../support/runCli.js";

/**
 * `npm run index -- --watch` (issue 12, item 2): articles that appear, change or disappear are
 * indexed without another command; Ctrl-C stops it; kill -9 leaves an index the next run completes.
 */
let root: string;
let env: Record<string, string>;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "index-watch-"));
  const articles = path.join(root, "articles");
  await mkdir(articles);
  await writeFile(path.join(articles, "bridge.txt"), "Bridge to reopen\n\nThe mayor of Testville, Anna Berg, said the old bridge will reopen in May.\n");
  env = { ARTICLES_DIR: articles, INDEX_DIR: path.join(root, "index"), EMBEDDINGS: "offline" };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Resolves when `pattern` has appeared in what `read` returns, or fails after `ms`. */
async function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<void> {
  const started = Date.now();
  while (!pattern.test(read())) {
    if (Date.now() - started > ms) throw new Error(`did not see ${pattern} within ${ms} ms:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm run index -- --watch", () => {
  it("indexes new, changed and removed articles as they happen, and stops on Ctrl-C", async () => {
    const child = spawnCli("scripts/index.ts", ["--watch"], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    try {
      await waitFor(() => stderr, /Watching .* for new, changed and removed articles/, 60_000);
      expect(stdout).toMatch(/Indexed 1 articles/);

      await writeFile(path.join(env.ARTICLES_DIR!, "harbour.txt"), "Harbour tax to double\n\nBoris Kemp said the harbour tax will double next year.\n");
      await waitFor(() => stdout, /Indexed 2 articles into \d+ passages \(\d+ embedded, \d+ reused\)/, 20_000);

      // Changed: only the changed article is embedded again.
      await writeFile(path.join(env.ARTICLES_DIR!, "harbour.txt"), "Harbour tax to triple\n\nBoris Kemp now says the harbour tax will triple next year.\n");
      await waitFor(() => stdout, /Indexed 2 articles[^\n]*\n(?:.*\n)*Indexed 2 articles into \d+ passages \(1 embedded, \d+ reused\)/, 20_000);

      await unlink(path.join(env.ARTICLES_DIR!, "harbour.txt"));
      await waitFor(() => stdout, /removed harbour/, 20_000);
      expect(stderr).not.toMatch(/^error:/m);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(130);
  });

  it("after kill -9 in watch mode, the next run completes the index", async () => {
    const child = spawnCli("scripts/index.ts", ["--watch"], { env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
    await waitFor(() => stderr, /Watching/, 60_000);
    await writeFile(path.join(env.ARTICLES_DIR!, "port.txt"), "Port expands\n\nThe port of Testville will add two new cranes, its director said.\n");
    // Killed at once, likely while the update runs and holds the index lock.
    await new Promise((resolve) => setTimeout(resolve, 600));
    child.kill("SIGKILL");
    await exited;
    const next = await runCli("scripts/index.ts", [], { env, timeoutMs: 60_000 });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/(Indexed|Index is up to date:) 2 articles/);
  });
});

import { appendFile, copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { runCli, spawnCli } from "../support/runCli.js";
import { startPgServer, type PgServer } from "../../bench/support/pgServer.js";

let server: PgServer;
let root: string;

beforeAll(async () => {
  server = await startPgServer();
  root = await mkdtemp(path.join(os.tmpdir(), "news-pg-cli-"));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

/** The commands as a deployment runs them: only the environment says where the index is. */
const env = () => ({ INDEX_BACKEND: "postgres", DATABASE_URL: server.url, INDEX_DIR: path.join(root, "unused-index"), ARTICLES_DIR: "seeds", EMBEDDINGS: "offline" });

describe("npm run index and ask with INDEX_BACKEND=postgres", () => {
  it("index into the database, answer from it with citations, and a second index run embeds nothing", async () => {
    const indexed = await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 60_000 });
    expect(indexed.stderr).not.toMatch(/Error/);
    expect(indexed.code).toBe(0);
    expect(indexed.stdout).toMatch(/^Indexed 5 articles into \d+ passages \(\d+ embedded, 0 reused\) in postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres\.$/m);

    const again = await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 60_000 });
    expect(again.stdout).toMatch(/^Index is up to date: 5 articles, \d+ passages in postgres:/m);

    const asked = await runCli("src/cli/ask.ts", ["--json", "What did Grushko say?"], { env: env(), timeoutMs: 60_000 });
    expect(asked.code).toBe(0);
    const answer = JSON.parse(asked.stdout) as { answered: boolean; citations: Array<{ text: string }> };
    expect(answer.answered).toBe(true);
    expect(answer.citations.some((citation) => citation.text.includes("Grushko"))).toBe(true);
  }, 120_000);

  it("name the variable when DATABASE_URL is missing, and the database when it cannot be reached", async () => {
    const missing = await runCli("src/cli/ask.ts", ["What did Grushko say?"], { env: { ...env(), DATABASE_URL: "" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/DATABASE_URL: must be set when INDEX_BACKEND=postgres/);

    const closed = await runCli("src/cli/ask.ts", ["What did Grushko say?"], { env: { ...env(), DATABASE_URL: "postgres://news:secret@127.0.0.1:1/news" } });
    expect(closed.code).toBe(1);
    expect(closed.stderr).toMatch(/Cannot use the database postgres:\/\/news@127\.0\.0\.1:1\/news .*Check DATABASE_URL/);
    expect(closed.stderr).not.toContain("secret");
  }, 60_000);

  it("survive kill -9 of an indexer mid-write: the previous build keeps answering, no lock is left, the next run completes", async () => {
    const first = await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 60_000 });
    expect(first.code).toBe(0);
    const before = await builtAt();

    // A rebuild re-embeds everything inside its transaction; it is killed once embedding is under way.
    const indexer = spawnCli("scripts/index.ts", ["--rebuild"], { env: env() });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the indexer never started embedding")), 60_000);
      indexer.stderr.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Embedding passages")) {
          clearTimeout(timer);
          indexer.kill("SIGKILL");
          resolve();
        }
      });
    });
    await new Promise((resolve) => indexer.once("close", resolve));

    expect(await builtAt()).toBe(before);
    const asked = await runCli("src/cli/ask.ts", ["--json", "What did Grushko say?"], { env: env(), timeoutMs: 60_000 });
    expect(JSON.parse(asked.stdout)).toMatchObject({ answered: true });
    const next = await runCli("scripts/index.ts", ["--rebuild"], { env: env(), timeoutMs: 60_000 });
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^Indexed 5 articles/m);
    expect(await builtAt()).not.toBe(before);
  }, 180_000);

  it("let a reader whose article folder lacks articles, or has none, answer from the database without changing it", async () => {
    const first = await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 60_000 });
    expect(first.code).toBe(0);
    const before = await builtAt();
    // A bot's machine with an older copy of the folder (one article missing), and one with no folder at all.
    const partial = path.join(root, "partial-articles");
    await mkdir(partial, { recursive: true });
    for (const name of (await readdir("seeds")).filter((file) => !file.startsWith("000_"))) await copyFile(path.join("seeds", name), path.join(partial, name));
    for (const folder of [partial, path.join(root, "no-such-folder")]) {
      const asked = await runCli("src/cli/ask.ts", ["--json", "What did Grushko say?"], { env: { ...env(), ARTICLES_DIR: folder }, timeoutMs: 60_000 });
      expect(asked.stderr).not.toMatch(/updating the index|Error/);
      expect(asked.code).toBe(0);
      expect(JSON.parse(asked.stdout)).toMatchObject({ answered: true });
    }
    expect(await builtAt()).toBe(before);
    expect(await articleCount()).toBe(5);

    // A build an older version made is the indexer's to redo, not a reader's: it says so and changes nothing.
    await sql("UPDATE index_manifest SET format_version = format_version - 1");
    const outdated = await runCli("src/cli/ask.ts", ["What did Grushko say?"], { env: { ...env(), ARTICLES_DIR: partial }, timeoutMs: 60_000 });
    expect(outdated.code).toBe(1);
    expect(outdated.stderr).toMatch(/was made by an older version of this program\. Rebuild it where the articles are indexed: npm run index/);
    expect(await articleCount()).toBe(5);
    const rebuilt = await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 60_000 });
    expect(rebuilt.code).toBe(0);
    expect((await runCli("src/cli/ask.ts", ["--json", "What did Grushko say?"], { env: env(), timeoutMs: 60_000 })).code).toBe(0);
  }, 180_000);

  it("name a database server whose disk is full, with the fix; the previous build keeps answering and the next run completes", async () => {
    const first = await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 60_000 });
    expect(first.code).toBe(0);
    const before = await builtAt();
    // An article changed since: its new passages are inserted, and the server answers as a full disk does.
    const changed = path.join(root, "changed-articles");
    await mkdir(changed, { recursive: true });
    for (const name of await readdir("seeds")) await copyFile(path.join("seeds", name), path.join(changed, name));
    const article = (await readdir(changed)).find((name) => name.startsWith("003_")) as string;
    await appendFile(path.join(changed, article), "\nA paragraph about the coalition was added later.\n");
    await sql(
      `CREATE FUNCTION disk_is_full() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'could not extend file "base/5/16390": No space left on device' USING ERRCODE = '53100'; END $$ LANGUAGE plpgsql`,
    );
    await sql("CREATE TRIGGER disk_is_full BEFORE INSERT ON passages FOR EACH ROW EXECUTE FUNCTION disk_is_full()");
    try {
      const full = await runCli("scripts/index.ts", [], { env: { ...env(), ARTICLES_DIR: changed }, timeoutMs: 60_000 });
      expect(full.code).toBe(1);
      expect(full.stderr).toMatch(/is out of disk space \(could not extend file .*No space left on device\)\. Free space on the database server/);
      expect(full.stderr).not.toMatch(/^\s+at /m);
      expect(await builtAt()).toBe(before);
      const asked = await runCli("src/cli/ask.ts", ["--json", "What did Grushko say?"], { env: env(), timeoutMs: 60_000 });
      expect(JSON.parse(asked.stdout)).toMatchObject({ answered: true });
    } finally {
      await sql("DROP TRIGGER IF EXISTS disk_is_full ON passages; DROP FUNCTION IF EXISTS disk_is_full()");
    }
    const roomy = await runCli("scripts/index.ts", [], { env: { ...env(), ARTICLES_DIR: changed }, timeoutMs: 60_000 });
    expect(roomy.code).toBe(0);
    expect(await builtAt()).not.toBe(before);
    expect((await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 60_000 })).code).toBe(0);
  }, 180_000);
});

async function sql<Row extends pg.QueryResultRow>(text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

const builtAt = async () => (await sql<{ built_at: string }>("SELECT built_at FROM index_manifest"))[0]?.built_at ?? null;
const articleCount = async () => Number((await sql<{ count: string }>("SELECT count(*) FROM articles"))[0]?.count);

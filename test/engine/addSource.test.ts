import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEngineConfig } from "../../src/config.js";
import { sourceAdder, type SourceAdder } from "../../src/engine/addSource.js";
import type { LiveEngine } from "../../src/engine/liveEngine.js";
import { openLiveEngine } from "../../src/engine/openEngine.js";
import { silentLogger } from "../../src/log.js";
import { ROOT } from "../support/runCli.js";

/**
 * The adder behind /add-source, for real: fetch a page from a 127.0.0.1 server, save it, update
 * the index with the offline encoder the bot already loaded, swap the build in, answer from it.
 */
let root: string;
let server: http.Server;
let base: string;
let live: LiveEngine;
let add: SourceAdder;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "add-source-"));
  const articlesDir = path.join(root, "articles");
  await mkdir(articlesDir);
  await writeFile(path.join(articlesDir, "bridge.txt"), "Bridge to reopen\n\nThe mayor of Testville, Anna Berg, said the old bridge will reopen in May after repairs.\n");
  const page = await readFile(path.join(ROOT, "test/fixtures/web/article-tag.html"), "utf8");
  server = http.createServer((request, response) => {
    if (request.url === "/harbour") response.writeHead(200, { "content-type": "text/html" }).end(page);
    else if (request.url === "/files/ferry.md")
      response.writeHead(200, { "content-type": "text/markdown" }).end("# Storm closes the island ferry\n\nThe island ferry will not sail until Monday because a storm damaged the landing stage, the operator said.\n");
    else if (request.url === "/files/latin.txt") response.writeHead(200, { "content-type": "text/plain" }).end(Buffer.from("Café fermé\n\nLe café est fermé aujourd'hui.\n", "latin1"));
    else response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadEngineConfig({ ARTICLES_DIR: articlesDir, INDEX_DIR: path.join(root, "index"), EMBEDDINGS: "offline", ALLOW_PRIVATE_URLS: "true" });
  const opened = await openLiveEngine(config, silentLogger);
  live = opened.live;
  add = sourceAdder(config, silentLogger, live, opened.embedder);
}, 120_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe("sourceAdder", () => {
  it("adds a page so the running engine answers from it at once, and does not add it twice", async () => {
    const added = await add({ url: `${base}/harbour` });
    expect(added).toMatchObject({ status: "added", title: "Harbour tax to double, port director says" });
    expect(live.sources().map((record) => record.id)).toContain(added.articleId);
    const answer = await live.ask("What did Boris Kemp say about the harbour tax?");
    expect(answer.confidence).toBe("high");
    expect(answer.citations[0]).toMatchObject({ articleId: added.articleId, outlet: "The Testville Herald" });

    const again = await add({ url: `${base}/harbour` });
    expect(again).toMatchObject({ status: "duplicate", articleId: added.articleId });
  });

  it("adds an uploaded Markdown file, and refuses a file of another type or not in UTF-8 before indexing", async () => {
    const added = await add({ file: { name: "ferry.md", url: `${base}/files/ferry.md`, size: 200 } });
    expect(added).toMatchObject({ status: "added", title: "Storm closes the island ferry" });
    expect((await live.ask("Why will the island ferry not sail?")).citations[0]?.articleId).toBe(added.articleId);
    const before = live.sources().length;
    await expect(add({ file: { name: "report.pdf", url: `${base}/files/report.pdf`, size: 10 } })).rejects.toThrow(/only \.txt, \.md or \.html files can be added, not \.pdf/);
    await expect(add({ file: { name: "latin.txt", url: `${base}/files/latin.txt`, size: 50 } })).rejects.toThrow(/not UTF-8 text/);
    await expect(add({ file: { name: "huge.txt", url: `${base}/files/latin.txt`, size: 6 * 1024 * 1024 } })).rejects.toThrow(/larger than 5 MB/);
    expect(live.sources()).toHaveLength(before);
  });

  it("refuses a page that cannot be fetched, leaving the articles and the index as they were", async () => {
    const before = live.sources().length;
    await expect(add({ url: `${base}/missing` })).rejects.toThrow(/the server answered 404/);
    expect(live.sources()).toHaveLength(before);
  });
});

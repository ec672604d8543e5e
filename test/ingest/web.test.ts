import { readdir, readFile, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPage } from "../../src/ingest/web/extractPage.js";
import { ROOT, runCli } from "../support/runCli.js";

/**
 * Web pages as articles (issue 12, item 3): the main text of five common page layouts without
 * their furniture, with title, outlet, date and canonical address; `npm run ingest` fetching
 * from a local server within its limits, each refusal naming the address and the reason.
 */
const fixture = (name: string) => readFile(path.join(ROOT, "test/fixtures/web", `${name}.html`), "utf8");

describe("extractPage on five page layouts", () => {
  const cases = [
    {
      name: "article-tag",
      title: "Harbour tax to double, port director says",
      outlet: "The Testville Herald",
      published: "2025-03-18T09:30:00Z",
      url: "https://herald.example/news/harbour-tax-double",
      author: "Jo Smith",
      body: ["will double next year, the port's director Boris Kemp said", "The town council is due to vote on the plan in April"],
    },
    {
      name: "json-ld",
      title: "Council approves budget to repair the old bridge",
      outlet: "Valley Post",
      published: "2025-02-20T11:48:00Z",
      url: "http://127.0.0.1/page",
      body: ["approved a budget of 2.4 million crowns", "lost a third of their trade since the winter"],
    },
    {
      name: "amp",
      title: "Storm closes ferry route",
      outlet: "Coast News",
      published: "2025-03-16",
      url: "https://coastnews.example/2025/03/storm-closes-ferry-route",
      body: ["will not sail until Monday", "repairs to take two days"],
    },
    {
      name: "paywall",
      title: "Fishing quotas cut by a fifth",
      outlet: "North Sea Times",
      published: "2025-01-09T07:00:00Z",
      url: "http://127.0.0.1/page",
      body: ["Cod quotas for the Testville fleet will be cut by a fifth", "quotas could rise again once surveys showed more young fish"],
    },
    {
      name: "blog",
      title: "Why the old bridge matters to the east bank",
      outlet: "Testville Notes",
      published: "2025-02-22",
      url: "http://127.0.0.1/page",
      author: "K. Lind",
      body: ["takes forty minutes instead of ten", "“We are an island now,” said one shopkeeper", "What comes next"],
    },
  ];
  const FURNITURE = /Home|Sport|Related stories|Comments|Reader123|Most read|newsletter|Subscribe|Log in|cookies|More from|Share this|Archive|Tags|Great post|All rights reserved/;

  it.each(cases)("$name: the story, its metadata, and no page furniture", async ({ name, title, outlet, published, url, body, ...rest }) => {
    const page = extractPage(await fixture(name), "http://127.0.0.1/page");
    const author = "author" in rest ? rest.author : null;
    expect({ title: page.title, outlet: page.outlet, published: page.published, url: page.url, author: page.author }).toEqual({ title, outlet, published, url, author });
    for (const sentence of body) expect(page.text).toContain(sentence);
    expect(page.text).not.toMatch(FURNITURE);
    // The headline is the file's first line, not repeated as the body's first block.
    expect(page.text.split("\n\n")[0]?.toLowerCase()).not.toBe(title.toLowerCase());
  });

  it("refuses a page with no article in it", () => {
    expect(() => extractPage("<html><body><nav>Home News</nav><p>Log in</p></body></html>", null)).toThrow(/no article/);
  });
});

/** An RSS feed of twenty items, each linking to a story page on the test server. */
const feed = (base: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Testville Daily</title><link>${base}/</link>` +
  Array.from({ length: 20 }, (_, i) => `<item><title>Story ${i + 1}</title><link>${base}/story/${i + 1}</link><guid>${base}/story/${i + 1}</guid></item>`).join("") +
  "</channel></rss>";
const story = (n: number) =>
  `<html><head><title>Council news number ${n}</title><meta property="og:site_name" content="Testville Daily"></head><body><nav>Home News</nav><article><h1>Council news number ${n}</h1>` +
  `<p>The town council met on day ${n} of the session and discussed item number ${n} on its agenda, which concerned the repair of street number ${n} in the old town near the harbour.</p>` +
  `<p>Councillors voted on the proposal after a long debate, and the mayor said the work on street number ${n} would start within ${n} weeks if the budget allowed it.</p></article></body></html>`;

describe("npm run ingest", () => {
  let root: string;
  let articlesDir: string;
  let server: http.Server;
  let base: string;
  const requests: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "ingest-"));
    articlesDir = path.join(root, "articles");
    const article = await fixture("article-tag");
    const latin1 = Buffer.from(
      `<html><head><meta charset="iso-8859-1"><title>Café owners protest</title><meta property="og:site_name" content="Le Petit Testville"></head><body><article><h1>Café owners protest</h1>` +
        "<p>Owners of the café terraces on the Place du Marché protested on Monday against the council's plan to charge them for the pavement, saying the fee would cost each of them about 900 crowns a year.</p>" +
        "<p>The mayor said the fee would pay for new benches and trees, and that the council would listen to the owners before the vote next month.</p></article></body></html>",
      "latin1",
    );
    server = http.createServer((request, response) => {
      requests.push(request.url ?? "");
      const route = request.url ?? "";
      if (route === "/article") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(article);
      else if (route === "/latin1") response.writeHead(200, { "content-type": "text/html" }).end(latin1);
      else if (route === "/redirect") response.writeHead(302, { location: "/article" }).end();
      else if (route === "/loop") response.writeHead(302, { location: "/loop" }).end();
      else if (route === "/pdf") response.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4");
      else if (route === "/declared-huge") response.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) }).end();
      else if (route === "/streamed-huge") {
        response.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(256 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 6 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once("drain", pump);
          }
          response.end();
        };
        pump();
      } else if (route === "/feed") response.writeHead(200, { "content-type": "application/rss+xml" }).end(feed(base));
      else if (route === "/broken-feed") response.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss><channel><item><title>Unclosed");
      else if (/^\/story\/\d+$/.test(route)) response.writeHead(200, { "content-type": "text/html" }).end(story(Number(route.split("/")[2])));
      else if (route === "/empty") response.writeHead(200, { "content-type": "text/html" }).end("<html><body><nav>Home</nav></body></html>");
      else response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  const ingest = (args: string[], allowPrivate = true) =>
    runCli("scripts/ingest.ts", args, { env: { ARTICLES_DIR: articlesDir, ALLOW_PRIVATE_URLS: allowPrivate ? "true" : "false" }, timeoutMs: 60_000 });

  it("saves good pages with their sidecars and names every bad one with its reason, the rest still saved", async () => {
    const bad = ["/pdf", "/declared-huge", "/streamed-huge", "/loop", "/missing", "/empty"].map((route) => `${base}${route}`);
    const result = await ingest([`${base}/article`, ...bad, `${base}/latin1`, "ftp://example.com/story", "no such file or address"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${base}/article: saved “Harbour tax to double, port director says” as .*harbour-tax-to-double-port-director-says-[0-9a-f]{8}\\.txt`));
    expect(result.stdout).toContain(`${base}/latin1: saved “Café owners protest”`);
    const reasons: Array<[string, RegExp]> = [
      [`${base}/pdf`, /it is not a web page or a feed \(content type application\/pdf\)/],
      [`${base}/declared-huge`, /the page is larger than 5 MB/],
      [`${base}/streamed-huge`, /the page is larger than 5 MB/],
      [`${base}/loop`, /more than 5 redirects/],
      [`${base}/missing`, /the server answered 404/],
      [`${base}/empty`, /no article/],
      ["ftp://example.com/story", /only http and https addresses/],
      ["no such file or address", /not a valid address/],
    ];
    for (const [source, reason] of reasons) expect(result.stderr).toMatch(new RegExp(`^error: ${source.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: .*${reason.source}`, "m"));
    expect(result.stderr).toMatch(/8 of 10 could not be ingested; the others were\./);
    expect(result.stderr).not.toMatch(/^\s+at /m);

    const files = (await readdir(articlesDir)).sort();
    expect(files).toHaveLength(4);
    const harbour = files.find((file) => file.startsWith("harbour") && file.endsWith(".json"))!;
    expect(JSON.parse(await readFile(path.join(articlesDir, harbour), "utf8"))).toEqual({
      title: "Harbour tax to double, port director says",
      outlet: "The Testville Herald",
      published: "2025-03-18T09:30:00Z",
      url: "https://herald.example/news/harbour-tax-double",
      author: "Jo Smith",
    });
    const cafe = files.find((file) => file.startsWith("cafe") && file.endsWith(".txt"))!;
    expect(await readFile(path.join(articlesDir, cafe), "utf8")).toMatch(/^Café owners protest\n\nOwners of the café terraces on the Place du Marché/);
  });

  it("skips a page already ingested, by its address or its text", async () => {
    const before = (await readdir(articlesDir)).sort();
    const again = await ingest([`${base}/redirect`]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\/redirect: skipped, already ingested from https:\/\/herald\.example\/news\/harbour-tax-double/);
    expect((await readdir(articlesDir)).sort()).toEqual(before);
  });

  it("refuses loopback and private addresses unless ALLOW_PRIVATE_URLS=true, before fetching", async () => {
    const count = requests.length;
    const refused = await ingest([`${base}/article`, "http://10.1.2.3/story", "http://[::1]/story"], false);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/127\.0\.0\.1 is a private, loopback or link-local address \(127\.0\.0\.1\); set ALLOW_PRIVATE_URLS=true to allow it/);
    expect(refused.stderr).toMatch(/10\.1\.2\.3 is a private/);
    expect(refused.stderr).toMatch(/::1 is a private/);
    expect(requests.length).toBe(count);
  });

  it("ingests every item of a feed, then only new ones; a broken feed is named with the reason", async () => {
    const feedArticles = path.join(root, "feed-articles");
    const run = (args: string[]) => runCli("scripts/ingest.ts", args, { env: { ARTICLES_DIR: feedArticles, ALLOW_PRIVATE_URLS: "true" }, timeoutMs: 60_000 });
    const first = await run([`${base}/feed`, `${base}/broken-feed`]);
    expect(first.stdout).toContain(`${base}/feed: a feed of 20 items`);
    expect(first.stdout.match(/: saved “Council news number \d+”/g)).toHaveLength(20);
    expect(first.stderr).toContain(`error: ${base}/broken-feed: the feed could not be read (`);
    expect(first.code).toBe(1);
    expect((await readdir(feedArticles)).filter((file) => file.endsWith(".txt"))).toHaveLength(20);
    const again = await run([`${base}/feed`]);
    expect(again.code).toBe(0);
    expect(again.stdout.match(/: skipped, already ingested from /g)).toHaveLength(20);
    expect((await readdir(feedArticles)).filter((file) => file.endsWith(".txt"))).toHaveLength(20);
  });

  it("answers from an ingested page once indexed, citing its outlet", async () => {
    const env = { ARTICLES_DIR: articlesDir, INDEX_DIR: path.join(root, "index"), EMBEDDINGS: "offline" };
    const indexed = await runCli("scripts/index.ts", [], { env, timeoutMs: 110_000 });
    expect(indexed.code, indexed.stderr).toBe(0);
    const asked = await runCli("src/cli/ask.ts", ["--json", "What did Boris Kemp say about the harbour tax?"], { env, timeoutMs: 60_000 });
    const answer = JSON.parse(asked.stdout) as { confidence: string; citations: Array<{ outlet: string | null; url: string | null }> };
    expect(answer.confidence).toBe("high");
    expect(answer.citations[0]).toMatchObject({ outlet: "The Testville Herald", url: "https://herald.example/news/harbour-tax-double" });
  });
});

import { cp, mkdir, mkdtemp, readFile, rm, unlink, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEngineConfig } from "../../src/config.js";
import { openEngine } from "../../src/engine/openEngine.js";
import { buildIndex } from "../../src/index/buildIndex.js";
import { staleArticles } from "../../src/index/freshness.js";
import { readManifest } from "../../src/index/indexStore.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import type { Logger } from "../../src/log.js";
import { silentLogger } from "../../src/log.js";
import type { Answer } from "../../src/types.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { createFakeEmbedder } from "../support/fakeEmbedder.js";

const GRUSHKO = "000_c2c287abe968920d";
let root: string;
let articlesDir: string;
let indexDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "freshness-"));
  articlesDir = path.join(root, "articles");
  indexDir = path.join(root, "index");
  await mkdir(articlesDir);
  // Saved a while before indexing: a file modified since the indexer began reading gets no stamp (it is hashed next time
  // instead), and a copy made in the same clock tick as the build would count as one, failing the test by chance.
  const earlier = new Date(Date.now() - 60_000);
  for (const id of [GRUSHKO, "002_c302f7dcb7028b66"]) {
    await cp(path.join(SEEDS_DIR, `${id}.txt`), path.join(articlesDir, `${id}.txt`));
    await utimes(path.join(articlesDir, `${id}.txt`), earlier, earlier);
  }
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const article = (id: string) => path.join(articlesDir, `${id}.txt`);

describe("staleArticles", () => {
  it("finds edited and deleted articles, and not ones saved again unchanged", async () => {
    const embedder = createFakeEmbedder();
    const source = new FolderArticleSource(articlesDir);
    await buildIndex({ indexDir, source, encoderId: embedder.id, loadEmbedder: async () => embedder, rebuild: false, log: silentLogger });
    const manifest = (await readManifest(indexDir))!;
    expect(manifest.articles.every((record) => record.stamp !== undefined)).toBe(true);
    expect(await staleArticles(manifest, articlesDir, source)).toEqual({ changed: [], removed: [] });

    const later = new Date(Date.now() + 5000);
    await utimes(article(GRUSHKO), later, later);
    expect(await staleArticles(manifest, articlesDir, source)).toEqual({ changed: [], removed: [] });

    await writeFile(article(GRUSHKO), (await readFile(article(GRUSHKO), "utf8")).replace("Grushko", "Grushkin"));
    await unlink(article("002_c302f7dcb7028b66"));
    expect(await staleArticles(manifest, articlesDir, source)).toEqual({ changed: [GRUSHKO], removed: ["002_c302f7dcb7028b66"] });
  });
});

describe("an engine over articles changed since indexing", () => {
  const config = () => loadEngineConfig({ INDEX_DIR: indexDir, ARTICLES_DIR: articlesDir, EMBEDDINGS: "offline" });
  const collect = () => {
    const lines: string[] = [];
    const log: Logger = { info: (line) => lines.push(line), warn: (line) => lines.push(line), error: (line) => lines.push(line) };
    return { lines, log };
  };
  const faithful = async (answer: Answer) => {
    for (const citation of answer.citations) {
      expect((await readFile(article(citation.articleId), "utf8")).slice(citation.start, citation.end)).toBe(citation.text);
    }
  };

  it("stops citing an article edited while it runs, and says so once", async () => {
    const engine = await openEngine(config(), silentLogger);
    const before = await engine.ask("What did Grushko say about NATO contingents?");
    expect(before.citations.some((citation) => citation.articleId === GRUSHKO)).toBe(true);

    const { lines, log } = collect();
    const running = await openEngine(config(), log);
    await writeFile(article(GRUSHKO), `Edited headline\n\n${(await readFile(article(GRUSHKO), "utf8")).replace(/\n/, "\n\nA new first paragraph.\n")}`);
    const after = await running.ask("What did Grushko say about NATO contingents?");
    expect(after.citations.some((citation) => citation.articleId === GRUSHKO)).toBe(false);
    await faithful(after);
    expect(lines.filter((line) => line.includes(`${GRUSHKO} changed`))).toEqual([
      `Articles changed since the index was built (${GRUSHKO} changed): not citing them until the index is updated with: npm run index`,
    ]);
  }, 60_000);

  it("updates the index when opened over changed articles, and cites the new text exactly", async () => {
    await openEngine(config(), silentLogger);
    const text = await readFile(article(GRUSHKO), "utf8");
    await writeFile(article(GRUSHKO), text.replace(/\n/, "\n\nA new first paragraph that moves every offset after it.\n"));
    const { lines, log } = collect();
    const engine = await openEngine(config(), log);
    expect(lines).toContain(`Articles changed since the index was built (${GRUSHKO} changed); updating the index.`);
    const answer = await engine.ask("What did Grushko say about NATO contingents?");
    expect(answer.citations.some((citation) => citation.articleId === GRUSHKO)).toBe(true);
    await faithful(answer);
  }, 60_000);
});

import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.js";
import { filesBackend } from "../../src/engine/backend.js";
import { FileIndexStore } from "../../src/retrieve/fileStore.js";
import { LiveEngine } from "../../src/engine/liveEngine.js";
import { buildIndex } from "../../src/index/buildIndex.js";
import { loadIndex } from "../../src/index/indexStore.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { silentLogger, type Logger } from "../../src/log.js";
import type { Embedder } from "../../src/types.js";
import { createFakeEmbedder } from "../support/fakeEmbedder.js";

/**
 * The bot's engine follows the index (issue 12, hot swap): a build published by `npm run index`
 * is answered from without a restart; a question already asked finishes on the engine it began
 * on; a build that cannot be loaded leaves the old engine serving, reported once.
 */
let root: string;
let articlesDir: string;
let indexDir: string;
const embedder = createFakeEmbedder();

async function publish(encoder: Embedder = embedder): Promise<void> {
  await buildIndex({ indexDir, source: new FolderArticleSource(articlesDir), encoderId: encoder.id, loadEmbedder: async () => encoder, rebuild: false, log: silentLogger });
}

function recordingLog(): Logger & { errors: string[]; infos: string[] } {
  const errors: string[] = [];
  const infos: string[] = [];
  return { errors, infos, info: (message) => infos.push(message), warn: () => {}, error: (message) => errors.push(message) };
}

async function follow(log: Logger): Promise<LiveEngine> {
  const index = await loadIndex(indexDir);
  if (!index) throw new Error("no index");
  return LiveEngine.follow(new Engine(new FileIndexStore(index), embedder), { builds: filesBackend(indexDir), log, makeEngine: (store) => new Engine(store, embedder) });
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "live-engine-"));
  articlesDir = path.join(root, "articles");
  indexDir = path.join(root, "index");
  await mkdir(articlesDir);
  await writeFile(path.join(articlesDir, "bridge.txt"), "Bridge to reopen in May\n\nThe mayor of Testville, Anna Berg, said the old bridge will reopen in May after repairs.\n");
  await publish();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("LiveEngine", () => {
  it("answers from a newly published build without a restart, and says so once", async () => {
    const log = recordingLog();
    const live = await follow(log);
    expect(await live.check()).toBe(false);
    expect((await live.ask("What did Boris Kemp say about the harbour tax?")).confidence).toBe("none");

    await writeFile(path.join(articlesDir, "harbour.txt"), "Harbour tax to double\n\nBoris Kemp, the port director, said the harbour tax will double next year.\n");
    await publish();
    expect(await live.check()).toBe(true);
    const answer = await live.ask("What did Boris Kemp say about the harbour tax?");
    expect(answer.confidence).not.toBe("none");
    expect(answer.citations[0]?.articleId).toBe("harbour");
    expect(live.sources().map((record) => record.id).sort()).toEqual(["bridge", "harbour"]);
    expect(log.infos.filter((line) => line.startsWith("Now answering from the index built at"))).toHaveLength(1);
    expect(await live.check()).toBe(false);
  });

  it("finishes a question already asked on the engine it started on", async () => {
    const live = await follow(silentLogger);
    const before = live.engine;
    await writeFile(path.join(articlesDir, "harbour.txt"), "Harbour tax to double\n\nBoris Kemp, the port director, said the harbour tax will double next year.\n");
    await publish();
    const inFlight = live.ask("What did Boris Kemp say about the harbour tax?");
    expect(await live.check()).toBe(true);
    expect(live.engine).not.toBe(before);
    // Asked before the swap: the old build, which has no harbour article, answers it whole.
    const answer = await inFlight;
    expect(answer.citations.every((citation) => citation.articleId === "bridge")).toBe(true);
  });

  it("keeps the old engine serving when a build cannot be loaded, and reports it once", async () => {
    const log = recordingLog();
    const live = await follow(log);
    const before = live.engine;
    await writeFile(path.join(articlesDir, "harbour.txt"), "Harbour tax to double\n\nBoris Kemp said the harbour tax will double.\n");
    await publish();
    // Damaged after publishing: a file of the new build no longer matches its checksum.
    const build = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
    await writeFile(path.join(indexDir, "builds", build, "passages.json"), "[]");
    expect(await live.check()).toBe(false);
    expect(await live.check()).toBe(false);
    expect(live.engine).toBe(before);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toContain(`The new index build ${build} could not be loaded (`);
    expect(log.errors[0]).toMatch(/still answering from the one loaded before\.$/);
    expect((await live.ask("What did Anna Berg say?")).confidence).toBe("high");
  });

  it("does not swap in a build made with another encoder", async () => {
    const log = recordingLog();
    const live = await follow(log);
    const other: Embedder = { ...createFakeEmbedder(), id: "fake:other-encoder" };
    await writeFile(path.join(articlesDir, "harbour.txt"), "Harbour tax to double\n\nBoris Kemp said the harbour tax will double.\n");
    await publish(other);
    expect(await live.check()).toBe(false);
    expect(log.errors[0]).toMatch(/built with fake:other-encoder, but the bot runs .*restart the bot/);
    expect(live.sources().map((record) => record.id)).toEqual(["bridge"]);
  });
});

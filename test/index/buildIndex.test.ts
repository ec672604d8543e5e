import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, unlink, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.js";
import { FileIndexStore } from "../../src/retrieve/fileStore.js";
import { UserError } from "../../src/errors.js";
import { buildIndex } from "../../src/index/buildIndex.js";
import { currentBuild, loadIndex } from "../../src/index/indexStore.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { silentLogger } from "../../src/log.js";
import type { Embedder } from "../../src/types.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { createFakeEmbedder } from "../support/fakeEmbedder.js";

let root: string;
let articlesDir: string;
let indexDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "index-test-"));
  articlesDir = path.join(root, "articles");
  indexDir = path.join(root, "index");
  await cp(SEEDS_DIR, articlesDir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function build(embedder: Embedder, rebuild = false) {
  return buildIndex({
    indexDir,
    source: new FolderArticleSource(articlesDir),
    encoderId: embedder.id,
    loadEmbedder: async () => embedder,
    rebuild,
    log: silentLogger,
  });
}

describe("buildIndex", () => {
  it("builds an index whose passages, vectors and keywords load back", async () => {
    const embedder = createFakeEmbedder();
    const result = await build(embedder);
    expect(result).toMatchObject({ status: "built", articles: 5, reused: 0 });
    expect(result.embedded).toBe(result.passages);
    const index = await loadIndex(indexDir);
    expect(index?.passages).toHaveLength(result.passages);
    expect(index?.vectors.length).toBe(result.passages * embedder.dimensions);
    expect(index?.manifest.encoder).toEqual({ id: embedder.id, dimensions: embedder.dimensions });
    expect(index?.keywords.query("Grushko", 3)[0]?.id).toMatch(/^00[03]_/);
  });

  it("does nothing on an unchanged corpus, and never loads the encoder", async () => {
    await build(createFakeEmbedder());
    const before = await currentBuild(indexDir);
    const result = await buildIndex({
      indexDir,
      source: new FolderArticleSource(articlesDir),
      encoderId: "fake:hashing-64",
      loadEmbedder: async () => {
        throw new Error("the encoder must not be loaded");
      },
      rebuild: false,
      log: silentLogger,
    });
    expect(result.status).toBe("up-to-date");
    expect(await currentBuild(indexDir)).toBe(before);
  });

  it("upgrades a build of an older format without embedding anything again", async () => {
    await build(createFakeEmbedder());
    const folder = (await currentBuild(indexDir))!;
    // A format-3 build: no forward index, older format number.
    const manifest = JSON.parse(await readFile(path.join(folder, "manifest.json"), "utf8")) as { formatVersion: number };
    await writeFile(path.join(folder, "manifest.json"), JSON.stringify({ ...manifest, formatVersion: 3 }));
    await unlink(path.join(folder, "tokens.bin"));
    const result = await buildIndex({
      indexDir,
      source: new FolderArticleSource(articlesDir),
      encoderId: "fake:hashing-64",
      loadEmbedder: async () => {
        throw new Error("an upgrade must reuse every vector");
      },
      rebuild: false,
      log: silentLogger,
    });
    expect(result).toMatchObject({ status: "built", embedded: 0 });
    expect(result.reused).toBe(result.passages);
    const upgraded = (await loadIndex(indexDir))!;
    expect(upgraded.manifest.formatVersion).toBe(manifest.formatVersion);
    expect(upgraded.tokens?.passageCount).toBe(upgraded.passages.length);
  });

  it("re-embeds only changed and new articles and drops removed ones", async () => {
    await build(createFakeEmbedder());
    const changed = path.join(articlesDir, "003_c0678c1811952286.txt");
    await writeFile(changed, `${await readFile(changed, "utf8")}\nA new closing paragraph about the talks.`);
    await writeFile(path.join(articlesDir, "new.txt"), "Fresh headline\nA brand new article about Kyiv, officials said.\n");
    await unlink(path.join(articlesDir, "004_a0944345dc9b0cb6.txt"));
    const embedder = createFakeEmbedder();
    const result = await build(embedder);
    const index = await loadIndex(indexDir);
    const touched = index!.passages.filter((passage) => passage.articleId === "003_c0678c1811952286" || passage.articleId === "new");
    expect(result.removed).toEqual(["004_a0944345dc9b0cb6"]);
    expect(result.embedded).toBe(touched.length);
    expect(embedder.calls).toBe(touched.length);
    expect(result.reused).toBe(result.passages - touched.length);
    expect(index!.passages.some((passage) => passage.articleId === "004_a0944345dc9b0cb6")).toBe(false);
  });

  it("re-embeds everything on --rebuild or when the encoder changes", async () => {
    await build(createFakeEmbedder());
    const rebuilt = await build(createFakeEmbedder(), true);
    expect(rebuilt.reused).toBe(0);
    const other = createFakeEmbedder(32, "fake:hashing-32");
    const switched = await build(other);
    expect(switched.reused).toBe(0);
    expect((await loadIndex(indexDir))?.manifest.encoder).toEqual({ id: "fake:hashing-32", dimensions: 32 });
  });

  it("leaves the previous index intact when a build fails half way", async () => {
    await build(createFakeEmbedder());
    const before = await currentBuild(indexDir);
    await writeFile(path.join(articlesDir, "new.txt"), "Fresh headline\nA brand new article.\n");
    const failing = createFakeEmbedder();
    failing.embed = async () => {
      throw new Error("killed mid-build");
    };
    await expect(build(failing)).rejects.toThrow("killed mid-build");
    expect(await currentBuild(indexDir)).toBe(before);
    const index = await loadIndex(indexDir);
    expect(index?.manifest.articles).toHaveLength(5);
    // An interrupted run's staging folder is cleared by the next successful build, which keeps
    // the build it replaced (a reader may be loading it) and nothing else.
    await writeFile(path.join(indexDir, "builds", "stale.partial"), "");
    await build(createFakeEmbedder());
    expect((await readdir(path.join(indexDir, "builds"))).sort()).toEqual([path.basename(before!), path.basename((await currentBuild(indexDir))!)].sort());
  });

  it("finds a folder it cannot write before embedding anything, and leaves nothing behind", async () => {
    await mkdir(indexDir, { recursive: true });
    await writeFile(path.join(indexDir, "builds"), "a file where the builds folder goes");
    const embedder = createFakeEmbedder();
    let embedded = 0;
    const embed = embedder.embed.bind(embedder);
    embedder.embed = async (texts) => {
      embedded += texts.length;
      return embed(texts);
    };
    const error = await build(embedder).catch((caught: unknown) => caught);
    expect((error as UserError).code).toBe("INDEX_NOT_WRITABLE");
    expect((error as UserError).message).toMatch(/Cannot write the index in .+ \(ENOTDIR|EEXIST\).+set INDEX_DIR/);
    expect(embedded).toBe(0);
    expect(await readdir(indexDir)).toEqual(["builds"]);
  });

  it("serialises two builds of one folder: both finish and the index answers", async () => {
    const [first, second] = await Promise.all([build(createFakeEmbedder(), true), build(createFakeEmbedder(), true)]);
    expect([first.status, second.status]).toEqual(["built", "built"]);
    const index = await loadIndex(indexDir);
    expect(index?.manifest.articles).toHaveLength(5);
    expect((await readdir(path.join(indexDir, "builds"))).length).toBe(2);
    expect(await readdir(indexDir)).not.toContain("LOCK");
  });

  it("does not use a vector file changed after it was written, and rejects other damaged files by checksum", async () => {
    await build(createFakeEmbedder());
    const folder = (await currentBuild(indexDir))!;
    const expected = (await loadIndex(indexDir))!.vectors;
    // Same size, same modification time: only the checksum tells.
    const matrix = path.join(folder, "vectors.f32");
    const { mtime } = await stat(matrix);
    const bytes = await readFile(matrix);
    await writeFile(matrix, bytes.map((byte) => byte ^ 0x55));
    await utimes(matrix, mtime, mtime);
    expect((await loadIndex(indexDir))!.vectors).toEqual(expected);

    const passages = path.join(folder, "passages.json");
    await writeFile(passages, (await readFile(passages, "utf8")).replace("Grushko", "Grushka"));
    const error = await loadIndex(indexDir).catch((caught: unknown) => caught);
    expect((error as UserError).code).toBe("INDEX_CORRUPT");
    expect((error as UserError).message).toContain("passages.json does not match the checksum");
  });

  it("reports a damaged index with the command that fixes it", async () => {
    await build(createFakeEmbedder());
    const folder = (await currentBuild(indexDir))!;
    await writeFile(path.join(folder, "index.json"), "{ truncated");
    const error = await loadIndex(indexDir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("INDEX_CORRUPT");
    expect((error as UserError).message).toContain("npm run index -- --rebuild");
  });

  it("answers the same with the forward index, without it (older builds), and rejects a damaged one", async () => {
    const embedder = createFakeEmbedder();
    await build(embedder);
    const folder = (await currentBuild(indexDir))!;
    const withTokens = (await loadIndex(indexDir))!;
    expect(withTokens.tokens?.passageCount).toBe(withTokens.passages.length);
    const questions = ["What did Grushko say?", "How many troops could the coalition send?", "What did the Kremlin say about peacekeepers?"];
    const answers = async (engine: Engine) => Promise.all(questions.map((question) => engine.ask(question, { k: 8 })));
    const expected = await answers(new Engine(new FileIndexStore(withTokens), embedder));

    const bytes = await readFile(path.join(folder, "tokens.bin"));
    await unlink(path.join(folder, "tokens.bin"));
    const withoutTokens = (await loadIndex(indexDir))!;
    expect(withoutTokens.tokens).toBeNull();
    expect(await answers(new Engine(new FileIndexStore(withoutTokens), embedder))).toEqual(expected);

    await writeFile(path.join(folder, "tokens.bin"), bytes.subarray(0, bytes.length - 4));
    const error = await loadIndex(indexDir).catch((caught: unknown) => caught);
    expect((error as UserError).code).toBe("INDEX_CORRUPT");
    expect((error as UserError).message).toContain("tokens.bin");
  });

  it("refuses to query with an encoder other than the one that built the index", async () => {
    await build(createFakeEmbedder());
    const index = (await loadIndex(indexDir))!;
    expect(() => new Engine(new FileIndexStore(index), createFakeEmbedder(64, "fake:other"))).toThrow(/npm run index -- --rebuild/);
  });
});

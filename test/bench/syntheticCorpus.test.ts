import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { createSentenceMeanEmbedder, syntheticEncoderId } from "../../bench/sentenceMeanEmbedder.js";
import {
  generateSyntheticArticles,
  hashString,
  seededRandom,
  seedSentences,
  SYNTHETIC_HEADLINE_PREFIX,
} from "../../bench/support/syntheticCorpus.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { chunkArticle } from "../../src/ingest/chunk.js";
import { parseArticle } from "../../src/ingest/parseArticle.js";
import type { Article } from "../../src/types.js";
import { SEEDS_DIR } from "../support/engineFixture.js";

let seeds: Article[];
let sentences: string[];
beforeAll(async () => {
  seeds = (await new FolderArticleSource(SEEDS_DIR).load()).articles;
  sentences = seedSentences(seeds);
});

describe("seededRandom and hashString", () => {
  it("repeat exactly for the same seed and differ for another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const value of draw(3)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(hashString("Kyiv")).toBe(hashString("Kyiv"));
    expect(hashString("Kyiv")).not.toBe(hashString("Kiev"));
  });
});

describe("seedSentences", () => {
  it("takes each whole body sentence of the seeds once", () => {
    expect(sentences.length).toBeGreaterThan(50);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(sentences).toContain("‘Macron and Starmer are playing dumb,’ Dmitry Medvedev, a former Russian president and prime minister, posted on X.");
    for (const sentence of sentences) expect(sentence.split(/\s+/).length).toBeGreaterThanOrEqual(4);
  });
});

describe("generateSyntheticArticles", () => {
  it("is deterministic: the same sentences and seed give the same text", () => {
    const first = generateSyntheticArticles(sentences, { paragraphs: 45 });
    expect(generateSyntheticArticles(sentences, { paragraphs: 45 })).toEqual(first);
    expect(generateSyntheticArticles(sentences, { paragraphs: 45, seed: 1 })).not.toEqual(first);
  });

  it("labels every article synthetic and keeps to the requested size", () => {
    const articles = generateSyntheticArticles(sentences, { paragraphs: 45, paragraphsPerArticle: 20 });
    expect(articles.map((article) => article.paragraphs)).toEqual([20, 20, 5]);
    expect(articles.map((article) => article.fileName)).toEqual(["synthetic-000001.txt", "synthetic-000002.txt", "synthetic-000003.txt"]);
    for (const article of articles) expect(article.text.startsWith(SYNTHETIC_HEADLINE_PREFIX)).toBe(true);
    expect(generateSyntheticArticles(sentences, { paragraphs: 0 })).toEqual([]);
    expect(() => generateSyntheticArticles(sentences, { paragraphs: 1.5 })).toThrow(/whole number/);
  });

  it("builds only from seed sentences, one passage per paragraph once chunked", () => {
    const known = new Set(sentences);
    for (const generated of generateSyntheticArticles(sentences, { paragraphs: 200, seed: 5 })) {
      const article = parseArticle(generated.id, generated.fileName, generated.text);
      expect(article.title).toMatch(/^Synthetic benchmark text \d+/);
      const passages = chunkArticle(article);
      expect(passages).toHaveLength(generated.paragraphs);
      for (const passage of passages) {
        expect(passage.text.length).toBeLessThanOrEqual(880);
        expect(article.text.slice(passage.start, passage.end)).toBe(passage.text);
        const [opener] = sentences.filter((sentence) => passage.text.startsWith(sentence));
        expect(opener && known.has(opener)).toBe(true);
      }
    }
  });
});

describe("createSentenceMeanEmbedder", () => {
  const dimensions = 8;
  const table = () => new Map(sentences.map((sentence, i) => [sentence, Float32Array.from({ length: dimensions }, (_, d) => Math.sin(i + d))]));

  it("gives each passage a deterministic unit vector near the mean of its sentences", async () => {
    const embedder = createSentenceMeanEmbedder(table(), { id: "real:model", dimensions });
    expect(embedder.id).toBe(syntheticEncoderId("real:model"));
    const [article] = generateSyntheticArticles(sentences, { paragraphs: 3 });
    const passages = chunkArticle(parseArticle(article!.id, article!.fileName, article!.text)).map((passage) => passage.text);
    const [first, again] = [await embedder.embed(passages), await embedder.embed(passages)];
    expect(again).toEqual(first);
    for (const vector of first) expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(embedder.counts.unmatched).toBe(0);
    expect(embedder.counts.matched).toBeGreaterThan(passages.length);
  });

  it("refuses a passage with no known sentence rather than inventing a vector", async () => {
    const embedder = createSentenceMeanEmbedder(table(), { id: "real:model", dimensions });
    await expect(embedder.embed(["Nothing here was ever in the seeds at all."])).rejects.toThrow(/No known seed sentence/);
  });
});

describe("synthetic corpora stay out of seeds/", () => {
  it("are generated in memory; seeds/ holds no synthetic file", () => {
    expect(generateSyntheticArticles(sentences, { paragraphs: 5 })).toHaveLength(1);
    return readdir(SEEDS_DIR).then((names) => expect(names.some((name) => name.startsWith("synthetic-"))).toBe(false));
  });
});

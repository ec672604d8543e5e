import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { generateSyntheticArticles, seedSentences } from "../../bench/support/syntheticCorpus.js";
import { decodePostings, encodePostings } from "../../src/index/bm25Postings.js";
import { KeywordIndex, QUERY_OPTIONS, SEARCH_OPTIONS } from "../../src/index/keywordIndex.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { chunkArticle } from "../../src/ingest/chunk.js";
import { parseArticle } from "../../src/ingest/parseArticle.js";
import type { Article, Passage } from "../../src/types.js";
import { DEV_SET } from "../../bench/support/devSet.js";
import { readQuestionSet } from "../../src/eval/questionSet.js";
import { SEEDS_DIR } from "../support/engineFixture.js";

interface Corpus {
  passages: Passage[];
  titleOf: (passage: Passage) => string;
}

function corpusOf(articles: readonly Article[]): Corpus {
  const titles = new Map<string, string>();
  const passages = articles.flatMap((article) =>
    chunkArticle(article).map((passage) => {
      titles.set(passage.id, article.sections[passage.section]?.title ?? article.title);
      return passage;
    }),
  );
  return { passages, titleOf: (passage) => titles.get(passage.id) ?? "" };
}

/** What the engine searched before: MiniSearch's own index, serialised and loaded back. */
function miniSearchOf({ passages, titleOf }: Corpus): MiniSearch {
  const built = new MiniSearch(SEARCH_OPTIONS);
  built.addAll(passages.map((passage) => ({ id: passage.id, text: passage.text, title: titleOf(passage) })));
  return MiniSearch.loadJS(built.toJSON(), SEARCH_OPTIONS);
}

function miniSearchHits(search: MiniSearch, query: string, limit: number, allowed?: ReadonlySet<string>) {
  const filter = allowed ? { filter: (result: { id: unknown }) => allowed.has(String(result.id)) } : {};
  return search.search(query, { ...QUERY_OPTIONS, ...filter }).slice(0, limit).map((hit) => ({ id: String(hit.id), score: hit.score }));
}

const EXTRA_QUERIES = [
  "Grushkko peacekeeprs Zelenskyy",
  "troops troops troops Ukraine",
  "what is the",
  "",
  "30,000 soldiers 174 drones",
  "coalition of the willing Starmer Macron Kursk ceasefire negotiations",
];

describe("KeywordIndex on compact postings", () => {
  let seedArticles: Article[];
  let seeds: Corpus;
  let questions: string[];
  beforeAll(async () => {
    seedArticles = (await new FolderArticleSource(SEEDS_DIR).load()).articles;
    seeds = corpusOf(seedArticles);
    questions = [...readQuestionSet(DEV_SET).map((question) => question.question), ...EXTRA_QUERIES];
  });

  it("ranks and scores exactly as MiniSearch does, fuzzy terms and filters included", () => {
    const expected = miniSearchOf(seeds);
    const { index } = KeywordIndex.build(seeds.passages, seeds.titleOf);
    const oneArticle = new Set(seeds.passages.filter((passage) => passage.articleId === seeds.passages[0]?.articleId).map((passage) => passage.id));
    for (const question of questions) {
      expect(index.query(question, 30), question).toEqual(miniSearchHits(expected, question, 30));
      expect(index.query(question, 3, oneArticle), question).toEqual(miniSearchHits(expected, question, 3, oneArticle));
    }
  });

  it("agrees with MiniSearch on a large synthetic corpus full of ties", () => {
    const articles = generateSyntheticArticles(seedSentences(seedArticles), { paragraphs: 1500, seed: 7 }).map((article) =>
      parseArticle(article.id, article.fileName, article.text),
    );
    const corpus = corpusOf(articles);
    const expected = miniSearchOf(corpus);
    const { index } = KeywordIndex.build(corpus.passages, corpus.titleOf);
    for (const question of questions) expect(index.query(question, 30), question).toEqual(miniSearchHits(expected, question, 30));
  });

  it("stores postings as bytes and reads back the same index, rejecting a truncated file", () => {
    const { data } = KeywordIndex.build(seeds.passages, seeds.titleOf);
    const { meta, bytes } = encodePostings(data.postings, "LE");
    const decoded = decodePostings(meta, bytes, "LE");
    const reloaded = KeywordIndex.load({ ...data, postings: decoded }, seeds.passages.length);
    const original = KeywordIndex.load(data, seeds.passages.length);
    for (const question of questions) expect(reloaded.query(question, 10)).toEqual(original.query(question, 10));
    expect(() => decodePostings(meta, bytes.subarray(0, bytes.length - 4), "LE")).toThrow(/expected/);
    expect(() => decodePostings(meta, bytes, "BE")).toThrow(/written LE/);
  });
});

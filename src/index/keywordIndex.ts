import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import type { Passage } from "../types.js";
import { contentTerm, contentTerms, words } from "../text/terms.js";
import { Vocabulary } from "./vocabulary.js";
import { Bm25Postings, postingsFromMiniSearch, type MiniSearchJson, type PostingsData } from "./bm25Postings.js";

const FIELDS = ["text", "title"];
const processTerm = contentTerm;

/** How MiniSearch indexes passages; exported so tests can compare with MiniSearch itself. */
export const SEARCH_OPTIONS: Options = {
  fields: FIELDS,
  idField: "id",
  tokenize: (text: string) => words(text),
  processTerm,
};

/** A headline describes every passage under it, so it counts, but less than the passage. */
const TITLE_BOOST = 0.4;
const fuzzy = (term: string) => (term.length >= 6 ? 0.2 : false);

/** The MiniSearch search options that `KeywordIndex.query` reproduces. */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: "OR",
  boost: { text: 1, title: TITLE_BOOST },
  fuzzy,
  weights: { fuzzy: 0.5, prefix: 0.5 },
};

/** What is persisted beside the vectors: the BM25 index plus the corpus vocabulary. */
export interface KeywordIndexData {
  /** MiniSearch's index in typed arrays (see bm25Postings.ts). */
  postings: PostingsData;
  /** Stemmed content term → number of passages that contain it. */
  documentFrequency: Record<string, number>;
  /** Every word of every passage and title, unstemmed, for "is this name ever mentioned?". */
  vocabulary: string[];
}

export interface KeywordHit {
  id: string;
  score: number;
}

/**
 * BM25 keyword search over passages, built once at index time by MiniSearch and searched with
 * MiniSearch's scoring over a compact copy of its index; the vocabulary it was built with comes
 * with it.
 */
export class KeywordIndex extends Vocabulary {
  private constructor(
    private readonly postings: Bm25Postings,
    documentFrequency: Record<string, number>,
    passageCount: number,
    vocabulary: readonly string[],
  ) {
    super(documentFrequency, passageCount, vocabulary);
  }

  /** `titleOf` gives the headline a passage sits under; it is searched with a lower weight. */
  static build(passages: readonly Passage[], titleOf: (passage: Passage) => string): { index: KeywordIndex; data: KeywordIndexData } {
    const search = new MiniSearch(SEARCH_OPTIONS);
    search.addAll(passages.map((passage) => ({ id: passage.id, text: passage.text, title: titleOf(passage) })));
    const data: KeywordIndexData = {
      postings: postingsFromMiniSearch(search.toJSON() as unknown as MiniSearchJson, FIELDS),
      ...vocabularyData(passages, titleOf),
    };
    return { index: KeywordIndex.load(data, passages.length), data };
  }

  static load(data: KeywordIndexData, passageCount: number): KeywordIndex {
    return new KeywordIndex(new Bm25Postings(data.postings), data.documentFrequency, passageCount, data.vocabulary);
  }

  /** BM25 hits, best first, optionally only among `allowed` passage ids: MiniSearch's search with QUERY_OPTIONS. */
  query(text: string, limit: number, allowed?: ReadonlySet<string>): KeywordHit[] {
    return this.postings.search(queryTerms(text), { ...POSTINGS_QUERY, limit, allowed });
  }
}

/** The query's processed terms, one per occurrence, as the keyword search reads them. */
export function queryTerms(text: string): string[] {
  return words(text).flatMap((word) => processTerm(word) ?? []);
}

/** QUERY_OPTIONS as Bm25Postings takes them. */
export const POSTINGS_QUERY = { boosts: [1, TITLE_BOOST], fuzzy, fuzzyWeight: 0.5 } as const;

/** Document frequencies of the passages' stemmed terms and every word of passages and titles. */
function vocabularyData(passages: readonly Passage[], titleOf: (passage: Passage) => string): Omit<KeywordIndexData, "postings"> {
  const documentFrequency: Record<string, number> = {};
  const vocabulary = new Set<string>();
  for (const passage of passages) {
    for (const term of new Set(contentTerms(passage.text))) documentFrequency[term] = (documentFrequency[term] ?? 0) + 1;
    for (const word of words(passage.text)) vocabulary.add(word);
  }
  for (const passage of passages) for (const word of words(titleOf(passage))) vocabulary.add(word);
  return { documentFrequency, vocabulary: [...vocabulary].sort() };
}

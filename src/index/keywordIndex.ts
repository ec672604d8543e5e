import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import type { Passage } from "../types.js";
import { contentTerm, contentTerms, words } from "../text/terms.js";
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
 * MiniSearch's scoring over a compact copy of its index.
 */
export class KeywordIndex {
  private readonly vocabularySet: Set<string>;

  private constructor(
    private readonly postings: Bm25Postings,
    private readonly documentFrequency: Record<string, number>,
    readonly passageCount: number,
    /** Every word of every passage and title, unstemmed, sorted. */
    readonly vocabulary: readonly string[],
  ) {
    this.vocabularySet = new Set(vocabulary);
  }

  /** How many passages hold a stemmed term. */
  passagesWith(term: string): number {
    return this.documentFrequency[term] ?? 0;
  }

  /** Every stemmed term of the passages. */
  terms(): string[] {
    return Object.keys(this.documentFrequency);
  }

  /** `titleOf` gives the headline a passage sits under; it is searched with a lower weight. */
  static build(passages: readonly Passage[], titleOf: (passage: Passage) => string): { index: KeywordIndex; data: KeywordIndexData } {
    const search = new MiniSearch(SEARCH_OPTIONS);
    search.addAll(passages.map((passage) => ({ id: passage.id, text: passage.text, title: titleOf(passage) })));
    const documentFrequency: Record<string, number> = {};
    const vocabulary = new Set<string>();
    for (const passage of passages) {
      for (const term of new Set(contentTerms(passage.text))) documentFrequency[term] = (documentFrequency[term] ?? 0) + 1;
      for (const word of words(passage.text)) vocabulary.add(word);
    }
    for (const passage of passages) for (const word of words(titleOf(passage))) vocabulary.add(word);
    const data: KeywordIndexData = {
      postings: postingsFromMiniSearch(search.toJSON() as unknown as MiniSearchJson, FIELDS),
      documentFrequency,
      vocabulary: [...vocabulary].sort(),
    };
    return { index: KeywordIndex.load(data, passages.length), data };
  }

  static load(data: KeywordIndexData, passageCount: number): KeywordIndex {
    return new KeywordIndex(new Bm25Postings(data.postings), data.documentFrequency, passageCount, data.vocabulary);
  }

  /** BM25 hits, best first, optionally only among `allowed` passage ids: MiniSearch's search with QUERY_OPTIONS. */
  query(text: string, limit: number, allowed?: ReadonlySet<string>): KeywordHit[] {
    const terms = words(text).flatMap((word) => processTerm(word) ?? []);
    return this.postings.search(terms, { boosts: [1, TITLE_BOOST], fuzzy, fuzzyWeight: 0.5, limit, allowed });
  }

  /** Inverse document frequency of a stemmed term; unseen terms get the highest value. */
  idf(term: string): number {
    const df = this.documentFrequency[term] ?? 0;
    return Math.log(1 + (this.passageCount - df + 0.5) / (df + 0.5));
  }

  /** Whether a word (or a close spelling of it, such as Zelenskyy for Zelensky) appears anywhere. */
  mentions(word: string): boolean {
    return this.vocabularySet.has(word.toLowerCase()) || this.spellingsOf(word).length > 0;
  }

  /**
   * The articles' spellings of a word: itself when used, and words that share all but its last
   * two letters, within two letters of its length (Zelenskyy, Zelenskiy for Zelensky).
   */
  spellingsOf(word: string): string[] {
    const lower = word.toLowerCase();
    const found = this.vocabularySet.has(lower) ? [lower] : [];
    if (lower.length < 5) return found;
    const prefix = lower.slice(0, 5);
    // The vocabulary is sorted: the words sharing the prefix are one run of it.
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.vocabulary[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.vocabulary.length && (this.vocabulary[i] as string).startsWith(prefix); i++) {
      const known = this.vocabulary[i] as string;
      if (known !== lower && Math.abs(known.length - lower.length) <= 2 && sharedPrefix(known, lower) >= lower.length - 2) found.push(known);
    }
    return found;
  }
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

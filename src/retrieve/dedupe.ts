import type { Passage } from "../types.js";
import { passageReader, type PassageReader, type PassageSentence } from "./passageText.js";
import { words } from "../text/terms.js";

/** Sentences shorter than this are too generic ("he said.") to prove two passages the same. */
const MIN_SENTENCE_WORDS = 8;
/** Share of word trigrams two sentences must have in common to count as the same words. */
const SAME_SENTENCE = 0.6;
/** Share of a passage's substantial sentences another must repeat for the two to be one report. */
const MIN_CONTAINED = 0.6;

/** A word trigram: its words as text, or their ids. */
type Shingle = string | number;

function shingles(text: string): Set<string> {
  return tokenShingles(words(text));
}

function tokenShingles(tokens: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) result.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return result;
}

/**
 * Whether two shingle sets have a Jaccard similarity of at least `SAME_SENTENCE`: the smallest
 * shared count that reaches it is worked out first, so a pair stops as soon as it is settled.
 */
function sameSentence(a: Set<Shingle>, b: Set<Shingle>): boolean {
  const total = a.size + b.size;
  let needed = Math.max(0, Math.floor((SAME_SENTENCE * total) / (1 + SAME_SENTENCE)) - 1);
  while (needed < total && needed / (total - needed) < SAME_SENTENCE) needed++;
  if (needed > Math.min(a.size, b.size) || total === 0) return false;
  let shared = 0;
  let left = a.size;
  for (const item of a) {
    if (b.has(item) && ++shared >= needed) return true;
    if (shared + --left < needed) return false;
  }
  return false;
}

/**
 * True when one text repeats most of the other's words, allowing small edits (quote marks,
 * NATO/Nato, Kyiv/Kiev, a dropped word): the same quote, perhaps reported at different length.
 */
function sameWords(a: string, b: string): boolean {
  return sameShingles(shingles(a), shingles(b));
}

/** `sameWords` for many comparisons: each distinct text is tokenised once. */
export function cachedSameWords(): (a: string, b: string) => boolean {
  const cache = new Map<string, Set<string>>();
  const of = (text: string) => {
    let cached = cache.get(text);
    if (cached === undefined) cache.set(text, (cached = shingles(text)));
    return cached;
  };
  return (a, b) => sameShingles(of(a), of(b));
}

function sameShingles(left: Set<string>, right: Set<string>): boolean {
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  const smaller = Math.min(left.size, right.size);
  return smaller > 0 && shared / smaller >= MIN_CONTAINED;
}

/** Up to this word id, a trigram of ids is one exact number (3 × 17 bits < 2^53). */
const ID_LIMIT = 2 ** 17;

/** The word trigrams of a sentence, from its word ids: numbers while the ids are small enough. */
function idShingles({ wordIds: ids, from, to }: PassageSentence): Set<Shingle> {
  const result = new Set<Shingle>();
  for (let i = from; i + 2 < to; i++) {
    const [a, b, c] = [ids[i] as number, ids[i + 1] as number, ids[i + 2] as number];
    result.add(a < ID_LIMIT && b < ID_LIMIT && c < ID_LIMIT ? (a * ID_LIMIT + b) * ID_LIMIT + c : `${a} ${b} ${c}`);
  }
  return result;
}

function sentenceShingles(passage: Passage, read: PassageReader): Set<Shingle>[] {
  return read(passage)
    .sentences.filter((sentence) => sentence.wordCount >= MIN_SENTENCE_WORDS)
    .map(idShingles);
}

function shinglesReadBy(read: PassageReader): (passage: Passage) => Set<Shingle>[] {
  return (passage) => sentenceShingles(passage, read);
}

/** Whether `outer` repeats at least `MIN_CONTAINED` of `inner`'s substantial sentences, allowing small edits. */
function contains(inner: Set<Shingle>[], outer: Set<Shingle>[]): boolean {
  if (inner.length === 0) return false;
  let repeated = 0;
  let left = inner.length;
  for (const x of inner) {
    if (outer.some((y) => sameSentence(x, y))) repeated++;
    left--;
    if (repeated / inner.length >= MIN_CONTAINED) return true;
    if ((repeated + left) / inner.length < MIN_CONTAINED) return false;
  }
  return false;
}

/**
 * How two passages from different articles relate: "same" when one repeats most of the
 * other's substantial sentences (allowing Nato/NATO, other quote marks, a dropped word), with
 * `keepSecond` true when the second one is the fuller copy; null otherwise.
 */
export function compareReports(
  a: Passage,
  b: Passage,
  // Both passages' word ids must come from one reader to be comparable.
  shinglesOf = shinglesReadBy(passageReader()),
): { keepSecond: boolean } | null {
  if (a.articleId === b.articleId) return null;
  const left = shinglesOf(a);
  const right = shinglesOf(b);
  const aInB = contains(left, right);
  if (!aInB && !contains(right, left)) return null;
  return { keepSecond: aInB && b.text.length > a.text.length };
}

export interface MergeOptions {
  /**
   * Only the first `limit` results are made (exactly as without it); later candidates are only
   * checked against them.
   */
  limit?: number;
  /** Shares passage tokenising with the other steps of the same question. */
  read?: PassageReader;
}

/**
 * Folds near-duplicates into one result. Input is best first; a result keeps the rank of its
 * best copy and the text of its fullest copy, and lists the other copies, so one result can
 * cite every outlet that reported the same words. Passages that merely share a sentence but
 * say more besides stay separate, so nothing they add is hidden.
 */
export function mergeNearDuplicates<T extends { passage: Passage; duplicates: Passage[] }>(
  ranked: readonly T[],
  options: MergeOptions = {},
): T[] {
  const { limit = Number.POSITIVE_INFINITY, read = passageReader() } = options;
  // Shingles once per passage, not once per pair: pairs grow with the square of the candidates.
  const memo = new Map<Passage, Set<Shingle>[]>();
  const shinglesOf = (passage: Passage) => {
    let cached = memo.get(passage);
    if (cached === undefined) memo.set(passage, (cached = sentenceShingles(passage, read)));
    return cached;
  };
  const kept: T[] = [];
  for (const item of ranked) {
    let merged = false;
    for (const home of kept) {
      const relation = compareReports(home.passage, item.passage, shinglesOf);
      if (relation === null) continue;
      if (relation.keepSecond) {
        home.duplicates.push(home.passage);
        home.passage = item.passage;
      } else {
        home.duplicates.push(item.passage);
      }
      home.duplicates.push(...item.duplicates);
      merged = true;
      break;
    }
    // A result past the limit would never be returned, and results never change order, so
    // candidates that would join it can be left out without changing the first `limit`.
    if (!merged && kept.length < limit) kept.push({ ...item, duplicates: [...item.duplicates] });
  }
  return kept;
}

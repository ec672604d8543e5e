import { splitSentences } from "../ingest/sentences.js";
import type { Passage } from "../types.js";
import { words } from "./terms.js";

/** Sentences shorter than this are too generic ("he said.") to prove two passages the same. */
const MIN_SENTENCE_WORDS = 8;
/** Share of word trigrams two sentences must have in common to count as the same words. */
const SAME_SENTENCE = 0.6;
/** Share of a passage's substantial sentences another must repeat for the two to be one report. */
const MIN_CONTAINED = 0.6;

function shingles(text: string): Set<string> {
  return tokenShingles(words(text));
}

function tokenShingles(tokens: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) result.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return result;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * True when one text repeats most of the other's words, allowing small edits (quote marks,
 * NATO/Nato, Kyiv/Kiev, a dropped word): the same quote, perhaps reported at different length.
 */
export function sameWords(a: string, b: string): boolean {
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

function sentenceShingles(passage: Passage): Set<string>[] {
  return splitSentences(passage.text)
    .map((span) => words(passage.text.slice(span.start, span.end)))
    .filter((tokens) => tokens.length >= MIN_SENTENCE_WORDS)
    .map(tokenShingles);
}

/** Share of `inner`'s substantial sentences that `outer` repeats, allowing small edits. */
function containedShare(inner: Set<string>[], outer: Set<string>[]): number {
  if (inner.length === 0) return 0;
  // Jaccard never exceeds the ratio of the smaller set to the larger, so most pairs are ruled out cheaply.
  const canMatch = (x: Set<string>, y: Set<string>) => Math.min(x.size, y.size) / Math.max(x.size, y.size) >= SAME_SENTENCE;
  return inner.filter((x) => outer.some((y) => canMatch(x, y) && jaccard(x, y) >= SAME_SENTENCE)).length / inner.length;
}

/**
 * How two passages from different articles relate: "same" when one repeats most of the
 * other's substantial sentences (allowing Nato/NATO, other quote marks, a dropped word), with
 * `keepSecond` true when the second one is the fuller copy; null otherwise.
 */
export function compareReports(
  a: Passage,
  b: Passage,
  shinglesOf: (passage: Passage) => Set<string>[] = sentenceShingles,
): { keepSecond: boolean } | null {
  if (a.articleId === b.articleId) return null;
  const left = shinglesOf(a);
  const right = shinglesOf(b);
  const aInB = containedShare(left, right);
  const bInA = containedShare(right, left);
  if (Math.max(aInB, bInA) < MIN_CONTAINED) return null;
  return { keepSecond: aInB >= MIN_CONTAINED && b.text.length > a.text.length };
}

/**
 * Folds near-duplicates into one result. Input is best first; a result keeps the rank of its
 * best copy and the text of its fullest copy, and lists the other copies, so one result can
 * cite every outlet that reported the same words. Passages that merely share a sentence but
 * say more besides stay separate, so nothing they add is hidden. With `limit`, only the first
 * `limit` results are made (exactly as without it); later candidates are only checked against them.
 */
export function mergeNearDuplicates<T extends { passage: Passage; duplicates: Passage[] }>(
  ranked: readonly T[],
  limit = Number.POSITIVE_INFINITY,
): T[] {
  // Shingles once per passage, not once per pair: pairs grow with the square of the candidates.
  const memo = new Map<Passage, Set<string>[]>();
  const shinglesOf = (passage: Passage) => {
    let cached = memo.get(passage);
    if (cached === undefined) memo.set(passage, (cached = sentenceShingles(passage)));
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

import type { RetrievedPassage } from "../types.js";

/** "What is the latest on…", "the most recent report": the question wants the newest article first. */
const ASKS_FOR_LATEST = /\b(?:latest|most recent|newest|most up[- ]to[- ]date)\b/i;
/** Passages scoring at least this share of the best are relevant enough to reorder by date. */
const RELEVANT_SHARE = 0.8;

/**
 * For a question asking for the latest news, the relevant passages from dated articles in order
 * of publication, newest first, each taking a place a dated passage held: undated passages keep
 * their places, and passages well below the best are not moved ahead. Other questions keep the
 * retrieval order.
 */
export function newestFirst(question: string, ranked: readonly RetrievedPassage[], publishedOf: (articleId: string) => string | null): RetrievedPassage[] {
  if (!ASKS_FOR_LATEST.test(question) || ranked.length < 2) return [...ranked];
  const best = ranked[0]?.score ?? 0;
  const slots = ranked.flatMap((item, index) => (item.score >= best * RELEVANT_SHARE && publishedOf(item.passage.articleId) !== null ? [index] : []));
  if (slots.length < 2) return [...ranked];
  const dated = slots.map((index) => ranked[index] as RetrievedPassage);
  // Newest first; the same date keeps retrieval order (the sort is stable).
  dated.sort((a, b) => Date.parse(publishedOf(b.passage.articleId) as string) - Date.parse(publishedOf(a.passage.articleId) as string));
  const result = [...ranked];
  slots.forEach((slot, index) => (result[slot] = dated[index] as RetrievedPassage));
  return result;
}

import type { Passage } from "../types.js";

// Built once per loaded index: a speaker quoted thousands of times, or a question checking
// every candidate's article, must not scan every passage each time.
const grouped = new WeakMap<readonly Passage[], ReadonlyMap<string, readonly Passage[]>>();

/** An index's passages grouped by article, each article's in index (file) order. */
export function passagesByArticle(passages: readonly Passage[]): ReadonlyMap<string, readonly Passage[]> {
  let byArticle = grouped.get(passages);
  if (byArticle === undefined) {
    const groups = new Map<string, Passage[]>();
    for (const passage of passages) {
      const list = groups.get(passage.articleId);
      if (list) list.push(passage);
      else groups.set(passage.articleId, [passage]);
    }
    grouped.set(passages, (byArticle = groups));
  }
  return byArticle;
}

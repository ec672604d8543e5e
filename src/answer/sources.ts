import type { ArticleDescription, Citation, Passage, RetrievedPassage, SourceRef } from "../types.js";

/** Looks up what a source list shows of an article section: title, outlet, date and url. */
export type ArticleLookup = (articleId: string, section: number) => ArticleDescription;

/** A passage as a source: its article described, and its text at `[start, end)` of the file. */
export function sourceRef(passage: Passage, lookup: ArticleLookup): SourceRef {
  const article = lookup(passage.articleId, passage.section);
  return {
    articleId: passage.articleId,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    url: article.url,
    text: passage.text,
    start: passage.start,
    end: passage.end,
  };
}

/** A retrieved passage as citation `n`, with the other articles that reported the same words. */
export function citationOf(item: RetrievedPassage, n: number, lookup: ArticleLookup): Citation {
  return {
    n,
    ...sourceRef(item.passage, lookup),
    score: Number(item.score.toFixed(6)),
    cited: false,
    alsoReportedBy: item.duplicates.map((duplicate) => sourceRef(duplicate, lookup)),
  };
}

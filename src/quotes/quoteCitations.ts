import type { Citation, Passage, SourceRef } from "../types.js";

/** An answer's citations, numbered in the order first cited, one per passage. */
export class CitationList {
  readonly items: Citation[] = [];

  constructor(private readonly cite: (passage: Passage) => SourceRef) {}

  get length(): number {
    return this.items.length;
  }

  /** The score of the last citation, if any. */
  lastScore(): number | undefined {
    return this.items[this.items.length - 1]?.score;
  }

  has(passage: Passage): boolean {
    return this.items.some((citation) => citation.articleId === passage.articleId && citation.start === passage.start);
  }

  /** The passage's citation, numbered next (with `score`) when it is not cited yet. */
  citationFor(passage: Passage, score: number): Citation {
    let citation = this.items.find((existing) => existing.articleId === passage.articleId && existing.start === passage.start);
    if (!citation) {
      citation = { n: this.items.length + 1, ...this.cite(passage), score: Number(score.toFixed(6)), cited: false, alsoReportedBy: [] };
      this.items.push(citation);
    }
    return citation;
  }
}

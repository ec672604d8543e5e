import { describe, expect, it } from "vitest";
import { newestFirst } from "../../src/retrieve/newest.js";
import type { RetrievedPassage } from "../../src/types.js";

const item = (articleId: string, score: number): RetrievedPassage => ({
  passage: { id: `${articleId}#0`, articleId, section: 0, start: 0, end: 1, text: "x" },
  score,
  denseScore: score,
  keywordScore: 0,
  duplicates: [],
});
const dates: Record<string, string | null> = { old: "2025-01-05", mid: "2025-02-10", new: "2025-03-17", undated: null, far: "2025-03-30" };
const order = (question: string, ranked: RetrievedPassage[]) => newestFirst(question, ranked, (id) => dates[id] ?? null).map((entry) => entry.passage.articleId);

describe("newestFirst", () => {
  const ranked = [item("old", 1), item("undated", 0.95), item("mid", 0.9), item("new", 0.85), item("far", 0.3)];

  it("puts the newest relevant article first for a question about the latest news, undated ones in place", () => {
    expect(order("What is the latest on the harbour tax?", ranked)).toEqual(["new", "undated", "mid", "old", "far"]);
    expect(order("what's the most recent report on the bridge", ranked)).toEqual(["new", "undated", "mid", "old", "far"]);
  });

  it("leaves other questions, and a passage far below the best, where retrieval put them", () => {
    expect(order("What did the mayor say about the harbour tax?", ranked)).toEqual(["old", "undated", "mid", "new", "far"]);
    // "far" is the newest article, but only 0.3 of the best score: not relevant enough to lead.
    expect(order("latest harbour tax news", ranked)[0]).toBe("new");
  });
});

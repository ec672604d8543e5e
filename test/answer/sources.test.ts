import { describe, expect, it } from "vitest";
import { citationOf, sourceRef, type ArticleLookup } from "../../src/answer/sources.js";
import type { Passage } from "../../src/types.js";

const passage = (articleId: string, section: number): Passage => ({ id: `${articleId}#${section}`, articleId, section, start: 10, end: 20, text: "ten chars." });
const lookup: ArticleLookup = (articleId, section) => ({ title: `${articleId} part ${section}`, outlet: "Paper", published: null, url: null });

describe("sources", () => {
  it("describes a passage's article section, with its text and offsets, in the order answers print them", () => {
    const ref = sourceRef(passage("a", 2), lookup);
    expect(ref).toEqual({ articleId: "a", title: "a part 2", outlet: "Paper", published: null, url: null, text: "ten chars.", start: 10, end: 20 });
    expect(Object.keys(ref)).toEqual(["articleId", "title", "outlet", "published", "url", "text", "start", "end"]);
  });

  it("numbers a retrieved passage as a citation, with the other articles that reported it", () => {
    const retrieved = { passage: passage("a", 0), score: 0.1234567891, denseScore: 0, keywordScore: 0, duplicates: [passage("b", 1)] };
    expect(citationOf(retrieved, 3, lookup)).toMatchObject({ n: 3, articleId: "a", score: 0.123457, cited: false, alsoReportedBy: [{ articleId: "b", title: "b part 1" }] });
  });
});

import { describe, expect, it } from "vitest";
import { citeWhatIsUsed, combinedConfidence, combineParts, type PartAnswer } from "../../src/answer/combine.js";
import type { Citation } from "../../src/types.js";

const citation = (n: number, articleId: string, start: number): Citation => ({
  n, articleId, start, end: start + 10, text: `passage ${articleId}@${start}`, title: "T", outlet: null, published: null, url: null,
  score: 1 / n, cited: false, alsoReportedBy: [],
});

describe("citeWhatIsUsed", () => {
  it("puts the quoted passages first, in the order quoted, and renumbers the markers", () => {
    const { text, citations } = citeWhatIsUsed("B says so [3]. A agrees [1].", [citation(1, "a", 0), citation(2, "b", 0), citation(3, "c", 0)], 5);
    expect(text).toBe("B says so [1]. A agrees [2].");
    expect(citations.map((c) => [c.n, c.articleId, c.cited])).toEqual([[1, "c", true], [2, "a", true], [3, "b", false]]);
  });

  it("keeps every quoted passage but no more others than the limit allows", () => {
    const all = [citation(1, "a", 0), citation(2, "b", 0), citation(3, "c", 0), citation(4, "d", 0)];
    expect(citeWhatIsUsed("x [4] y [3]", all, 3).citations.map((c) => c.articleId)).toEqual(["d", "c", "a"]);
    expect(citeWhatIsUsed("x [4] y [3] z [2]", all, 2).citations.map((c) => c.articleId)).toEqual(["d", "c", "b"]);
  });
});

describe("combineParts", () => {
  const high = (question: string, text: string, citations: Citation[]): PartAnswer => ({ question, confidence: "high", text, citations });

  it("answers each part in turn with one numbering, citing a passage both parts use once", () => {
    const answer = combineParts("Q1, and Q2?", [
      high("Q1", "One [1]", [citation(1, "a", 0), citation(2, "b", 5)]),
      high("Q2", "Two [1] and [2]", [citation(1, "b", 5), citation(2, "c", 0)]),
    ], 5);
    expect(answer.confidence).toBe("high");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe("One [1] Two [2] and [3]");
    expect(answer.citations.map((c) => [c.n, c.articleId, c.cited])).toEqual([[1, "a", true], [2, "b", true], [3, "c", true]]);
  });

  it("quotes a sentence two parts share once, and says so when a low part has nothing new", () => {
    const both = combineParts("Q1, and Q2?", [
      high("Q1", "Russia lost many. [1] Ukraine lost many. [2]", [citation(1, "a", 0), citation(2, "a", 50)]),
      high("Q2", "Ukraine lost many. [1] Aid came too. [2]", [citation(1, "a", 50), citation(2, "b", 0)]),
    ], 5);
    expect(both.answer).toBe("Russia lost many. [1] Ukraine lost many. [2] Aid came too. [3]");
    const unsure = combineParts("Q1, and Q2?", [
      high("Q1", "Russia lost many. [1]", [citation(1, "a", 0)]),
      { question: "Q2", confidence: "low", doubt: "none of them gives that figure", text: "Russia lost many. [1]", citations: [citation(1, "a", 0)] },
    ], 5);
    expect(unsure.answer).toBe("Russia lost many. [1] Not sure the articles answer “Q2” (none of them gives that figure).");
  });

  it("says which part the articles do not answer, and is low overall", () => {
    const answer = combineParts("Q1, and what did X say?", [
      high("Q1", "One [1]", [citation(1, "a", 0)]),
      { question: "what did X say", confidence: "none", text: "The articles do not mention X.", citations: [] },
    ], 5);
    expect(answer.confidence).toBe("low");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe("One [1] The articles do not answer “what did X say”.");
  });

  it("opens a low single answer with one plain sentence saying why", () => {
    const answer = combineParts("Q?", [{ question: "Q?", confidence: "low", doubt: "none of them gives that figure", text: "Closest [1]", citations: [citation(1, "a", 0)] }], 5, "Q read");
    expect(answer.answer).toBe("The articles may not answer this exactly: none of them gives that figure. Closest passages: Closest [1]");
    expect(answer.correctedQuestion).toBe("Q read");
    expect(answer.citations).toHaveLength(1);
  });

  it("cites nothing when nothing is relevant", () => {
    const none: PartAnswer = { question: "Q", confidence: "none", text: "The articles do not mention X.", citations: [citation(1, "a", 0)] };
    expect(combineParts("Q", [none], 5)).toMatchObject({ confidence: "none", answered: false, citations: [] });
    expect(combinedConfidence([none, none])).toBe("none");
  });

  it("quotes once the sentences that answer two parts alike", () => {
    const citation = { n: 1, cited: false, articleId: "a", title: "t", outlet: null, published: null, url: null, text: "500 residents lost power.", start: 0, end: 25, score: 1, alsoReportedBy: [] };
    const part = (question: string) => ({ question, confidence: "high" as const, text: "500 residents lost power. [1]", citations: [citation] });
    const answer = combineParts("How many were hurt, and how many lost power?", [part("How many were hurt"), part("how many lost power")], 5);
    expect(answer.answer).toBe("500 residents lost power. [1]");
  });

  it("quotes a sentence once where one part quotes it alone and another among more of its passage's sentences", () => {
    const passage = citation(1, "a", 0);
    const longer = "‘We will be talking about land. We will be talking about power plants,’ he said. [1]";
    const shorter = "We will be talking about power plants,’ he said. [1]";
    const after = combineParts("Q1, and Q2?", [high("Q1", longer, [passage]), high("Q2", `${shorter} It is the Zaporizhzhia plant. [2]`, [passage, citation(2, "b", 0)])], 5);
    expect(after.answer).toBe(`${longer} It is the Zaporizhzhia plant. [2]`);
    const before = combineParts("Q1, and Q2?", [high("Q1", "The freeze is temporary. [1]", [passage]), high("Q2", "“Peace,” he said. The freeze is temporary. [1]", [passage])], 5);
    expect(before.answer).toBe("The freeze is temporary. [1] “Peace,” he said. [1]");
    // the same words from another passage are another source, quoted again
    const other = combineParts("Q1, and Q2?", [high("Q1", "The freeze is temporary. [1]", [passage]), high("Q2", "The freeze is temporary. [1]", [citation(1, "b", 0)])], 5);
    expect(other.answer).toBe("The freeze is temporary. [1] The freeze is temporary. [2]");
  });
});

import { describe, expect, it } from "vitest";
import { answerJson, formatAnswer } from "../../src/cli/format.js";
import type { Answer, Citation } from "../../src/types.js";

const citation = (n: number, cited: boolean, text: string): Citation => ({
  n, cited, text, articleId: `00${n}_abc`, title: `Title ${n}`, outlet: n === 1 ? "The Independent" : null, published: null, url: null,
  start: 0, end: text.length, score: 1 / n, alsoReportedBy: [],
});

const low: Answer = {
  question: "wat did grushco say",
  correctedQuestion: "what did grushko say",
  answered: false,
  confidence: "low",
  answer: "The articles may not answer this exactly: none of them says “label”. Closest passages: Quoted words. [1]",
  citations: [citation(1, true, "Quoted words."), citation(2, false, "Another passage.")],
};

describe("formatAnswer", () => {
  it("shows how the question was read, the answer, its sources and then the other passages apart", () => {
    const text = formatAnswer(low);
    expect(text.split("\n")[0]).toBe("(Read as: “what did grushko say”)");
    const sources = text.indexOf("Sources:");
    const more = text.indexOf("More passages:");
    expect(sources).toBeGreaterThan(text.indexOf("Closest passages: Quoted words. [1]"));
    expect(more).toBeGreaterThan(sources);
    expect(text.slice(sources, more)).toContain("[1] Title 1 — The Independent (article 001_abc)");
    expect(text.slice(more)).toContain("[2] Title 2 (article 002_abc)");
    expect(text.slice(more)).toContain("“Another passage.”");
  });

  it("has no read-as line or empty source headings when there is nothing to show", () => {
    const none: Answer = { question: "q", answered: false, confidence: "none", answer: "The articles do not mention X.", citations: [] };
    expect(formatAnswer(none)).toBe("The articles do not mention X.");
  });
});

describe("answerJson", () => {
  it("carries the confidence, the corrected question and whether each citation is quoted", () => {
    const json = answerJson(low) as Record<string, unknown> & { citations: Array<Record<string, unknown>> };
    expect(json).toMatchObject({ question: "wat did grushco say", correctedQuestion: "what did grushko say", answered: false, confidence: "low" });
    expect(json.citations.map((entry) => entry.cited)).toEqual([true, false]);
    expect(Object.keys(answerJson({ ...low, correctedQuestion: undefined } as unknown as Answer))).not.toContain("correctedQuestion");
  });
});

import { describe, expect, it } from "vitest";
import {
  answerFromQuotes,
  citeRetrieved,
  groupSameWords,
  joinRuns,
  MAX_GROUPED_QUOTES,
  MIN_QUOTE_RELEVANCE,
  quoteParts,
  type QuoteAnswerContext,
} from "../../src/quotes/answerFromQuotes.js";
import { CitationList } from "../../src/quotes/quoteCitations.js";
import type { Speaker } from "../../src/ingest/quotes/speakers.js";
import type { RetrievedPassage } from "../../src/types.js";
import { cite, located, passage, quoteIn } from "./quoteSteps.js";

const NATO = "We will never accept NATO troops in Ukraine under any flag";
const mirror = passage("a", 0, `‘${NATO},’ he said.`);
const telegraph = passage("b", 0, `‘We will never accept NATO troops in Ukraine,’ he said.`);
const times = passage("c", 0, `"We will never accept Nato troops in Ukraine under any flag!" he said.`);
const grain = passage("d", 0, "‘The grain deal is finished and will not come back,’ he said.");
const sanctions = passage("e", 0, "‘Sanctions have failed to change anything at all,’ he said.");

describe("CitationList", () => {
  it("numbers passages in the order first cited, once each, scores to six decimals", () => {
    const citations = new CitationList(cite);
    expect(citations.lastScore()).toBeUndefined();
    const first = citations.citationFor(mirror, 0.123456789);
    expect(first).toEqual({ n: 1, ...cite(mirror), score: 0.123457, cited: false, alsoReportedBy: [] });
    expect(citations.citationFor(grain, 0.1).n).toBe(2);
    expect(citations.citationFor({ ...mirror, id: "another copy" }, 0.9)).toBe(first);
    expect(citations.has(grain)).toBe(true);
    expect(citations.has(sanctions)).toBe(false);
    expect(citations.length).toBe(2);
    expect(citations.lastScore()).toBe(0.1);
  });
});

describe("groupSameWords", () => {
  it("groups the same words from several articles, most relevant first", () => {
    const items = [located(telegraph, "We will never accept NATO troops in Ukraine", 0.5), located(grain, "The grain deal is finished and will not come back", 0.7), located(mirror, NATO, 0.9)];
    const groups = groupSameWords(items);
    expect(groups.map((group) => group.map((item) => item.passage.articleId))).toEqual([["a", "b"], ["d"]]);
  });

  it("never groups two quotes of one article", () => {
    const again = passage("a", 500, `He repeated: ‘${NATO}.’`);
    const groups = groupSameWords([located(mirror, NATO, 0.9), located(again, NATO, 0.8)]);
    expect(groups).toHaveLength(2);
  });

  it(`groups only the ${MAX_GROUPED_QUOTES} most relevant quotes`, () => {
    const many = Array.from({ length: MAX_GROUPED_QUOTES + 50 }, (_, i) => {
      const text = `Statement number ${i} said something`;
      return located(passage("a", i * 100, text), text, i / 1000);
    });
    const groups = groupSameWords(many);
    expect(groups).toHaveLength(MAX_GROUPED_QUOTES);
    expect(Math.min(...groups.flat().map((item) => item.relevance))).toBe(50 / 1000);
  });
});

describe("quoteParts", () => {
  const limits = { k: 5, maxAnswerChars: 1000, cite };

  it("shows a group's fullest copy once, cites it with the group's best relevance and lists the other outlets", () => {
    const group = [located(telegraph, "We will never accept NATO troops in Ukraine", 0.9, 0.4), located(mirror, NATO, 0.6, 0.8), located(times, "We will never accept Nato troops in Ukraine under any flag", 0.5, 0.3)];
    const citations = new CitationList(cite);
    const { parts, topicShare } = quoteParts([group], citations, limits);
    expect(parts).toEqual([{ n: 1, text: NATO }]);
    expect(topicShare).toBe(0.8);
    const [citation] = citations.items;
    expect(citation).toMatchObject({ articleId: "a", score: 0.9 });
    // Only a change of words is shown as a wording; capitals and punctuation are not.
    expect(citation?.alsoReportedBy).toEqual([cite(times), { ...cite(telegraph), wording: "We will never accept NATO troops in Ukraine" }]);
  });

  it(`shows the first group however weak, and later ones only from ${MIN_QUOTE_RELEVANCE} relevance`, () => {
    const weak = [[located(grain, "The grain deal is finished and will not come back", MIN_QUOTE_RELEVANCE / 2)], [located(sanctions, "Sanctions have failed to change anything at all", MIN_QUOTE_RELEVANCE / 2)]];
    expect(quoteParts(weak, new CitationList(cite), limits).parts.map((part) => part.n)).toEqual([1]);
    const strong = [weak[0]!, [located(sanctions, "Sanctions have failed to change anything at all", MIN_QUOTE_RELEVANCE)]];
    expect(quoteParts(strong, new CitationList(cite), limits).parts.map((part) => part.n)).toEqual([1, 2]);
  });

  it("stops adding sentences past maxAnswerChars and passages past k", () => {
    const groups = [[located(grain, "The grain deal is finished and will not come back", 0.9)], [located(sanctions, "Sanctions have failed to change anything at all", 0.8)]];
    expect(quoteParts(groups, new CitationList(cite), { ...limits, maxAnswerChars: 60 }).parts).toHaveLength(1);
    const sameGrainPassage = [located(grain, "will not come back", 0.7)];
    const byK = quoteParts([...groups, sameGrainPassage], new CitationList(cite), { ...limits, k: 1 });
    expect(byK.parts).toEqual([
      { n: 1, text: "The grain deal is finished and will not come back" },
      { n: 1, text: "will not come back" },
    ]);
  });

  it("shows the same sentences once", () => {
    const first = located(grain, "The grain deal is finished and will not come back", 0.9);
    const second = { ...located(grain, "The grain deal is finished", 0.8), sentences: first.sentences };
    expect(quoteParts([[first], [second]], new CitationList(cite), limits).parts).toHaveLength(1);
  });
});

describe("citeRetrieved", () => {
  const retrieved = (from: typeof grain, score: number, duplicates = [] as (typeof grain)[]): RetrievedPassage => ({ passage: from, score, denseScore: score, keywordScore: 0, duplicates });

  it("cites retrieved passages after the quotes up to k, scored no higher than the one before", () => {
    const citations = new CitationList(cite);
    citations.citationFor(mirror, 0.5);
    citeRetrieved([retrieved(grain, 0.9), retrieved(mirror, 0.8), retrieved(sanctions, 0.3, [times]), retrieved(telegraph, 0.2)], citations, 3, cite);
    expect(citations.items.map((citation) => [citation.articleId, citation.score])).toEqual([["a", 0.5], ["d", 0.5], ["e", 0.3]]);
    expect(citations.items[2]?.alsoReportedBy).toEqual([cite(times)]);
  });
});

describe("joinRuns", () => {
  it("joins neighbouring parts with one citation into one run", () => {
    const parts = [{ n: 1, text: "A." }, { n: 1, text: "B." }, { n: 2, text: "C." }, { n: 1, text: "D." }];
    expect(joinRuns(parts)).toEqual([{ n: 1, text: "A. B." }, { n: 2, text: "C." }, { n: 1, text: "D." }]);
    expect(parts[0]).toEqual({ n: 1, text: "A." });
  });
});

describe("answerFromQuotes", () => {
  const speaker: Speaker = { id: "person:x", name: "X", kind: "person", variants: [], roles: [], organisations: [], quoteCount: 2, articleIds: ["d"] };
  const context: QuoteAnswerContext = { passages: [grain, sanctions], cite, idf: () => 1, k: 5, retrieved: [], maxAnswerChars: 1000 };

  it(`answers nothing when no quote of the speakers reaches ${MIN_QUOTE_RELEVANCE} relevance`, () => {
    const reported = quoteIn(grain, "The grain deal is finished and will not come back", "person:x", "reported");
    expect(answerFromQuotes("What did X say about tanks?", "tanks", [speaker], [reported], context)).toBeNull();
    expect(answerFromQuotes("What did X say about tanks?", "tanks", [{ ...speaker, id: "person:y" }], [reported], context)).toBeNull();
  });

  it("answers with the speakers' words in their sentences, each followed by its citation", () => {
    const quotes = [quoteIn(grain, "The grain deal is finished and will not come back"), quoteIn(sanctions, "Sanctions have failed to change anything at all", "person:x", "reported")];
    const answer = answerFromQuotes("What did X say about the grain deal?", "the grain deal", [speaker], quotes, context);
    expect(answer).toMatchObject({
      question: "What did X say about the grain deal?",
      answered: true,
      confidence: "high",
      answer: "‘The grain deal is finished and will not come back,’ he said. [1]",
      topicShare: 1,
    });
    expect(answer?.citations.map((citation) => citation.articleId)).toEqual(["d"]);
  });

  it("leads with the words that liken when asked what the speaker compared something to", () => {
    const pause = passage("f", 0, "‘The pause of aid is already having an impact on the front,’ he said.");
    const mule = passage("g", 0, "‘The best way I can describe it is sort of like hitting a mule,’ he said.");
    const quotes = [quoteIn(pause, "The pause of aid is already having an impact on the front"), quoteIn(mule, "The best way I can describe it is sort of like hitting a mule")];
    const withBoth = { ...context, passages: [pause, mule] };
    const first = (question: string) => answerFromQuotes(question, "the aid pause", [speaker], quotes, withBoth)?.answer.split(" [")[0];
    expect(first("What did X compare the aid pause to?")).toBe("‘The best way I can describe it is sort of like hitting a mule,’ he said.");
    expect(first("What did X say about the aid pause?")).toBe("‘The pause of aid is already having an impact on the front,’ he said.");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeAnswer, leavesQuoteOpen } from "../../src/answer/compose.js";
import type { Passage, RetrievedPassage } from "../../src/types.js";
import { createEngineFixture, type EngineFixture } from "../support/engineFixture.js";

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await createEngineFixture();
});
afterAll(async () => {
  await fixture.cleanup();
});

/** Every [n] in the answer must point at a citation, and every sentence must be in it verbatim. */
function expectGrounded(answer: Awaited<ReturnType<EngineFixture["engine"]["ask"]>>) {
  const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  expect(markers.length).toBeGreaterThan(0);
  for (const n of markers) expect(answer.citations.some((citation) => citation.n === n)).toBe(true);
  const pieces = answer.answer.split(/\s*\[\d+\]\s*/).filter((piece) => piece !== "");
  pieces.forEach((piece, index) => {
    const cited = answer.citations.find((citation) => citation.n === markers[index]);
    const flat = cited?.text.replace(/\s+/g, " ");
    expect(flat).toContain(piece);
  });
}

describe("composeAnswer", () => {
  it("quotes the speaker with the quote that continues after the sentence naming him", async () => {
    const answer = await fixture.engine.ask("What did Grushko say?");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("We absolutely do not care under what label");
    expect(answer.answer).toContain("In any case, if they appear there");
    expectGrounded(answer);
  });

  it("cites the same words once, listing the other outlet that reported them", async () => {
    const answer = await fixture.engine.ask("What did Grushko say?");
    const grushko = answer.citations.filter((citation) => citation.text.includes("In any case, if they appear there"));
    expect(grushko).toHaveLength(1);
    expect(grushko[0]?.alsoReportedBy.map((other) => other.articleId)).toHaveLength(1);
  });

  it("answers who said a quote with the sentence naming the speaker, then the quote", async () => {
    const answer = await fixture.engine.ask("Who said British troops would stay in Ukraine forever if they go in?");
    expect(answer.confidence).toBe("high");
    expect(answer.answer).toMatch(/^Russian state media commentator Vladimir Kornilov said British troops sent to Ukraine faced death\. .*stay in Ukraine forever/);
    expectGrounded(answer);
  });

  it("prefers the sentence holding a number for a how-many question", async () => {
    const answer = await fixture.engine.ask("How many North Korean troops are fighting alongside Russia in Kursk?");
    expect(answer.answer).toMatch(/11,000/);
    expectGrounded(answer);
  });

  it("orders citations by relevance and numbers them from 1", async () => {
    const answer = await fixture.engine.ask("What did Medvedev say about NATO peacekeepers?", { k: 4 });
    expect(answer.citations.map((citation) => citation.n)).toEqual([1, 2, 3, 4]);
    const scores = answer.citations.map((citation) => citation.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("cites no passage and answers nothing when no sentence matches", () => {
    const passage: Passage = { id: "p", articleId: "a", section: 0, start: 0, end: 10, text: "Unrelated." };
    const retrieved: RetrievedPassage[] = [{ passage, score: 1, denseScore: 1, keywordScore: 0, duplicates: [] }];
    const answer = composeAnswer("What about bread?", retrieved, {
      idf: () => 1,
      article: () => ({ title: "t", outlet: null, published: null, url: null }),
      maxQuotedPassages: 3,
      maxAnswerChars: 700,
    });
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBe("");
  });
});

describe("the passage an answer leads with", () => {
  const options = (about: (passage: Passage) => boolean) => ({
    idf: () => 1,
    article: () => ({ title: "t", outlet: null, published: null, url: null }),
    maxQuotedPassages: 3,
    maxAnswerChars: 700,
    type: "quantity" as const,
    holdsAnswer: (sentence: string) => /\d/.test(sentence) && sentence.includes("hurt"),
    onSubject: about,
  });
  const passage = (id: string, text: string): RetrievedPassage => ({
    passage: { id, articleId: id, section: 0, start: 0, end: text.length, text },
    score: 1,
    denseScore: 1,
    keywordScore: 0,
    duplicates: [],
  });

  it("is one about the question's names when none holds the asked-for kind of answer", () => {
    const elsewhere = passage("kyiv", "People were hurt in Kyiv as the strike hit power lines.");
    const odesa = passage("odesa", "The strike on Odesa left homes without power.");
    const answer = composeAnswer("In the Odesa strike, how many people were hurt?", [elsewhere, odesa], options((item) => item.id === "odesa"));
    expect(answer.lead?.index).toBe(1);
    expect(answer.lead?.onSubject).toBe(true);
    // With no passage about the names, retrieval order and words decide, as before.
    expect(composeAnswer("In the Odesa strike, how many people were hurt?", [elsewhere, odesa], options(() => false)).lead?.index).toBe(0);
  });

  it("takes a sum given in the sentence after the one about the question's subject, but not a count", () => {
    const deal = passage("deal", "Britain’s agreement with Anduril will see drones supplied to Kyiv. The new contracts total nearly £30m, officials said.");
    const sum = composeAnswer("How much is Britain's deal with Anduril worth?", [deal], { ...options(() => true), holdsAnswer: (sentence: string) => /£\d/.test(sentence) });
    expect(sum.lead?.typed).toBe(true);
    expect(sum.lead?.text).toContain("Britain’s agreement with Anduril");
    expect(sum.lead?.text).toContain("£30m");
    const troops = passage("troops", "Only the UK and France have confirmed they will send troops. The force could be as high as 30,000.");
    const count = composeAnswer("How many troops is France sending?", [troops], { ...options(() => true), holdsAnswer: (sentence: string) => /\d/.test(sentence) });
    expect(count.lead?.text).toBe("Only the UK and France have confirmed they will send troops.");
    expect(count.lead?.typed).toBe(false);
  });

  it("leads a 'which company' answer with a sentence naming one only if it covers a fair share of what the best covers", () => {
    const firm = passage("firm", "Britain has signed a deal with a security firm supplying Ukraine with attack drones.");
    const odesa = passage("odesa", "Kiper said drones hit Odesa.");
    const names = { ...options(() => true), type: "name" as const, holdsAnswer: (sentence: string) => /\b(?:Kiper|Odesa|Anduril)\b/.test(sentence) };
    const question = "Which company is supplying Ukraine with attack drones?";
    expect(composeAnswer(question, [firm, odesa], names).lead?.text).toBe("Britain has signed a deal with a security firm supplying Ukraine with attack drones.");
    // one that names it and covers the question as well leads
    const anduril = passage("anduril", "Anduril is supplying Ukraine with attack drones.");
    expect(composeAnswer(question, [firm, anduril], names).lead?.text).toBe("Anduril is supplying Ukraine with attack drones.");
    // a count keeps the number first, however little else it covers
    const count = { ...options(() => true), holdsAnswer: (sentence: string) => /\d/.test(sentence) };
    const hurt = passage("hurt", "5 were hurt.");
    const strike = passage("strike", "The strike on the Odesa port hit power lines and homes across the region.");
    expect(composeAnswer("How many people were hurt in the strike on the Odesa port across the region?", [strike, hurt], count).lead?.text).toBe("5 were hurt.");
  });

  it("reads a sentence opening with “He” as naming whom the sentences before it name", () => {
    const hegseth = passage(
      "pentagon",
      "Mr Hegseth meanwhile dismissed the accusations. “The press is interested in narratives,” he said. He also reiterated that the arms freeze is temporary.",
    );
    const answer = composeAnswer("What did Hegseth say about the arms freeze?", [hegseth], { ...options(() => true), type: "quote", holdsAnswer: () => true });
    expect(answer.lead?.text).toBe("He also reiterated that the arms freeze is temporary.");
    expect(answer.lead?.carried).toBe("Hegseth");
  });
});

describe("abstaining", () => {
  it("says plainly that the articles do not mention a person they never name", async () => {
    const answer = await fixture.engine.ask("What did Angela Merkel say about the peacekeeping plan?");
    expect(answer).toMatchObject({ answered: false, citations: [] });
    expect(answer.answer).toContain("do not mention Angela Merkel");
    expect(answer.answer).toContain("indexed articles cover");
  });

  it("abstains on an off-topic question with no names", async () => {
    const answer = await fixture.engine.ask("how do i bake sourdough bread at home?");
    expect(answer.answered).toBe(false);
  });
});

describe("leavesQuoteOpen", () => {
  it("treats a curly apostrophe between letters as an apostrophe, not a closing quote", () => {
    expect(leavesQuoteOpen("‘What’s the big deal, Sir Starmer?")).toBe(true);
    expect(leavesQuoteOpen("‘We will go,’ he said.")).toBe(false);
    expect(leavesQuoteOpen("He said: “Russia didn’t ask.")).toBe(true);
    expect(leavesQuoteOpen("No quote at all.")).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSubject, surnameKey } from "../../src/ingest/quotes/names.js";
import { matchSpeakers, parseSpeakerQuestion } from "../../src/quotes/speakerQuestion.js";
import { createEngineFixture, type EngineFixture } from "../support/engineFixture.js";

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await createEngineFixture();
});
afterAll(async () => {
  await fixture.cleanup();
});

describe("reading speakers", () => {
  it("separates a name from the role printed before it", () => {
    expect(readSubject("Kremlin spokesman Dmitry Peskov")).toEqual({ kind: "named", name: "Dmitry Peskov", role: "kremlin spokesman" });
    expect(readSubject("Danish Foreign Minister Lars Lokke Rasmussen")).toEqual({ kind: "named", name: "Lars Lokke Rasmussen", role: "danish foreign minister" });
    expect(readSubject("he")).toEqual({ kind: "pronoun" });
    expect(readSubject("a Western official")).toEqual({ kind: "anonymous", description: "a western official" });
    expect(readSubject("the International Fund for Ukraine")).toBeNull();
  });

  it("merges transliterations of one surname", () => {
    expect(new Set(["Zelensky", "Zelenskyy", "Zelenskiy"].map(surnameKey)).size).toBe(1);
    expect(surnameKey("Peskov")).not.toBe(surnameKey("Putin"));
  });
});

describe("who-said-what questions", () => {
  it("finds who is asked about and the topic", () => {
    expect(parseSpeakerQuestion("What did Medvedev say about NATO peacekeepers in Ukraine?")).toEqual({ who: "Medvedev", topic: "NATO peacekeepers in Ukraine" });
    expect(parseSpeakerQuestion("How did Moscow react?")).toEqual({ who: "Moscow", topic: "" });
    expect(parseSpeakerQuestion("What was the Kremlin's response to the plan?")).toEqual({ who: "the Kremlin", topic: "the plan" });
    expect(parseSpeakerQuestion("How many drones were shot down?")).toBeNull();
    // "call" here is a phone call, and what comes before it is a clause, not a speaker.
    expect(parseSpeakerQuestion("What did Putin and Trump actually agree on during their Tuesday phone call?")).toBeNull();
    expect(parseSpeakerQuestion("What did Russia's deputy foreign minister Alexander Grushko say?")?.who).toBe("Russia's deputy foreign minister Alexander Grushko");
    expect(parseSpeakerQuestion("What did Putin agree to on his Tuesday call with Trump?")).toBeNull();
    expect(parseSpeakerQuestion("What was the outcome of Trump's Tuesday phone call with Putin?")).toBeNull();
    // a yes-or-no question about someone's response asks for their words
    expect(parseSpeakerQuestion("Did Putin himself respond to Medvedev's 'war with NATO' post?")).toEqual({ who: "Putin", topic: "Medvedev's 'war with NATO' post" });
    expect(parseSpeakerQuestion("did starmer ever respond to medvedev calling him a scumbag")).toEqual({ who: "starmer", topic: "medvedev calling him a scumbag" });
    expect(parseSpeakerQuestion("What did Putin's spokesman call the plan?")).toEqual({ who: "Putin's spokesman", topic: "the plan" });
    expect(parseSpeakerQuestion("What did Medvedev call Macron?")?.who).toBe("Medvedev");
    // words said, put another way
    expect(parseSpeakerQuestion("What did the prime minister's spokesman point out about North Korean troops?")).toEqual({ who: "the prime minister's spokesman", topic: "North Korean troops" });
    expect(parseSpeakerQuestion("What did Starmer stress about the plan?")).toEqual({ who: "Starmer", topic: "the plan" });
    expect(parseSpeakerQuestion("did zelensky say anything back about medvedev calling macron micron")).toEqual({ who: "zelensky", topic: "medvedev calling macron micron" });
    // a lead-in before a colon sets the scene; "liken" asks for the words compared with
    expect(parseSpeakerQuestion("Compare Healey and Hegseth: what did Healey say he was fixed on")).toEqual({ who: "Healey", topic: "he was fixed on" });
    expect(parseSpeakerQuestion("What did Kellogg liken the aid pause to?")).toEqual({ who: "Kellogg", topic: "the aid pause" });
    expect(parseSpeakerQuestion("what did kellogg compare the us aid pause to lol")).toEqual({ who: "kellogg", topic: "the us aid pause" });
    // "how does X compare with Y" compares figures: no one's words
    expect(parseSpeakerQuestion("How does the size of Starmer's force compare with what Zelenskyy has asked for?")).toBeNull();
  });

  it("matches speakers by name variant, by role and by institution", () => {
    const speakers = fixture.engine.speakers();
    expect(matchSpeakers("Zelenskyy", speakers).map((speaker) => speaker.name)).toEqual(["Volodymyr Zelensky"]);
    expect(matchSpeakers("Sir Keir", speakers)[0]?.name).toBe("Keir Starmer");
    expect(matchSpeakers("Russia's deputy foreign minister", speakers).map((speaker) => speaker.name)).toEqual(["Alexander Grushko"]);
    expect(matchSpeakers("Downing Street", speakers).map((speaker) => speaker.name)).toEqual(["the prime minister spokesman"]);
    expect(matchSpeakers("the Kremlin", speakers).map((speaker) => speaker.name)).toContain("Dmitry Peskov");
    expect(matchSpeakers("Angela Merkel", speakers)).toEqual([]);
  });

  it("keeps anonymous sources anonymous and apart", () => {
    const anonymous = fixture.engine.speakers().filter((speaker) => speaker.kind === "anonymous");
    expect(anonymous.map((speaker) => speaker.name).sort()).toEqual(["a source", "a uk source", "a western official"]);
  });
});

describe("answering from the quote index", () => {
  it("answers a role question with that person's quotes across articles, each outlet cited once", async () => {
    const answer = await fixture.engine.ask("What did Russia's deputy foreign minister say?");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("We absolutely do not care under what label");
    const first = answer.citations[0]!;
    expect(first.alsoReportedBy.map((other) => other.articleId)).toEqual(["003_c0678c1811952286"]);
    // Only spelling and punctuation differ between the two outlets, so no wording is shown.
    expect(first.alsoReportedBy[0]?.wording).toBeUndefined();
    const mentions = answer.answer.match(/We absolutely do not care/g) ?? [];
    expect(mentions).toHaveLength(1);
  });

  it("answers an institution question from the people who speak for it", async () => {
    const answer = await fixture.engine.ask("What did Downing Street say about North Korean troops?");
    expect(answer.answer).toContain("Russia didn’t ask Ukraine when it deployed North Korean troops");
    expect(answer.citations[0]?.articleId).toBe("003_c0678c1811952286");
  });

  it("shows the other outlet's wording when it really differs", async () => {
    const answer = await fixture.engine.ask("What did Medvedev say about NATO peacekeepers?");
    const withWording = answer.citations.flatMap((citation) => citation.alsoReportedBy).filter((other) => other.wording);
    expect(withWording.length).toBeGreaterThan(0);
    expect(withWording[0]?.wording).toMatch(/Time and again/);
  });
});

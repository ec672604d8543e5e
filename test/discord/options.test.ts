import { describe, expect, it } from "vitest";
import { parseButtonId, passagesButtonId, voteButtonId } from "../../src/discord/customIds.js";
import { checkAskInput, claimFrom, outletChoices } from "../../src/discord/options.js";

const OUTLETS = ["Daily Mail", "Mail on Sunday", "RT", "The Guardian"];

describe("checkAskInput", () => {
  it("GIVEN a question and an outlet in any case THEN returns the trimmed question and the outlet as indexed", () => {
    expect(checkAskInput("  What did Grushko say? ", "daily mail", OUTLETS)).toEqual({ question: "What did Grushko say?", options: { outlet: "Daily Mail" } });
    expect(checkAskInput("Why?", null, OUTLETS)).toEqual({ question: "Why?", options: {} });
    expect(checkAskInput("Why?", "  ", OUTLETS)).toEqual({ question: "Why?", options: {} });
  });

  it("GIVEN an empty or over-long question THEN throws the engine's stable codes", () => {
    expect(() => checkAskInput("   ", null, OUTLETS)).toThrow(expect.objectContaining({ code: "QUESTION_EMPTY" }));
    expect(() => checkAskInput("x".repeat(501), null, OUTLETS)).toThrow(expect.objectContaining({ code: "QUESTION_TOO_LONG" }));
  });

  it("GIVEN a question of nothing but invisible characters THEN it is empty; GIVEN them inside words THEN they are dropped", () => {
    const invisible = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e\u200e\u200f\u202a\u202e\u2061\u2064\u2066\u2069\u115f\u3164\uffa0\u2800\ufe0f\u{e0020}";
    for (const question of [invisible, ` ${invisible} \u00a0\u3000 `, "\u200b"]) {
      expect(() => checkAskInput(question, null, OUTLETS)).toThrow(expect.objectContaining({ code: "QUESTION_EMPTY" }));
    }
    expect(checkAskInput("What did Gru\u200bshko\u2060 say?\ufeff", null, OUTLETS).question).toBe("What did Grushko say?");
    expect(claimFrom(`<@123456789012345678> ${invisible}`)).toBe("");
  });

  it("GIVEN an unknown outlet THEN names the known ones, or says there are none", () => {
    expect(() => checkAskInput("Why?", "Daily Nowhere", OUTLETS)).toThrow(expect.objectContaining({ code: "UNKNOWN_OUTLET", message: expect.stringContaining("Daily Mail, Mail on Sunday, RT, The Guardian") }));
    expect(() => checkAskInput("Why?", "RT", [])).toThrow(/leave the outlet option out/);
  });
});

describe("outletChoices", () => {
  it("offers outlets containing what was typed, those starting with it first, at most 25", () => {
    expect(outletChoices(OUTLETS, "mail").map((choice) => choice.name)).toEqual(["Mail on Sunday", "Daily Mail"]);
    expect(outletChoices(OUTLETS, "")).toHaveLength(4);
    expect(outletChoices(Array.from({ length: 40 }, (_, i) => `Outlet ${i}`), "out")).toHaveLength(25);
  });
});

describe("claimFrom", () => {
  it("drops mentions and extra space, and cuts a long message at a sentence within the question limit", () => {
    expect(claimFrom("<@123456789012345678>   Grushko said  it <#123456789012345678>")).toBe("Grushko said it");
    const long = `${"First sentence is here. ".repeat(15)}${"word ".repeat(200)}`;
    const claim = claimFrom(long);
    expect(claim.length).toBeLessThanOrEqual(500);
    expect(claim.endsWith("is here.")).toBe(true);
    expect(claimFrom("word ".repeat(200)).length).toBeLessThanOrEqual(500);
  });
});

describe("button ids", () => {
  it("round-trip, and ids the bot did not make are ignored", () => {
    expect(parseButtonId(passagesButtonId("Ab_9-x"))).toEqual({ kind: "passages", key: "Ab_9-x" });
    expect(parseButtonId(voteButtonId("unhelpful", "k1"))).toEqual({ kind: "vote", vote: "unhelpful", key: "k1" });
    expect(parseButtonId("vote:maybe:k1")).toBeNull();
    expect(parseButtonId("someone-else's-button")).toBeNull();
  });
});

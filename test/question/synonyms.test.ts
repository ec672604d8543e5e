import { describe, expect, it } from "vitest";
import { phraseSynonymsOf, synonymsOf } from "../../src/question/synonyms.js";

describe("synonymsOf", () => {
  it("gives the plain equivalents news reports use for one another", () => {
    expect(synonymsOf("country")).toEqual(["nation"]);
    expect(synonymsOf("occupy")).toEqual(["hold", "control"]);
    expect(synonymsOf("pause")).toEqual(["suspension", "freeze", "halt"]);
    // "bringing back the draft" is bringing back conscription; "vanish" is "disappear"; "financial backing" is aid
    expect(synonymsOf("draft")).toContain("conscription");
    expect(synonymsOf("vanish")).toContain("disappear");
    expect(synonymsOf("backing")).toContain("aid");
    expect(synonymsOf("outskirts")).toEqual(["suburb"]);
    expect(synonymsOf("purchase")).toContain("buy");
    expect(synonymsOf("insider")).toEqual(["source"]);
    expect(synonymsOf("mandatory")).toEqual(["compulsory"]);
    // being against something is opposing it
    expect(synonymsOf("against")).toContain("opposition");
  });

  it("finds them for any form of the word", () => {
    expect(synonymsOf("occupied")).toEqual(["hold", "control"]);
    expect(synonymsOf("controlled")).toEqual(["hold", "occupy"]);
    expect(synonymsOf("controlling")).toEqual(["hold", "occupy"]);
  });

  it("gives nothing for a word without equivalents", () => {
    expect(synonymsOf("peacekeeper")).toEqual([]);
    expect(synonymsOf("played")).toEqual([]);
  });
});

describe("phraseSynonymsOf", () => {
  it("gives a word other words only in the phrase that makes them equivalent", () => {
    expect(phraseSynonymsOf("how many people in odesa lost power", "lost")).toEqual(["left"]);
    expect(phraseSynonymsOf("how many people in odesa lost power", "power")).toEqual(["electricity"]);
    expect(phraseSynonymsOf("how many troops have they lost", "lost")).toEqual([]);
    expect(phraseSynonymsOf("which world power backs the plan", "power")).toEqual([]);
  });
});

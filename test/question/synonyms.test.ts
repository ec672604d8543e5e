import { describe, expect, it } from "vitest";
import { commonWordIdiomOf, phraseSynonymsOf, synonymsOf } from "../../src/question/synonyms.js";

describe("synonymsOf", () => {
  it("gives the plain equivalents news reports use for one another", () => {
    expect(synonymsOf("country")).toEqual(["nation"]);
    expect(synonymsOf("company")).toEqual(["firm"]);
    expect(synonymsOf("push")).toEqual(["incursion", "offensive"]);
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
    // mattering is being important or key; an opinion is a view
    expect(synonymsOf("matters")).toContain("key");
    expect(synonymsOf("important")).toContain("key");
    expect(synonymsOf("opinion")).toEqual(["view"]);
    expect(synonymsOf("atomic")).toEqual(["nuclear"]);
    expect(synonymsOf("annoy")).toContain("upset");
    expect(synonymsOf("seaside")).toEqual(["resort"]);
    // when something falls: "the timing of the call" is "the date for the talks", a day marked is commemorated
    expect(synonymsOf("timing")).toEqual(["date", "scheduling"]);
    expect(synonymsOf("scheduling")).toContain("date");
    expect(synonymsOf("commemoration")).toContain("mark");
    expect(synonymsOf("marks")).toContain("anniversary");
    expect(synonymsOf("unhappy")).toContain("upset");
  });

  it("gives a question's wider word the articles' narrower one, not the other way round", () => {
    // "the day chosen for the call" is its date; a sentence's "30-day ceasefire" does not answer "the date of the call"
    expect(synonymsOf("day")).toEqual(["date"]);
    expect(synonymsOf("date")).not.toContain("day");
    expect(synonymsOf("send")).toEqual(["launch"]);
    expect(synonymsOf("sending")).toEqual(["launch"]);
    expect(synonymsOf("launched")).toEqual([]);
    expect(synonymsOf("buying")).toEqual(expect.arrayContaining(["agreement", "deal", "contract"]));
    expect(synonymsOf("contract")).not.toContain("buy");
    // "splitting up holdings" is "dividing up certain assets"; an asset is no "holding" of talks
    expect(synonymsOf("splitting")).toEqual(["divide"]);
    expect(synonymsOf("holdings")).toEqual(["asset"]);
    expect(synonymsOf("asset")).toEqual([]);
    // a peace settlement is the deal; what someone sought they "called for"
    expect(synonymsOf("settlement")).toContain("deal");
    expect(synonymsOf("seek")).toEqual(["call"]);
    expect(synonymsOf("call")).toEqual([]);
    // troops "stationed" are put or based somewhere; "the fighting" is the front line
    expect(synonymsOf("stationed")).toEqual(["put", "base"]);
    expect(synonymsOf("fighting")).toEqual(["front"]);
    expect(synonymsOf("front")).toEqual([]);
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
    // a call between leaders is the talks the articles date; "call" alone is a name given ("what did trump call him")
    expect(phraseSynonymsOf("why might the timing of the trump-putin phone call annoy kyiv", "phone")).toEqual(["talks"]);
    expect(phraseSynonymsOf("what anniversary falls on the day of their phone conversation", "conversation")).toEqual(["talks"]);
    expect(phraseSynonymsOf("what did trump call zelensky", "call")).toEqual([]);
  });

  it("gives the words of an idiom the plain words for it, with its object between them", () => {
    const question = "Why might the timing of the call rub Kyiv the wrong way?";
    expect(phraseSynonymsOf(question, "rub")).toContain("upset");
    expect(phraseSynonymsOf(question, "wrong")).toContain("upset");
    expect(phraseSynonymsOf("how did no 10 hit back over the objections", "hit")).toContain("respond");
    // The key words out of reach, out of order or missing: no idiom.
    expect(phraseSynonymsOf("did they rub salt in the wound", "rub")).not.toContain("upset");
    expect(phraseSynonymsOf("which way is wrong, and who will rub it out", "rub")).not.toContain("upset");
    expect(phraseSynonymsOf("did russia hit the port", "hit")).toEqual([]);
    // a safety net is a backstop; pointing out is saying
    expect(phraseSynonymsOf("would the US act as the safety net", "safety")).toContain("backstop");
    expect(phraseSynonymsOf("what did the spokesman point out", "point")).toContain("said");
    expect(phraseSynonymsOf("how many countries does no 10 expect to be part of the coalition", "part")).toContain("sign");
    expect(phraseSynonymsOf("which body of water are the drones meant to defend", "water")).toEqual(["sea"]);
    expect(phraseSynonymsOf("which town has the air base ukraine struck", "base")).toEqual(["airfield"]);
    expect(phraseSynonymsOf("what is the base of the plan", "base")).toEqual([]);
    expect(phraseSynonymsOf("where are the top brass getting together on thursday", "brass")).toContain("chief");
    expect(phraseSynonymsOf("where are the top brass getting together on thursday", "together")).toContain("meet");
    expect(phraseSynonymsOf("which area next door to kursk might moscow go after next", "door")).toContain("border");
    expect(phraseSynonymsOf("who was the russian number two diplomat", "two")).toContain("deputy");
    expect(phraseSynonymsOf("any force would have to come without weapons", "weapon")).toEqual(["unarmed"]);
  });
});

describe("commonWordIdiomOf", () => {
  it("gives an idiom of common words, opened by this word, the plain words for it", () => {
    expect(commonWordIdiomOf("what did putin promise them if they gave themselves up", "gave")).toContain("surrender");
    expect(commonWordIdiomOf("would they give in", "give")).toContain("surrender");
    // not another word of the question, nor the word without the rest of the idiom
    expect(commonWordIdiomOf("what did putin promise them if they gave themselves up", "they")).toEqual([]);
    expect(commonWordIdiomOf("what did putin give them", "give")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { rewriteChat } from "../../src/question/chat.js";

describe("rewriteChat", () => {
  it("drops greetings and polite openers before the question", () => {
    expect(rewriteChat("Hi! What did Peskov say?").text).toBe("What did Peskov say?");
    expect(rewriteChat("hey bot, quick one: which power plant was it?").text).toBe("which power plant was it?");
    expect(rewriteChat("Can you tell me how long the ceasefire would last?").text).toBe("how long the ceasefire would last?");
    expect(rewriteChat("Thanks! And how many troops?").text).toBe("how many troops?");
  });

  it("spells out chat abbreviations and drops filler words", () => {
    const rewritten = rewriteChat("wat did medvedv say abt macron n starmer lol");
    expect(rewritten.text).toBe("what did medvedv say about macron and starmer");
    expect(rewritten.changed).toBe(true);
    expect(rewriteChat("hw many troops r fighting acc to ukr govt").text).toBe("how many troops are fighting according to Ukraine government");
    // "acc" alone is "actually"; before "to" it is "according"
    expect(rewriteChat("how many troops did zelensky acc want").text).toBe("how many troops did zelensky actually want");
    expect(rewriteChat("wat happened overnite on russian tv").text).toBe("what happened overnight on russian television");
    expect(rewriteChat("wen does medvedev say macron is gonna disappear").text).toBe("when does medvedev say macron is going to disappear");
    expect(rewriteChat("wats the name of the drone company").text).toBe("what is the name of the drone company");
    expect(rewriteChat("wat did no10 say").text).toBe("what did No 10 say");
  });

  it("drops a yes-or-no tag that ends a question, but not the words it ends with", () => {
    expect(rewriteChat("did denmark say theyd send ppl or nah").text).toBe("did denmark say theyd send people");
    expect(rewriteChat("the talks are on tuesday, right?").text).toBe("the talks are on tuesday?");
    expect(rewriteChat("which ally was right?").text).toBe("which ally was right?");
    expect(rewriteChat("is the ceasefire holding or not").text).toBe("is the ceasefire holding");
  });

  it("reads 2 and 4 as words only between words, never before a counted plural", () => {
    expect(rewriteChat("is starmer tryna send 2 ukraine").text).toBe("is starmer trying to send to ukraine");
    expect(rewriteChat("troops fighting 4 russia").text).toBe("troops fighting for russia");
    expect(rewriteChat("did they shoot down 2 drones").text).toBe("did they shoot down 2 drones");
    expect(rewriteChat("2 drones hit").text).toBe("2 drones hit");
  });

  it("reads 'pm' after a number as a time of day, elsewhere as the prime minister", () => {
    expect(rewriteChat("is the call at 4 pm").text).toBe("is the call at 4 pm");
    expect(rewriteChat("wat did the pm say").text).toBe("what did the prime minister say");
  });

  it("reads 'n'/'s' before Korea as North/South, elsewhere 'n' as and", () => {
    expect(rewriteChat("how many n korean troops r there").text).toBe("how many North korean troops are there");
    expect(rewriteChat("did s korea say anything").text).toBe("did South korea say anything");
    expect(rewriteChat("macron n starmer").text).toBe("macron and starmer");
    expect(rewriteChat("whos the odessa guvnor").text).toBe("who is the odessa governor");
  });

  it("writes thousands out and reads ex- as former", () => {
    expect(rewriteChat("did starmer offer 30k troops").text).toBe("did starmer offer 30,000 troops");
    expect(rewriteChat("What did Russia's ex-leader say?").text).toBe("What did Russia's former leader say?");
  });

  it("leaves a proper question alone and keeps a message made only of filler", () => {
    expect(rewriteChat("What did Grushko say?")).toEqual({ text: "What did Grushko say?", changed: false });
    expect(rewriteChat("hi!").text).toBe("hi!");
    expect(rewriteChat("lol")).toEqual({ text: "lol", changed: false });
  });
});

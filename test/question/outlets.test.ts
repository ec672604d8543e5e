import { describe, expect, it } from "vitest";
import { NEWS_OUTLETS, outletsNamedIn, outletWords } from "../../src/question/outlets.js";

describe("outletsNamedIn", () => {
  it("finds an outlet by its whole name, with or without 'the'", () => {
    const outlets = ["Evening Paper", "The Independent", "RT"];
    expect(outletsNamedIn("What did the evening paper report?", outlets)).toEqual(["Evening Paper"]);
    expect(outletsNamedIn("How do RT and the Independent each quote Lavrov?", outlets)).toEqual(["The Independent", "RT"]);
    // a word of a name is not the name; nor is a name inside a longer word
    expect(outletsNamedIn("Was the evening quiet?", outlets)).toEqual([]);
    expect(outletsNamedIn("What did the art critic say?", outlets)).toEqual([]);
    // a one-word name is a name only with its capital, and of two letters or more
    expect(outletsNamedIn("Was the sun up when the drones came?", ["The Sun"])).toEqual([]);
    expect(outletsNamedIn("What did the Sun report?", ["The Sun"])).toEqual(["The Sun"]);
    expect(outletsNamedIn("What did I miss about Kursk?", ["The i"])).toEqual([]);
    expect(outletsNamedIn("what did rt say", ["RT"])).toEqual([]);
  });
});

describe("outletWords", () => {
  it("gives the words of outlets' names without 'the'", () => {
    const words = outletWords(NEWS_OUTLETS);
    for (const word of ["lbc", "independent", "reuters", "rt"]) expect(words.has(word)).toBe(true);
    expect(words.has("the")).toBe(false);
  });
});

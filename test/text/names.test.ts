import { describe, expect, it } from "vitest";
import { isCapitalised, namesWithin, properNounsIn } from "../../src/text/names.js";

describe("isCapitalised", () => {
  it("reads the first letter, in any alphabet", () => {
    expect(isCapitalised("Peskov")).toBe(true);
    expect(isCapitalised("Élysée")).toBe(true);
    expect(isCapitalised("peskov")).toBe(false);
    expect(isCapitalised("")).toBe(false);
  });
});

describe("properNounsIn", () => {
  it("keeps words capitalised inside a sentence and never written in lower case", () => {
    const names = properNounsIn(["troops left Kursk on Monday, Peskov's aide said. Troops would return.", "in the Kursk region"]);
    expect([...names].sort()).toEqual(["kursk", "monday", "peskov"]);
  });

  it("drops a word the texts also write in lower case", () => {
    expect(properNounsIn(["the Bank said", "a bank"]).has("bank")).toBe(false);
  });
});

describe("namesWithin", () => {
  it("gives the capitalised words past the sentence's start and past an opening quotation", () => {
    expect(namesWithin("Mr Hegseth meanwhile dismissed as “garbage” accusations that Washington had taken a stance.")).toEqual(["Hegseth", "Washington"]);
    expect(namesWithin("“The press is interested in narratives.")).toEqual([]);
    expect(namesWithin("Our president is interested in peace,” he said.")).toEqual([]);
  });
});

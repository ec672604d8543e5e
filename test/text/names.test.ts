import { describe, expect, it } from "vitest";
import { isCapitalised, properNounsIn } from "../../src/text/names.js";

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

import { describe, expect, it } from "vitest";
import { editDistance, SpellingCorrector } from "../../src/question/spelling.js";

const corrector = (words: Record<string, number>, english: string[] = []) =>
  new SpellingCorrector({ frequencies: new Map(Object.entries(words)), isKnownWord: (word) => english.includes(word) });

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours as one edit each", () => {
    expect(editDistance("medvedv", "medvedev", 2)).toBe(1);
    expect(editDistance("norht", "north", 2)).toBe(1);
    expect(editDistance("grushco", "grushko", 2)).toBe(1);
    expect(editDistance("kellog", "kellogg", 2)).toBe(1);
    expect(editDistance("abc", "abc", 2)).toBe(0);
  });

  it("stops counting past the limit", () => {
    expect(editDistance("merkel", "market", 1)).toBe(2);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("SpellingCorrector", () => {
  const words = { medvedev: 30, grushko: 12, kellogg: 3, north: 9, market: 2, troops: 40, troop: 5, nations: 6 };

  it("corrects a word the articles do not use to the closest one they do", () => {
    const speller = corrector(words);
    expect(speller.correct("medvedv")).toBe("medvedev");
    expect(speller.correct("Grushco")).toBe("grushko");
    expect(speller.correct("norht")).toBe("north");
  });

  it("never rewrites a word the articles use, nor an English word they do not", () => {
    const speller = corrector(words, ["china", "rain"]);
    expect(speller.correct("troop")).toBeNull();
    expect(speller.correct("market")).toBeNull();
    expect(speller.correct("china")).toBeNull();
    expect(speller.correct("rain")).toBeNull();
  });

  it("allows one edit to words under seven letters and none under four", () => {
    const speller = corrector({ merkel: 1, ...words });
    expect(speller.correct("merkle")).toBe("merkel");
    expect(speller.correct("mrkt")).toBeNull();
    expect(speller.correct("nto")).toBeNull();
  });

  it("prefers the more common word among equally close ones", () => {
    expect(corrector({ troops: 40, troupe: 1 }).correct("troups")).toBe("troops");
  });

  it("leaves numbers and words with digits alone", () => {
    expect(corrector(words).correct("2x4")).toBeNull();
  });
});

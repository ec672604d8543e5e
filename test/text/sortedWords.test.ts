import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { SortedWordList } from "../../src/text/sortedWords.js";

describe("SortedWordList", () => {
  it("finds exactly the words a Set of the parsed list holds", () => {
    const file = createRequire(import.meta.url).resolve("an-array-of-english-words");
    const text = readFileSync(file, "utf8");
    const words = JSON.parse(text) as string[];
    const set = new Set(words);
    const list = new SortedWordList(text);
    for (let i = 0; i < words.length; i += 97) expect(list.has(words[i] as string), words[i]).toBe(true);
    expect(list.has(words[0] as string)).toBe(true);
    expect(list.has(words[words.length - 1] as string)).toBe(true);
    // Near misses on both sides of real words, and words before the first and after the last.
    const probes = words.filter((_, i) => i % 501 === 0).flatMap((word) => [`${word}q`, word.slice(0, -1), `${word}s`, `a${word}`]);
    for (const probe of [...probes, "", "0", "zzzzzz", "Zelensky", "grushko"]) expect(list.has(probe), probe).toBe(set.has(probe));
  });

  it("works on a short list and refuses text that is no array", () => {
    const list = new SortedWordList('["apple","banana","cherry"]\n');
    expect(["apple", "banana", "cherry"].map((word) => list.has(word))).toEqual([true, true, true]);
    expect(["", "a", "apples", "bananas", "cherr", "date"].some((word) => list.has(word))).toBe(false);
    expect(() => new SortedWordList("not json")).toThrow(/JSON array/);
  });
});

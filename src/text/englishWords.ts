import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { SortedWordList } from "./sortedWords.js";

let englishWords: SortedWordList | undefined;

/** Whether a lower-case word is in the `an-array-of-english-words` list (read on first use). */
export function isEnglishWord(word: string): boolean {
  englishWords ??= new SortedWordList(readFileSync(createRequire(import.meta.url).resolve("an-array-of-english-words"), "utf8"));
  return englishWords.has(word);
}

/**
 * Shortest first and second part a run-together word is split into: "sharing" and "with" in
 * "sharingwith", not "pay" in "paywalls", nor "euro" in "european" (which the list lacks).
 */
const [MIN_FIRST, MIN_SECOND] = [5, 4];
/** Shortest and longest run-together word looked at (a run of letters longer than two long words is no such slip). */
const [MIN_GLUED, MAX_GLUED] = [MIN_FIRST + MIN_SECOND, 30];
/** Splits remembered; more are worked out again. */
const MAX_REMEMBERED = 50_000;
const remembered = new Map<string, readonly string[]>();

/**
 * The words a lower-case run-together word is made of, when it is no English word but is two
 * ("sharingwith" is "sharing" and "with"): a space lost when the article was copied. Every
 * way of reading it counts ("troopskilled": "troops killed" and "troop skilled"); empty when
 * it is a word, or no two words.
 */
export function gluedParts(word: string): readonly string[] {
  if (word.length < MIN_GLUED || word.length > MAX_GLUED || !/^[a-z]+$/.test(word)) return [];
  let parts = remembered.get(word);
  if (parts !== undefined) return parts;
  const found: string[] = [];
  if (!isEnglishWord(word)) {
    for (let at = MIN_FIRST; at <= word.length - MIN_SECOND; at++) {
      const [first, second] = [word.slice(0, at), word.slice(at)];
      if (isEnglishWord(first) && isEnglishWord(second)) found.push(first, second);
    }
  }
  parts = found;
  if (remembered.size < MAX_REMEMBERED) remembered.set(word, parts);
  return parts;
}

/** Tokenising shared by the keyword index, answer composition and the abstention check. */

import { gluedParts } from "./englishWords.js";

const STOPWORDS = new Set(
  (
    "a an the and or but if then than so of to in on at by for from with without about into onto over under " +
    "as is are was were be been being am do does did doing done has have had having will would shall should can could " +
    "may might must not no nor this that these those it its it's he him his she her they them their theirs we us our " +
    "you your i me my mine what which who whom whose when where why how all any both each few more most other some such " +
    "only own same too very just also there here up down out off again further once s t don now say says said tell told " +
    "ask asked give gave get got make made much many one else"
  ).split(" "),
);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Length of the letter or digit (one or two UTF-16 units) at `i`, or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const pair = text.slice(i, i + 2);
    return LETTER_OR_DIGIT.test(pair) ? 2 : 0;
  }
  return LETTER_OR_DIGIT.test(text[i] ?? "") ? 1 : 0;
}

const [DOT, COMMA, APOSTROPHE, HYPHEN] = [46, 44, 39, 45];

/**
 * Lower-cased words and numbers ("30,000" stays one token, "US" reads as "u.s"), possessives
 * removed: the runs of letters and digits, joined by one `.`, `,`, `'` or `-` between two of them. A hand-written
 * scan rather than a Unicode regular expression: it tokenises every candidate passage of every
 * question and runs about four times faster.
 */
export function words(text: string): string[] {
  // "US" the country is not "us" the stopword: it reads as "u.s", as "U.S." does.
  const country = text.includes("US") ? text.replace(/\bUS\b/g, "U.S") : text;
  const typed = country.normalize("NFKC");
  const normalised = typed.toLowerCase().replace(/[’‘`]/g, "'");
  // Where lower-casing kept every offset, whether a word was typed in lower case (names are not split apart).
  const sameOffsets = typed.length === normalised.length;
  const tokens: string[] = [];
  let i = 0;
  while (i < normalised.length) {
    const first = wordCharAt(normalised, i);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    let comma = false;
    let hyphen = false;
    for (let step = first; step > 0; step = wordCharAt(normalised, i)) {
      i += step;
      const next = normalised.charCodeAt(i);
      if ((next === DOT || next === COMMA || next === APOSTROPHE || next === HYPHEN) && wordCharAt(normalised, i + 1) > 0) {
        comma ||= next === COMMA;
        hyphen ||= next === HYPHEN;
        i++;
      }
    }
    let token = normalised.slice(start, i);
    if (token.endsWith("'s")) token = token.slice(0, -2);
    if (comma) token = token.replace(/,(?=\d{3}\b)/g, "");
    tokens.push(token);
    // Hyphenated compounds ("pro-russia", "200,000-troops") count as their parts too.
    if (hyphen) for (const part of token.split("-")) tokens.push(part);
    // So do words run together where a space was lost ("troopskilled"), when typed in lower case.
    else if (sameOffsets && typed.charCodeAt(start) === token.charCodeAt(0)) for (const part of gluedParts(token)) tokens.push(part);
  }
  return tokens;
}

/** A light plural stemmer (S-stemmer): "troops" → "troop", "countries" → "country". */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** The content term of one word (stemmed), or null for a stopword. */
export function contentTerm(word: string): string | null {
  return isStopword(word) ? null : stem(word);
}

/** Content terms of a text: stemmed words without stopwords. */
export function contentTerms(text: string): string[] {
  return words(text).flatMap((word) => contentTerm(word) ?? []);
}

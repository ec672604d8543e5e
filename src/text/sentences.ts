import { MONTH_NAMES_BUT_MAY } from "./calendar.js";

/** A sentence inside some larger text, as `[start, end)` offsets into that text. */
export interface Span {
  start: number;
  end: number;
}

const OPENING_QUOTES = "‘“\"'«";
const CLOSING = "’”\"'»)]";
// Abbreviations that end in a full stop without ending the sentence.
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "lt", "gen", "col", "maj", "capt", "sgt", "rev", "sen", "rep",
  "gov", "pres", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "approx", "e.g", "i.e", "u.s", "u.k", "u.n",
  ...MONTH_NAMES_BUT_MAY.map((month) => month.slice(0, 3)), "sept",
]);

function isSentenceStart(char: string | undefined): boolean {
  if (char === undefined) return false;
  return /[\p{Lu}\p{N}]/u.test(char) || OPENING_QUOTES.includes(char) || char === "[" || char === "(";
}

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1];
  if (word === undefined) return false;
  // Initials such as "U.S" or a single capital ("J. Smith").
  if (/^(\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits one paragraph (no line breaks expected) into sentences, trimmed, with offsets
 * relative to `offset`. Closing quotes and brackets stay with the sentence they end.
 */
export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (char === "." || char === "!" || char === "?" || char === "…") {
      let end = i + 1;
      while (end < text.length && (".!?…".includes(text[end] ?? "") || CLOSING.includes(text[end] ?? ""))) end++;
      const next = skipSpace(text, end);
      const hasSpace = next > end;
      if (hasSpace && isSentenceStart(text[next]) && !(char === "." && endsWithAbbreviation(text, i))) {
        spans.push({ start: offset + start, end: offset + end });
        start = next;
        i = next;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  const end = trimEnd(text, text.length);
  if (end > start) spans.push({ start: offset + start, end: offset + end });
  return spans;
}

function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/u.test(text[i] ?? "")) i++;
  return i;
}

function trimEnd(text: string, index: number): number {
  let i = index;
  while (i > 0 && /\s/u.test(text[i - 1] ?? "")) i--;
  return i;
}

/** True when the text ends like a sentence: final punctuation, optionally inside closing quotes. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;]["'”’»)\]]*\s*$/u.test(text);
}

/** True when the text opens with a quotation mark. */
export function startsWithQuote(text: string): boolean {
  return OPENING_QUOTES.includes(text.trimStart()[0] ?? "");
}

/** Sentences of a multi-line text, line by line (a line break always ends a sentence), with offsets into it. */
export function splitSentencesByLine(text: string): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    spans.push(...splitSentences(line, offset));
    offset += line.length + 1;
  }
  return spans;
}

import { escapeMarkdown } from "discord.js";

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Makes article text or a user's words display literally in Discord: markdown is escaped and
 * mentions are neutralised (see `neutralizeMentions`).
 */
export function escapeText(text: string): string {
  const escaped = inPieces(text)
    .map((piece) => escapeMarkdown(piece, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }))
    .join("");
  return neutralizeMentions(escaped.replace(/^(\s*)>/gm, "$1\\>"));
}

/**
 * Splits text at whitespace into pieces of about `size` characters. discord.js escapes italics
 * with an unbounded lookbehind, which is quadratic in the length of a line (170 ms for one
 * 14,000-character paragraph); escaping pieces keeps it linear, and markdown never needs a
 * backslash that depends on text a whole piece away.
 */
function inPieces(text: string, size = 256): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const cut = text.slice(start + size).search(/\s/);
    if (cut < 0) break;
    pieces.push(text.slice(start, start + size + cut + 1));
    start += size + cut + 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * Breaks `@everyone`, `@here` and `<@…>`/`<@&…>` with a zero-width space, so they show as plain
 * text rather than pills. `allowedMentions` on every message is what prevents pings; this keeps
 * quoted text from even looking like one. Channel links stay: they never notify anyone.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(@[!&]?)(\d+)>/g, `<$1${ZERO_WIDTH_SPACE}$2>`);
}

/** Cuts text to `max` characters at a word boundary, ending with "…"; for titles and names. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Offsets just after each sentence end (terminal punctuation, closing quotes, then whitespace or the end). */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(/[.!?…]+["'”’)\]]*(?=\s|$)/g)) ends.push(match.index + match[0].length);
  if (ends.at(-1) !== text.trimEnd().length) ends.push(text.trimEnd().length);
  return ends;
}

export function countSentences(text: string): number {
  return text.trim() === "" ? 0 : sentenceEnds(text.trim()).length;
}

/**
 * The longest run of whole leading sentences of `raw` whose escaped form fits in `max`
 * characters. When not even the first sentence fits, it is cut at a word and ends with "…".
 */
export function fitSentences(raw: string, max: number): { text: string; omittedChars: number } {
  const escapedAll = escapeText(raw);
  if (escapedAll.length <= max) return { text: escapedAll, omittedChars: 0 };
  const ends = sentenceEnds(raw);
  // Escaping only ever adds characters, so the escaped length grows with the prefix: bisect.
  const fits = (index: number) => escapeText(raw.slice(0, ends[index])).length <= max;
  const count = largestPassing(ends.length, fits);
  const best = count > 0 ? (ends[count - 1] as number) : 0;
  if (best > 0) return { text: escapeText(raw.slice(0, best).trimEnd()), omittedChars: raw.length - best };
  let words = raw.slice(0, max);
  while (words.length > 0 && escapeText(words).length + 1 > max) words = words.slice(0, Math.floor(words.length * 0.9));
  const atWord = words.replace(/\s+\S*$/, "");
  const kept = atWord.length > 0 ? atWord : words;
  return { text: `${escapeText(kept)}…`, omittedChars: raw.length - kept.length };
}

/** How many of the first `length` items pass `passes`, for a test that passes for a prefix of them. */
export function largestPassing(length: number, passes: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (passes(middle - 1)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Pluralises a count: `plural(2, "sentence")` → "2 sentences". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

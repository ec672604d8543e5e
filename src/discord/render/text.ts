import { splitSentencesByLine } from "../../text/sentences.js";
import { sanitisedUpTo, type SafeText, type Sanitised } from "./safeText.js";

/** Citation markers right after a sentence ("… temporary. [1]"): they end it, not open the next. */
const MARKERS = /^(?:\s*\[\d+\])+/;

/**
 * Offsets just after each sentence end, as the text layer splits sentences (an abbreviation such
 * as "Mr." ends none; a line break always ends one), each taking the [n] markers that follow it.
 */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const span of splitSentencesByLine(text)) {
    const end = span.end + (MARKERS.exec(text.slice(span.end))?.[0].length ?? 0);
    if (end > (ends.at(-1) ?? 0)) ends.push(end);
  }
  if (ends.at(-1) !== text.trimEnd().length) ends.push(text.trimEnd().length);
  return ends;
}

export function countSentences(text: string): number {
  return text.trim() === "" ? 0 : sentenceEnds(text.trim()).length;
}

/**
 * The longest run of whole leading sentences of `sanitised.raw[0, rawEnd)` whose sanitised form
 * fits in `max` characters. When not even the first sentence fits, it is cut at a word and ends
 * with "…". Cuts are chosen in the raw text and taken from the text sanitised whole.
 */
export function fitSentences(sanitised: Sanitised, max: number, rawEnd = sanitised.raw.length): { text: SafeText; omittedChars: number } {
  const whole = sanitisedUpTo(sanitised, rawEnd);
  if (whole.length <= max) return { text: whole, omittedChars: 0 };
  const raw = sanitised.raw.slice(0, rawEnd);
  const ends = sentenceEnds(raw);
  const upTo = (end: number) => sanitisedUpTo(sanitised, end).trimEnd() as SafeText;
  const count = largestPassing(ends.length, (index) => upTo(ends[index] as number).length <= max);
  const best = count > 0 ? (ends[count - 1] as number) : 0;
  if (best > 0) return { text: upTo(best), omittedChars: raw.length - best };
  // Room for the "…"; a cut never falls inside an emoji.
  let end = largestPassing(raw.length, (index) => (sanitised.at[index + 1] as number) + 1 <= max);
  if (/[\ud800-\udbff]/.test(raw[end - 1] ?? "")) end--;
  const atWord = raw.slice(0, end).replace(/\s+\S*$/, "").length;
  const kept = atWord > 0 ? atWord : end;
  return { text: `${sanitisedUpTo(sanitised, kept)}…` as SafeText, omittedChars: raw.length - kept };
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

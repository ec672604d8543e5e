import { splitSentences, startsWithQuote } from "../text/sentences.js";
import { REPORTING_VERBS } from "../text/speechVerbs.js";
import type { Article, Paragraph, Passage } from "../types.js";

/** Bump when passages or what is embedded for them change, so old indexes are rebuilt, not mixed. */
export const CHUNKER_VERSION = 2;

export interface ChunkOptions {
  /** A passage grows past a paragraph only while it is shorter than this. */
  minChars: number;
  /** A passage never grows past this; longer paragraphs are split between sentences. */
  maxChars: number;
}

const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { minChars: 220, maxChars: 900 };

interface Unit {
  section: number;
  start: number;
  end: number;
  text: string;
}

// "He said…", "She added…": the speaker was named in an earlier paragraph.
const PRONOUN_VERBS = [...REPORTING_VERBS, "adds", "tells", "writes", "insisted", "claimed", "continued", "concluded", "noted", "argued", "stressed"];
const PRONOUN_OPENING = new RegExp(String.raw`^(he|she|they|it)\s+(${PRONOUN_VERBS.join("|")})\b`, "i");
// "'…,' Dmitry Medvedev said" names a new speaker, so it starts a new passage.
const NAMED_VERBS = [...REPORTING_VERBS, "charged", "concluded"];
const NAMED_ATTRIBUTION = new RegExp(String.raw`[’”"'],?\s+(?:(?:[A-Z][\p{L}'’-]+|of|the|de|von|van)\s+){1,6}(${NAMED_VERBS.join("|")})\b`, "u");

/**
 * True when a paragraph continues the previous one's speaker: it opens a quote without naming
 * who speaks, or it opens with "he said" and the like.
 */
export function isContinuation(text: string): boolean {
  if (PRONOUN_OPENING.test(text)) return true;
  return startsWithQuote(text) && !NAMED_ATTRIBUTION.test(text);
}

/**
 * A sentence longer than `maxChars` in pieces that end between words (or anywhere, in a run with no space): a page
 * of names with no full stop is no one passage, whose embedding alone would take minutes.
 */
function sentencePieces(text: string, sentence: { start: number; end: number }, maxChars: number): Array<{ start: number; end: number }> {
  const pieces: Array<{ start: number; end: number }> = [];
  let start = sentence.start;
  while (sentence.end - start > maxChars) {
    const space = text.lastIndexOf(" ", start + maxChars);
    const end = space > start ? space : start + maxChars;
    pieces.push({ start, end });
    start = space > start ? space + 1 : end;
  }
  pieces.push({ start, end: sentence.end });
  return pieces;
}

/** Splits paragraphs longer than `maxChars` between sentences, and sentences longer than that between words. */
function toUnits(article: Article, paragraph: Paragraph, maxChars: number): Unit[] {
  const whole = article.text.slice(paragraph.start, paragraph.end);
  if (whole.length <= maxChars) {
    return [{ section: paragraph.section, start: paragraph.start, end: paragraph.end, text: whole }];
  }
  const units: Unit[] = [];
  let current: { start: number; end: number } | null = null;
  for (const sentence of splitSentences(whole, paragraph.start).flatMap((one) => sentencePieces(article.text, one, maxChars))) {
    if (current && sentence.end - current.start > maxChars) {
      units.push({ section: paragraph.section, ...current, text: article.text.slice(current.start, current.end) });
      current = null;
    }
    current = current ? { start: current.start, end: sentence.end } : { ...sentence };
  }
  if (current) units.push({ section: paragraph.section, ...current, text: article.text.slice(current.start, current.end) });
  return units;
}

/**
 * Groups an article's paragraphs into passages. A quote that continues on the next paragraph
 * stays with the paragraph that names its speaker; short paragraphs take their neighbour along.
 * Every passage is an exact slice of the article file.
 */
export function chunkArticle(article: Article, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Passage[] {
  const units = article.paragraphs.flatMap((paragraph) => toUnits(article, paragraph, options.maxChars));
  const groups: Unit[][] = [];
  for (const unit of units) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    const last = group?.[group.length - 1];
    // Never join across a dropped line (a subhead, a caption): the passage must be clean text.
    const adjacent = last !== undefined && article.text.slice(last.end, unit.start).trim() === "";
    const fits = first !== undefined && last !== undefined && adjacent && unit.end - first.start <= options.maxChars;
    const joins = fits && (isContinuation(unit.text) || (last.end - first.start) < options.minChars);
    if (group && joins) group.push(unit);
    else groups.push([unit]);
  }
  return groups.map((group, index) => {
    const start = (group[0] as Unit).start;
    const end = (group[group.length - 1] as Unit).end;
    return {
      id: `${article.id}#${index}`,
      articleId: article.id,
      section: (group[0] as Unit).section,
      start,
      end,
      text: article.text.slice(start, end),
    };
  });
}

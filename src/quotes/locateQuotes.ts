/** The first steps of a who-said-what answer: the speakers' quotes found in their passages and scored against the topic. */
import type { Coverage } from "../retrieve/coverage.js";
import { passagesByArticle } from "../retrieve/byArticle.js";
import type { PassageReader } from "../retrieve/passageText.js";
import { contentTerms } from "../text/terms.js";
import type { Passage } from "../types.js";
import type { Quote } from "../ingest/quotes/speakers.js";

/** "What did X say" asks for X's own words first; reported speech comes after. */
export const DIRECT_BONUS = 0.3;
/** Added per quote of the speaker's that a passage holds, so the passage with more of their words is cited first. */
export const PER_QUOTE_BONUS = 0.05;

/** A quote found in its passage, with how well it matches the topic asked about. */
export interface Located {
  quote: Quote;
  passage: Passage;
  /** The whole sentences the quote sits in, verbatim. */
  sentences: string;
  /** Share of the question's topic in the quote and its passage (1 when no topic is asked). */
  onTopic: number;
  relevance: number;
}

/** The topic asked about: its terms and how much of it a set of terms covers. */
export interface TopicMeasure {
  terms: readonly string[];
  coverage: Coverage;
}

function locate(quote: Quote, passages: readonly Passage[]): Passage | undefined {
  return passagesByArticle(passages).get(quote.articleId)?.find((passage) => passage.start <= quote.start && quote.start < passage.end);
}

/**
 * Widens a quote to the sentences it sits in, so "‘…,’ he said." reads as printed (the
 * sentences of each line it spans, lines joined by a space), with those sentences' terms.
 */
function enclosingSentences(quote: Quote, passage: Passage, read: PassageReader, wanted: ReadonlySet<string>): { text: string; terms: Set<string> } {
  const from = quote.start - passage.start;
  const to = quote.end - passage.start;
  const passageText = read(passage);
  const overlapping = passageText.sentences.filter((sentence) => sentence.end > from && sentence.start < to);
  const pieces: string[] = [];
  let runStart = -1;
  overlapping.forEach((sentence, index) => {
    if (runStart < 0) runStart = sentence.start;
    const next = overlapping[index + 1];
    if (next === undefined || passage.text.slice(sentence.end, next.start).includes("\n")) {
      pieces.push(passage.text.slice(runStart, sentence.end));
      runStart = -1;
    }
  });
  if (pieces.length === 0) return { text: quote.text, terms: new Set(contentTerms(quote.text)) };
  return { text: pieces.join(" "), terms: passageText.termsAmong(wanted, overlapping) };
}

/**
 * The quotes of the speakers asked about, each in the passage that holds it, with the share of
 * the topic in its sentences and passage; relevance adds the direct-speech bonus. Quotes of
 * other speakers, or outside every passage, are left out.
 */
export function locateOnTopic(
  quotes: readonly Quote[],
  speakerIds: ReadonlySet<string>,
  passages: readonly Passage[],
  topic: TopicMeasure,
  read: PassageReader,
): Located[] {
  const wanted = new Set(topic.terms);
  // Many of a speaker's quotes share a passage (and copies across outlets share its words).
  const passageShares = new Map<Passage, number>();
  const passageShare = (passage: Passage) => {
    let share = passageShares.get(passage);
    if (share === undefined) {
      passageShares.set(passage, (share = topic.coverage(read(passage).termsAmong(wanted))));
    }
    return share;
  };
  const located: Located[] = [];
  for (const quote of quotes) {
    if (!speakerIds.has(quote.speakerId)) continue;
    const passage = locate(quote, passages);
    if (!passage) continue;
    const enclosing = enclosingSentences(quote, passage, read, wanted);
    // The topic may be named around a quote rather than in it, so the passage counts too.
    const onTopic = topic.terms.length === 0 ? 1 : (topic.coverage(enclosing.terms) + passageShare(passage)) / 2;
    located.push({ quote, passage, sentences: enclosing.text, onTopic, relevance: onTopic + (quote.kind === "direct" ? DIRECT_BONUS : 0) });
  }
  return located;
}

/** Ranks passages by how many of the speaker's quotes they hold: each quote gains `PER_QUOTE_BONUS` per quote in its passage. */
export function addPassageBonus(located: readonly Located[]): void {
  const perPassage = new Map<Passage, number>();
  for (const item of located) perPassage.set(item.passage, (perPassage.get(item.passage) ?? 0) + 1);
  for (const item of located) {
    item.relevance += PER_QUOTE_BONUS * (perPassage.get(item.passage) as number);
  }
}

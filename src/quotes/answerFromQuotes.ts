import { coverageOf, type Coverage } from "../retrieve/coverage.js";
import { passagesByArticle } from "../retrieve/byArticle.js";
import { cachedSameWords } from "../retrieve/dedupe.js";
import { passageReader, type PassageReader } from "../retrieve/passageText.js";
import { contentTerms, words } from "../text/terms.js";
import type { Answer, Citation, Passage, RetrievedPassage, SourceRef } from "../types.js";
import type { Quote, Speaker } from "../ingest/quotes/speakers.js";

export interface QuoteAnswerContext {
  passages: readonly Passage[];
  /** A passage as a source: its article section described, its text and offsets. */
  cite: (passage: Passage) => SourceRef;
  idf: (term: string) => number;
  k: number;
  /** Passages from ordinary retrieval, cited after the quotes up to k. */
  retrieved: readonly RetrievedPassage[];
  maxAnswerChars: number;
  /** Shares passage tokenising with the rest of the question's answer; a fresh reader when absent. */
  read?: PassageReader;
}

/** "What did X say" asks for X's own words first; reported speech comes after. */
const DIRECT_BONUS = 0.3;
const PER_QUOTE_BONUS = 0.05;
/**
 * Only this many of the most relevant quotes are grouped into answers: an answer shows a few,
 * and grouping compares each quote with every group, which a speaker quoted thousands of
 * times in a year's archive would make quadratic.
 */
const MAX_GROUPED_QUOTES = 200;

interface Located {
  quote: Quote;
  passage: Passage;
  /** The whole sentences the quote sits in, verbatim. */
  sentences: string;
  /** Share of the question's topic in the quote and its passage (1 when no topic is asked). */
  onTopic: number;
  relevance: number;
}

/** A who-said-what answer, with how well the quotes it shows match the topic asked about. */
export interface QuoteAnswer extends Answer {
  /** The best topic share among the quotes shown, from 0 to 1. */
  topicShare: number;
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
 * Answers a who-said-what question from the quote index: the speakers' quotes across all
 * articles, most relevant to the topic first, the same words from several outlets shown once
 * with every outlet cited (and their wording where it differs). Returns null when the
 * speakers have no quote on the topic, so ordinary retrieval can try.
 */
export function answerFromQuotes(
  question: string,
  topic: string,
  speakers: readonly Speaker[],
  quotes: readonly Quote[],
  context: QuoteAnswerContext,
  topicCoverage?: { terms: readonly string[]; coverage: Coverage },
): QuoteAnswer | null {
  const ids = new Set(speakers.map((speaker) => speaker.id));
  const topicTerms = topicCoverage?.terms ?? contentTerms(topic);
  const onTopicShare = topicCoverage?.coverage ?? coverageOf(topicTerms, context.idf);
  const wanted = new Set(topicTerms);
  const read = context.read ?? passageReader();
  // Many of a speaker's quotes share a passage (and copies across outlets share its words).
  const passageShares = new Map<Passage, number>();
  const passageShare = (passage: Passage) => {
    let share = passageShares.get(passage);
    if (share === undefined) {
      passageShares.set(passage, (share = onTopicShare(read(passage).termsAmong(wanted))));
    }
    return share;
  };
  const located: Located[] = [];
  for (const quote of quotes) {
    if (!ids.has(quote.speakerId)) continue;
    const passage = locate(quote, context.passages);
    if (!passage) continue;
    const enclosing = enclosingSentences(quote, passage, read, wanted);
    const sentences = enclosing.text;
    // The topic may be named around a quote rather than in it, so the passage counts too.
    const onTopic = topicTerms.length === 0 ? 1 : (onTopicShare(enclosing.terms) + passageShare(passage)) / 2;
    located.push({ quote, passage, sentences, onTopic, relevance: onTopic + (quote.kind === "direct" ? DIRECT_BONUS : 0) });
  }
  // A passage that carries more of the speaker's words is the better one to cite.
  const perPassage = new Map<Passage, number>();
  for (const item of located) perPassage.set(item.passage, (perPassage.get(item.passage) ?? 0) + 1);
  for (const item of located) {
    item.relevance += PER_QUOTE_BONUS * (perPassage.get(item.passage) as number);
  }
  if (located.length === 0 || located.reduce((best, item) => Math.max(best, item.relevance), -Infinity) < 0.2) return null;

  // Group the same words reported by several articles; the most relevant copy leads.
  const groups: Located[][] = [];
  const same = cachedSameWords();
  for (const item of [...located].sort((a, b) => b.relevance - a.relevance).slice(0, MAX_GROUPED_QUOTES)) {
    const group = groups.find((candidate) => candidate[0]!.passage.articleId !== item.passage.articleId && same(candidate[0]!.quote.text, item.quote.text));
    if (group) group.push(item);
    else groups.push([item]);
  }

  const citations: Citation[] = [];
  const citationFor = (passage: Passage, score: number): Citation => {
    let citation = citations.find((existing) => existing.articleId === passage.articleId && existing.start === passage.start);
    if (!citation) {
      citation = { n: citations.length + 1, ...context.cite(passage), score: Number(score.toFixed(6)), cited: false, alsoReportedBy: [] };
      citations.push(citation);
    }
    return citation;
  };

  const parts: Array<{ n: number; text: string }> = [];
  let topicShare = 0;
  const shown = new Set<string>();
  let length = 0;
  for (const group of groups) {
    // The fullest copy leads (it holds the others' words); the group keeps its best relevance.
    group.sort((a, b) => b.quote.text.length - a.quote.text.length);
    const lead = { ...group[0]!, relevance: Math.max(...group.map((item) => item.relevance)) };
    if (parts.length > 0 && (lead.relevance < 0.2 || length + lead.sentences.length > context.maxAnswerChars)) continue;
    if (citations.length >= context.k && !citations.some((citation) => citation.articleId === lead.passage.articleId && citation.start === lead.passage.start)) continue;
    const citation = citationFor(lead.passage, lead.relevance);
    const listed = new Set(citation.alsoReportedBy.map((ref) => `${ref.articleId}@${ref.start}`));
    for (const other of group.slice(1)) {
      const key = `${other.passage.articleId}@${other.passage.start}`;
      if (listed.has(key)) continue;
      listed.add(key);
      // Only a change of words counts; capitals, quote marks and punctuation do not.
      const differs = words(other.quote.text).join(" ") !== words(lead.quote.text).join(" ");
      citation.alsoReportedBy.push({ ...context.cite(other.passage), ...(differs ? { wording: other.quote.text } : {}) });
    }
    if (shown.has(lead.sentences)) continue;
    shown.add(lead.sentences);
    topicShare = Math.max(topicShare, ...group.map((item) => item.onTopic));
    parts.push({ n: citation.n, text: lead.sentences });
    length += lead.sentences.length;
  }

  for (const item of context.retrieved) {
    if (citations.length >= context.k) break;
    const cited = citations.some((citation) => citation.articleId === item.passage.articleId && citation.start === item.passage.start);
    // Retrieval scores are on another scale; capping keeps citation scores non-increasing in n.
    const score = Math.min(item.score, citations[citations.length - 1]?.score ?? item.score);
    if (!cited) citationFor(item.passage, score).alsoReportedBy.push(...item.duplicates.map((duplicate) => context.cite(duplicate)));
  }
  // Quotes from one passage read as one run with one marker.
  const runs: Array<{ n: number; text: string }> = [];
  for (const part of parts) {
    const previous = runs[runs.length - 1];
    if (previous && previous.n === part.n) previous.text += ` ${part.text}`;
    else runs.push({ ...part });
  }
  const answered = runs.length > 0;
  return { question, answered, confidence: answered ? "high" : "none", answer: runs.map((run) => `${run.text} [${run.n}]`).join(" "), citations, topicShare };
}

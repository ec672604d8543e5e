import { likenedTo } from "../question/parts.js";
import { coverageOf, type Coverage } from "../retrieve/coverage.js";
import { cachedSameWords } from "../retrieve/dedupe.js";
import { passageReader, type PassageReader } from "../retrieve/passageText.js";
import { contentTerms, words } from "../text/terms.js";
import type { Answer, Citation, Passage, RetrievedPassage, SourceRef } from "../types.js";
import type { Quote, Speaker } from "../ingest/quotes/speakers.js";
import { addPassageBonus, DIRECT_BONUS, locateOnTopic, type Located } from "./locateQuotes.js";
import { CitationList } from "./quoteCitations.js";

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

/**
 * Relevance a quote needs to be shown after the first, and the best quote needs for the speaker
 * to answer at all. Set with the quote answers and not tuned since: any direct quote passes
 * (DIRECT_BONUS is above it); reported speech needs some of the topic, or a passage holding
 * several of the speaker's quotes.
 */
export const MIN_QUOTE_RELEVANCE = 0.2;
/**
 * Only this many of the most relevant quotes are grouped into answers: an answer shows a few,
 * and grouping compares each quote with every group, which a speaker quoted thousands of
 * times in a year's archive would make quadratic.
 */
export const MAX_GROUPED_QUOTES = 200;

/** Words that liken one thing to another ("sort of like hitting a mule"), not "would like". */
const LIKENING = /(?<!\b(?:would|'d|’d|d)\s)\blike\b(?!\s+to\b)|\b(?:as if|as though|akin to|likened|reminiscent of|compared? (?:to|with))\b/i;
/** More than a topic share (at most 1) and a direct quote's bonus together: a quote that likens leads. */
const LIKENING_BONUS = 1 + DIRECT_BONUS;

/** A who-said-what answer, with how well the quotes it shows match the topic asked about. */
export interface QuoteAnswer extends Answer {
  /** The best topic share among the quotes shown, from 0 to 1. */
  topicShare: number;
}

/** A piece of the answer: verbatim sentences and the citation they carry. */
export interface AnswerPart {
  n: number;
  text: string;
}

/** The same words reported by several articles, grouped: most relevant first, each group led by its most relevant copy. */
export function groupSameWords(located: readonly Located[]): Located[][] {
  const groups: Located[][] = [];
  const same = cachedSameWords();
  for (const item of [...located].sort((a, b) => b.relevance - a.relevance).slice(0, MAX_GROUPED_QUOTES)) {
    const group = groups.find((candidate) => candidate[0]!.passage.articleId !== item.passage.articleId && same(candidate[0]!.quote.text, item.quote.text));
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** Lists the other outlets of a group under the lead's citation, with their wording where the words differ. */
function citeOtherOutlets(citation: Citation, lead: Located, others: readonly Located[], cite: (passage: Passage) => SourceRef): void {
  const listed = new Set(citation.alsoReportedBy.map((ref) => `${ref.articleId}@${ref.start}`));
  for (const other of others) {
    const key = `${other.passage.articleId}@${other.passage.start}`;
    if (listed.has(key)) continue;
    listed.add(key);
    // Only a change of words counts; capitals, quote marks and punctuation do not.
    const differs = words(other.quote.text).join(" ") !== words(lead.quote.text).join(" ");
    citation.alsoReportedBy.push({ ...cite(other.passage), ...(differs ? { wording: other.quote.text } : {}) });
  }
}

/**
 * Builds the answer's sentences from the groups in order and cites them: each group's fullest
 * copy shown once, while it is relevant enough (the first always is), fits `maxAnswerChars`
 * and finds a citation within `k`. Returns the parts and the best topic share among them.
 */
export function quoteParts(
  groups: readonly Located[][],
  citations: CitationList,
  limits: { k: number; maxAnswerChars: number; cite: (passage: Passage) => SourceRef },
): { parts: AnswerPart[]; topicShare: number } {
  const parts: AnswerPart[] = [];
  let topicShare = 0;
  const shown = new Set<string>();
  let length = 0;
  for (const group of groups) {
    // The fullest copy leads (it holds the others' words); the group keeps its best relevance.
    const byLength = [...group].sort((a, b) => b.quote.text.length - a.quote.text.length);
    const lead = { ...byLength[0]!, relevance: Math.max(...group.map((item) => item.relevance)) };
    if (parts.length > 0 && (lead.relevance < MIN_QUOTE_RELEVANCE || length + lead.sentences.length > limits.maxAnswerChars)) continue;
    if (citations.length >= limits.k && !citations.has(lead.passage)) continue;
    const citation = citations.citationFor(lead.passage, lead.relevance);
    citeOtherOutlets(citation, lead, byLength.slice(1), limits.cite);
    if (shown.has(lead.sentences)) continue;
    shown.add(lead.sentences);
    topicShare = Math.max(topicShare, ...group.map((item) => item.onTopic));
    parts.push({ n: citation.n, text: lead.sentences });
    length += lead.sentences.length;
  }
  return { parts, topicShare };
}

/** Cites passages from ordinary retrieval after the quotes, up to `k`, each scored no higher than the citation before it. */
export function citeRetrieved(retrieved: readonly RetrievedPassage[], citations: CitationList, k: number, cite: (passage: Passage) => SourceRef): void {
  for (const item of retrieved) {
    if (citations.length >= k) break;
    if (citations.has(item.passage)) continue;
    // Retrieval scores are on another scale; capping keeps citation scores non-increasing in n.
    const score = Math.min(item.score, citations.lastScore() ?? item.score);
    citations.citationFor(item.passage, score).alsoReportedBy.push(...item.duplicates.map((duplicate) => cite(duplicate)));
  }
}

/** Quotes from one passage read as one run with one marker. */
export function joinRuns(parts: readonly AnswerPart[]): AnswerPart[] {
  const runs: AnswerPart[] = [];
  for (const part of parts) {
    const previous = runs[runs.length - 1];
    if (previous && previous.n === part.n) previous.text += ` ${part.text}`;
    else runs.push({ ...part });
  }
  return runs;
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
  const terms = topicCoverage?.terms ?? contentTerms(topic);
  const measure = { terms, coverage: topicCoverage?.coverage ?? coverageOf(terms, context.idf) };
  const speakerIds = new Set(speakers.map((speaker) => speaker.id));
  const located = locateOnTopic(quotes, speakerIds, context.passages, measure, context.read ?? passageReader());
  addPassageBonus(located);
  // "What did Kellogg compare the aid pause to?": the words that make the comparison lead.
  if (likenedTo(question) !== null) for (const item of located) if (LIKENING.test(item.quote.text)) item.relevance += LIKENING_BONUS;
  if (located.length === 0 || located.reduce((best, item) => Math.max(best, item.relevance), -Infinity) < MIN_QUOTE_RELEVANCE) return null;

  const citations = new CitationList(context.cite);
  const { parts, topicShare } = quoteParts(groupSameWords(located), citations, context);
  citeRetrieved(context.retrieved, citations, context.k, context.cite);
  const runs = joinRuns(parts);
  const answered = runs.length > 0;
  return {
    question,
    answered,
    confidence: answered ? "high" : "none",
    answer: runs.map((run) => `${run.text} [${run.n}]`).join(" "),
    citations: citations.items,
    topicShare,
  };
}

import { coverage } from "../answer/compose.js";
import { splitSentences } from "../ingest/sentences.js";
import { cachedSameWords } from "../retrieve/dedupe.js";
import { contentTerms, words } from "../retrieve/terms.js";
import type { Answer, Citation, Passage, RetrievedPassage, SourceRef } from "../types.js";
import type { Quote, Speaker } from "./speakers.js";

export interface QuoteAnswerContext {
  passages: readonly Passage[];
  /** Title, outlet, date and url of a passage's article section. */
  describe: (articleId: string, section: number) => { title: string; outlet: string | null; published: string | null; url: string | null };
  idf: (term: string) => number;
  k: number;
  /** Passages from ordinary retrieval, cited after the quotes up to k. */
  retrieved: readonly RetrievedPassage[];
  maxAnswerChars: number;
}

/** "What did X say" asks for X's own words first; reported speech comes after. */
const DIRECT_BONUS = 0.3;
const PER_QUOTE_BONUS = 0.05;

interface Located {
  quote: Quote;
  passage: Passage;
  /** The whole sentences the quote sits in, verbatim. */
  sentences: string;
  relevance: number;
}

// Passages by article, in index order, built once per loaded index: a speaker quoted
// thousands of times must not scan every passage for every quote.
const passagesByArticle = new WeakMap<readonly Passage[], Map<string, Passage[]>>();

function locate(quote: Quote, passages: readonly Passage[]): Passage | undefined {
  let byArticle = passagesByArticle.get(passages);
  if (byArticle === undefined) {
    byArticle = new Map();
    for (const passage of passages) {
      const list = byArticle.get(passage.articleId);
      if (list) list.push(passage);
      else byArticle.set(passage.articleId, [passage]);
    }
    passagesByArticle.set(passages, byArticle);
  }
  return byArticle.get(quote.articleId)?.find((passage) => passage.start <= quote.start && quote.start < passage.end);
}

/** Widens a quote to the sentences it sits in, so "‘…,’ he said." reads as printed. */
function enclosingSentences(quote: Quote, passage: Passage): string {
  let lineStart = passage.start;
  let text = "";
  for (const line of passage.text.split("\n")) {
    const lineEnd = lineStart + line.length;
    if (quote.start < lineEnd + 1 && quote.end > lineStart) {
      const spans = splitSentences(line, lineStart).filter((span) => span.end > quote.start && span.start < quote.end);
      const first = spans[0];
      const last = spans[spans.length - 1];
      if (first && last) text += `${text ? " " : ""}${passage.text.slice(first.start - passage.start, last.end - passage.start)}`;
    }
    lineStart = lineEnd + 1;
  }
  return text || quote.text;
}

function sourceRef(passage: Passage, context: QuoteAnswerContext): SourceRef {
  return { articleId: passage.articleId, ...context.describe(passage.articleId, passage.section), text: passage.text, start: passage.start, end: passage.end };
}

/**
 * Answers a who-said-what question from the quote index: the speakers' quotes across all
 * articles, most relevant to the topic first, the same words from several outlets shown once
 * with every outlet cited (and their wording where it differs). Returns null when the
 * speakers have no quote on the topic, so ordinary retrieval can try.
 */
export function answerFromQuotes(question: string, topic: string, speakers: readonly Speaker[], quotes: readonly Quote[], context: QuoteAnswerContext): Answer | null {
  const ids = new Set(speakers.map((speaker) => speaker.id));
  const topicTerms = contentTerms(topic);
  // The same passage and the same sentences come up for many quotes (copies across outlets).
  const coverages = new Map<string, number>();
  const onTopicShare = (text: string) => {
    let share = coverages.get(text);
    if (share === undefined) coverages.set(text, (share = coverage(topicTerms, text, context.idf)));
    return share;
  };
  const located: Located[] = [];
  for (const quote of quotes) {
    if (!ids.has(quote.speakerId)) continue;
    const passage = locate(quote, context.passages);
    if (!passage) continue;
    const sentences = enclosingSentences(quote, passage);
    // The topic may be named around a quote rather than in it, so the passage counts too.
    const onTopic = topicTerms.length === 0 ? 1 : (onTopicShare(sentences) + onTopicShare(passage.text)) / 2;
    located.push({ quote, passage, sentences, relevance: onTopic + (quote.kind === "direct" ? DIRECT_BONUS : 0) });
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
  for (const item of [...located].sort((a, b) => b.relevance - a.relevance)) {
    const group = groups.find((candidate) => candidate[0]!.passage.articleId !== item.passage.articleId && same(candidate[0]!.quote.text, item.quote.text));
    if (group) group.push(item);
    else groups.push([item]);
  }

  const citations: Citation[] = [];
  const citationFor = (passage: Passage, score: number): Citation => {
    let citation = citations.find((existing) => existing.articleId === passage.articleId && existing.start === passage.start);
    if (!citation) {
      citation = { n: citations.length + 1, ...sourceRef(passage, context), score: Number(score.toFixed(6)), alsoReportedBy: [] };
      citations.push(citation);
    }
    return citation;
  };

  const parts: Array<{ n: number; text: string }> = [];
  const shown = new Set<string>();
  let length = 0;
  for (const group of groups) {
    // The fullest copy leads (it holds the others' words); the group keeps its best relevance.
    group.sort((a, b) => b.quote.text.length - a.quote.text.length);
    const lead = { ...group[0]!, relevance: Math.max(...group.map((item) => item.relevance)) };
    if (parts.length > 0 && (lead.relevance < 0.2 || length + lead.sentences.length > context.maxAnswerChars)) continue;
    if (citations.length >= context.k && !citations.some((citation) => citation.articleId === lead.passage.articleId && citation.start === lead.passage.start)) continue;
    const citation = citationFor(lead.passage, lead.relevance);
    for (const other of group.slice(1)) {
      if (citation.alsoReportedBy.some((ref) => ref.articleId === other.passage.articleId && ref.start === other.passage.start)) continue;
      // Only a change of words counts; capitals, quote marks and punctuation do not.
      const differs = words(other.quote.text).join(" ") !== words(lead.quote.text).join(" ");
      citation.alsoReportedBy.push({ ...sourceRef(other.passage, context), ...(differs ? { wording: other.quote.text } : {}) });
    }
    if (shown.has(lead.sentences)) continue;
    shown.add(lead.sentences);
    parts.push({ n: citation.n, text: lead.sentences });
    length += lead.sentences.length;
  }

  for (const item of context.retrieved) {
    if (citations.length >= context.k) break;
    const cited = citations.some((citation) => citation.articleId === item.passage.articleId && citation.start === item.passage.start);
    // Retrieval scores are on another scale; capping keeps citation scores non-increasing in n.
    const score = Math.min(item.score, citations[citations.length - 1]?.score ?? item.score);
    if (!cited) citationFor(item.passage, score).alsoReportedBy.push(...item.duplicates.map((duplicate) => sourceRef(duplicate, context)));
  }
  // Quotes from one passage read as one run with one marker.
  const runs: Array<{ n: number; text: string }> = [];
  for (const part of parts) {
    const previous = runs[runs.length - 1];
    if (previous && previous.n === part.n) previous.text += ` ${part.text}`;
    else runs.push({ ...part });
  }
  return { question, answered: runs.length > 0, answer: runs.map((run) => `${run.text} [${run.n}]`).join(" "), citations };
}

import { isContinuation } from "../ingest/chunk.js";
import type { Answer, Citation, Passage, RetrievedPassage, SourceRef } from "../types.js";
import { answerTypeOf, hasAnswerType, type AnswerType } from "../retrieve/answerType.js";
import { coverageOf, type Coverage } from "../retrieve/coverage.js";
import { passageReader, type PassageReader } from "../retrieve/passageText.js";
import { contentTerms } from "../retrieve/terms.js";

/** Extra score for a sentence that holds the kind of answer asked for (a number, a day). */
const TYPED_BONUS = 0.3;
/** Score a quoted passage loses for each place it sits lower in the retrieval ranking. */
const RANK_PENALTY = 0.05;

/** Looks up what a source list needs about an article. */
export interface ArticleLookup {
  (articleId: string, section: number): { title: string; outlet: string | null; published: string | null; url: string | null };
}

export interface ComposeOptions {
  /** Inverse document frequency of a stemmed term. */
  idf: (term: string) => number;
  article: ArticleLookup;
  /** How many passages may contribute sentences to the answer. */
  maxQuotedPassages: number;
  /** Stop adding sentences once the answer is this long. */
  maxAnswerChars: number;
  /** Shares passage tokenising with retrieval; a fresh reader when absent. */
  read?: PassageReader;
}

export const DEFAULT_COMPOSE = { maxQuotedPassages: 3, maxAnswerChars: 700 } as const;

interface ScoredSentence {
  start: number;
  end: number;
  text: string;
  coverage: number;
}

function sentencesOf(passage: Passage, coverage: Coverage, read: PassageReader): ScoredSentence[] {
  return read(passage).sentences.map((sentence) => ({
    start: passage.start + sentence.start,
    end: passage.start + sentence.end,
    text: sentence.text,
    coverage: coverage(sentence.terms),
  }));
}

/** True when a text opens a quotation it does not close (curly ’ between letters is an apostrophe). */
export function leavesQuoteOpen(text: string): boolean {
  const doubleOpen = (text.match(/“/g) ?? []).length - (text.match(/”/g) ?? []).length;
  const singleOpen = (text.match(/‘/g) ?? []).length - (text.match(/’(?!\p{L})/gu) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length % 2;
  return doubleOpen > 0 || singleOpen > 0 || straight === 1;
}

/**
 * A sentence plus what must come with it to make sense: the rest of a quotation it opens, and
 * the sentences right after it that continue the same speaker ("'…,' he said.").
 */
function runFrom(sentences: ScoredSentence[], first: number, maxChars: number): ScoredSentence[] {
  const head = sentences[first];
  if (!head) return [];
  const run = [head];
  let length = head.text.length;
  let open = leavesQuoteOpen(head.text);
  for (let next = first + 1; next < sentences.length; next++) {
    const sentence = sentences[next] as ScoredSentence;
    if (!(open || isContinuation(sentence.text)) || length + sentence.text.length > maxChars) break;
    run.push(sentence);
    length += sentence.text.length;
    open = leavesQuoteOpen(run.map((item) => item.text).join(" "));
  }
  return run;
}

/** Index of the sentence that best answers: most of the question's weight, of the asked-for kind. */
function bestSentence(sentences: ScoredSentence[], type: AnswerType): number {
  let best = -1;
  let bestScore = 0;
  sentences.forEach((sentence, index) => {
    const score = sentence.coverage + (sentence.coverage > 0 && type !== null && hasAnswerType(sentence.text, type) ? TYPED_BONUS : 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function sourceRef(passage: Passage, lookup: ArticleLookup): SourceRef {
  const article = lookup(passage.articleId, passage.section);
  return {
    articleId: passage.articleId,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    url: article.url,
    text: passage.text,
    start: passage.start,
    end: passage.end,
  };
}

/** The best coverage any sentence of the retrieved passages reaches: how well they answer. */
export function bestCoverage(
  question: string,
  retrieved: readonly RetrievedPassage[],
  idf: (term: string) => number,
  read: PassageReader = passageReader(),
): number {
  const coverage = coverageOf(contentTerms(question), idf);
  let best = 0;
  for (const item of retrieved) {
    for (const sentence of read(item.passage).sentences) best = Math.max(best, coverage(sentence.terms));
  }
  return best;
}

/**
 * Builds an extractive answer: verbatim sentences from the top passages, each run followed by
 * the [n] of the passage it came from. Every retrieved passage is cited, in relevance order.
 */
export function composeAnswer(question: string, retrieved: readonly RetrievedPassage[], options: ComposeOptions): Answer {
  const coverage = coverageOf(contentTerms(question), options.idf);
  const read = options.read ?? passageReader();
  const citations: Citation[] = retrieved.map((item, index) => ({
    n: index + 1,
    ...sourceRef(item.passage, options.article),
    score: Number(item.score.toFixed(6)),
    alsoReportedBy: item.duplicates.map((duplicate) => sourceRef(duplicate, options.article)),
  }));

  const type = answerTypeOf(question);
  const runs = retrieved
    .map((item, index) => {
      const sentences = sentencesOf(item.passage, coverage, read);
      const best = bestSentence(sentences, type);
      const run = best < 0 ? [] : runFrom(sentences, best, options.maxAnswerChars);
      const head = run[0];
      const typed = head !== undefined && type !== null && hasAnswerType(head.text, type) ? TYPED_BONUS : 0;
      // Retrieval order still counts: a later passage must answer clearly better to lead.
      const score = head === undefined ? 0 : head.coverage + typed - RANK_PENALTY * index;
      return { n: index + 1, run, score };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, options.maxQuotedPassages);
  const top = Math.max(0, ...runs.map((run) => run.score));
  const parts: string[] = [];
  let length = 0;
  for (const { n, run, score } of runs) {
    // Later passages only speak when they answer nearly as well as the best one.
    if (run.length === 0 || score <= 0 || score < top * 0.6) continue;
    const text = run.map((sentence) => sentence.text).join(" ");
    if (parts.length > 0 && length + text.length > options.maxAnswerChars) break;
    parts.push(`${text} [${n}]`);
    length += text.length;
  }
  return { question, answered: parts.length > 0, answer: parts.join(" "), citations };
}

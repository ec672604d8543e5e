import { isContinuation } from "../ingest/chunk.js";
import { splitSentences } from "../ingest/sentences.js";
import type { Answer, Citation, Passage, RetrievedPassage, SourceRef } from "../types.js";
import { contentTerms } from "../retrieve/terms.js";

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
}

export const DEFAULT_COMPOSE = { maxQuotedPassages: 3, maxAnswerChars: 700 } as const;

interface ScoredSentence {
  start: number;
  end: number;
  text: string;
  coverage: number;
}

/** Share of the question's (idf-weighted) content terms that a text contains. */
export function coverage(questionTerms: readonly string[], text: string, idf: (term: string) => number): number {
  const unique = [...new Set(questionTerms)];
  const total = unique.reduce((sum, term) => sum + idf(term), 0);
  if (total === 0) return 0;
  const present = new Set(contentTerms(text));
  return unique.filter((term) => present.has(term)).reduce((sum, term) => sum + idf(term), 0) / total;
}

function sentencesOf(passage: Passage, questionTerms: readonly string[], idf: (term: string) => number): ScoredSentence[] {
  const spans = passage.text
    .split(/(?<=\n)/)
    .reduce<{ offset: number; spans: ReturnType<typeof splitSentences> }>(
      (acc, line) => ({ offset: acc.offset + line.length, spans: [...acc.spans, ...splitSentences(line, acc.offset)] }),
      { offset: 0, spans: [] },
    ).spans;
  return spans.map((span) => {
    const text = passage.text.slice(span.start, span.end);
    return { start: passage.start + span.start, end: passage.start + span.end, text, coverage: coverage(questionTerms, text, idf) };
  });
}

/**
 * The best sentence of a passage, plus the sentences right after it that continue the same
 * quote ("'…,' he said."), so a speaker's words come with the sentence that names the speaker.
 */
function bestRun(sentences: ScoredSentence[], maxChars: number): ScoredSentence[] {
  let best = 0;
  sentences.forEach((sentence, index) => {
    if (sentence.coverage > (sentences[best]?.coverage ?? 0)) best = index;
  });
  const first = sentences[best];
  const run: ScoredSentence[] = first ? [first] : [];
  let length = run[0]?.text.length ?? 0;
  for (let next = best + 1; next < sentences.length; next++) {
    const sentence = sentences[next] as ScoredSentence;
    if (!isContinuation(sentence.text) || length + sentence.text.length > maxChars) break;
    run.push(sentence);
    length += sentence.text.length;
  }
  return run;
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
export function bestCoverage(question: string, retrieved: readonly RetrievedPassage[], idf: (term: string) => number): number {
  const terms = contentTerms(question);
  let best = 0;
  for (const item of retrieved) {
    for (const sentence of sentencesOf(item.passage, terms, idf)) best = Math.max(best, sentence.coverage);
  }
  return best;
}

/**
 * Builds an extractive answer: verbatim sentences from the top passages, each run followed by
 * the [n] of the passage it came from. Every retrieved passage is cited, in relevance order.
 */
export function composeAnswer(question: string, retrieved: readonly RetrievedPassage[], options: ComposeOptions): Answer {
  const terms = contentTerms(question);
  const citations: Citation[] = retrieved.map((item, index) => ({
    n: index + 1,
    ...sourceRef(item.passage, options.article),
    score: Number(item.score.toFixed(6)),
    alsoReportedBy: item.duplicates.map((duplicate) => sourceRef(duplicate, options.article)),
  }));

  const runs = retrieved.slice(0, options.maxQuotedPassages).map((item, index) => {
    const run = bestRun(sentencesOf(item.passage, terms, options.idf), options.maxAnswerChars);
    return { n: index + 1, run, coverage: run[0]?.coverage ?? 0 };
  });
  const top = Math.max(0, ...runs.map((run) => run.coverage));
  const parts: string[] = [];
  let length = 0;
  for (const { n, run, coverage: score } of runs) {
    // Later passages only speak when they answer nearly as well as the best one.
    if (run.length === 0 || score === 0 || score < top * 0.6) continue;
    const text = run.map((sentence) => sentence.text).join(" ");
    if (parts.length > 0 && length + text.length > options.maxAnswerChars) break;
    parts.push(`${text} [${n}]`);
    length += text.length;
  }
  return { question, answered: parts.length > 0, answer: parts.join(" "), citations };
}

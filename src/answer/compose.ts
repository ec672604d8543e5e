import { isContinuation } from "../ingest/chunk.js";
import type { Answer, Citation, Passage, RetrievedPassage } from "../types.js";
import { answerTypeOf, hasAnswerType, measureAsked, type AnswerType } from "../retrieve/answerType.js";
import { coverageOf, type Coverage } from "../retrieve/coverage.js";
import { passageReader, type PassageReader } from "../retrieve/passageText.js";
import { namesWithin } from "../text/names.js";
import { startsWithQuote } from "../text/sentences.js";
import { contentTerms } from "../text/terms.js";
import { citationOf, type ArticleLookup } from "./sources.js";

/** Extra score for a sentence that holds the kind of answer asked for (a number, a day). */
const TYPED_BONUS = 0.3;
/** Score a quoted passage loses for each place it sits lower in the retrieval ranking. */
const RANK_PENALTY = 0.05;
/**
 * A sentence that holds the asked-for kind of answer, in a passage about the question's names,
 * leads over any that does not (the sentence with "110 square km" answers "how much territory",
 * not one that repeats the question); others like it join it when they cover at least this
 * share of what the best of them covers.
 */
const FITTING_SHARE = 0.5;
/**
 * The least share of the best coverage among sentences on the subject that a sentence answering a "which company" or
 * "what did X say" question in kind must cover to lead: their kinds (a name, a speech verb) are in most sentences.
 */
const LOOSE_KIND_SHARE = 1 / 3;

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
  /** How much of the question a sentence covers; the question's own content terms when absent. */
  coverage?: Coverage;
  /** The kind of answer asked for; read from the question when absent. */
  type?: AnswerType;
  /** Whether a sentence holds the kind of answer asked for; `hasAnswerType` when absent. */
  holdsAnswer?: (sentence: string) => boolean;
  /** Whether a passage is about whom and what the question names; every passage when absent. */
  onSubject?: (passage: Passage) => boolean;
}

/** The sentence an answer leads with, for judging how sure the answer is. */
interface Lead {
  /** Position of its passage in the retrieved list. */
  index: number;
  coverage: number;
  /** Whether it holds an answer of the asked-for kind (always true when no kind is asked for). */
  typed: boolean;
  /** Whether its passage is about whom and what the question names. */
  onSubject: boolean;
  text: string;
  /** The sentence before it in its passage ("" when it opens the passage): what "the new contracts" refers to. */
  before: string;
  /** The names its opening pronoun refers back to ("" when it opens with none). */
  carried: string;
}

export interface Composed extends Answer {
  lead: Lead | null;
  /** The most of the question any retrieved sentence holds, from 0 to 1: how near the passages come. */
  bestCoverage: number;
}

export const DEFAULT_COMPOSE = { maxQuotedPassages: 3, maxAnswerChars: 700 } as const;

interface ScoredSentence {
  start: number;
  end: number;
  text: string;
  coverage: number;
  /** The names a sentence opening with "He", "She" or "They" refers back to ("" for others). */
  carried: string;
}

/** A sentence whose subject is a pronoun: "He also reiterated that the arms supply freeze…". */
const PRONOUN_OPENING = /^(?:He|She|They)\b/;
/** How many sentences back a pronoun may find the names it stands for. */
const PRONOUN_REACH = 3;

/**
 * The names of the nearest sentence before `index` (within PRONOUN_REACH) that writes any, when
 * the sentence at `index` opens with a pronoun: who "He" is in "He also reiterated…".
 */
function carriedNames(texts: readonly string[], index: number): string {
  if (!PRONOUN_OPENING.test(texts[index] ?? "")) return "";
  for (let back = index - 1; back >= Math.max(0, index - PRONOUN_REACH); back--) {
    const names = namesWithin(texts[back] as string);
    if (names.length > 0) return names.join(" ");
  }
  return "";
}

function sentencesOf(passage: Passage, coverage: Coverage, read: PassageReader): ScoredSentence[] {
  const { sentences } = read(passage);
  const texts = sentences.map((sentence) => sentence.text);
  return sentences.map((sentence, index) => {
    const carried = carriedNames(texts, index);
    return {
      start: passage.start + sentence.start,
      end: passage.start + sentence.end,
      text: sentence.text,
      coverage: coverage(carried === "" ? sentence.terms : new Set([...sentence.terms, ...contentTerms(carried)])),
      carried,
    };
  });
}

/** How many sentences back a quotation may have opened. */
const QUOTE_REACH = 3;

/**
 * The sentence that names who speaks a quotation, when the sentence at `index` is part of one
 * (it opens it, or an earlier sentence opened it and left it open): the sentence right before the
 * quotation opens, if it holds a person; -1 otherwise.
 */
function speakerBefore(sentences: readonly ScoredSentence[], index: number, holdsPerson: (text: string) => boolean): number {
  for (let opened = index; opened >= Math.max(1, index - QUOTE_REACH); opened--) {
    const quoted = startsWithQuote((sentences[opened] as ScoredSentence).text) && (opened === index || leavesQuoteOpen(sentences.slice(opened, index).map((sentence) => sentence.text).join(" ")));
    if (quoted) return holdsPerson((sentences[opened - 1] as ScoredSentence).text) ? opened - 1 : -1;
  }
  return -1;
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
function runFrom(sentences: ScoredSentence[], first: number, maxChars: number, take = 0): ScoredSentence[] {
  const head = sentences[first];
  if (!head) return [];
  const run = [head];
  let length = head.text.length;
  let open = leavesQuoteOpen(head.text);
  for (let next = first + 1; next < sentences.length; next++) {
    const sentence = sentences[next] as ScoredSentence;
    // `take` sentences after the head come whatever they say (the quote a speaker's sentence introduces).
    if (!(next - first <= take || open || isContinuation(sentence.text)) || length + sentence.text.length > maxChars) break;
    run.push(sentence);
    length += sentence.text.length;
    open = leavesQuoteOpen(run.map((item) => item.text).join(" "));
  }
  return run;
}

/** Index of the sentence that best answers: most of the question's weight, of the asked-for kind. */
function bestSentence(sentences: ScoredSentence[], typed: (text: string) => boolean, type: AnswerType): number {
  let best = -1;
  let bestScore = 0;
  sentences.forEach((sentence, index) => {
    const score = sentence.coverage + (sentence.coverage > 0 && type !== null && typed(sentence.text) ? TYPED_BONUS : 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Builds an extractive answer: verbatim sentences from the top passages, each run followed by
 * the [n] of the passage it came from. Every retrieved passage is cited, in relevance order.
 */
export function composeAnswer(question: string, retrieved: readonly RetrievedPassage[], options: ComposeOptions): Composed {
  const coverage = options.coverage ?? coverageOf(contentTerms(question), options.idf);
  const read = options.read ?? passageReader();
  const citations: Citation[] = retrieved.map((item, index) => citationOf(item, index + 1, options.article));

  const type = options.type === undefined ? answerTypeOf(question) : options.type;
  const holdsAnswer = options.holdsAnswer ?? ((text: string) => hasAnswerType(text, type));
  const onSubject = options.onSubject ?? (() => true);
  // (Not a length of time: "we are talking about years" in the next sentence is rarely about the one before.)
  const measured = type === "quantity" && ["sum", "area"].includes(measureAsked(question)?.kind ?? "");
  const candidates = retrieved.map((item, index) => {
    const sentences = sentencesOf(item.passage, coverage, read);
    let best = bestSentence(sentences, holdsAnswer, type);
    // "Who said British troops would stay forever?": the quote's speaker is named in the sentence before it.
    const speaker = type === "person" && best >= 0 && !holdsAnswer((sentences[best] as ScoredSentence).text) ? speakerBefore(sentences, best, holdsAnswer) : -1;
    const quoteCoverage = speaker >= 0 ? (sentences[best] as ScoredSentence).coverage : undefined;
    // "Britain's agreement with Anduril will see… The new contracts total nearly £30m": a sum or an area may be given
    // in the next sentence (a count must say what it counts in its own).
    const next = sentences[best + 1];
    const answeredNext = measured && speaker < 0 && best >= 0 && next !== undefined && !holdsAnswer((sentences[best] as ScoredSentence).text) && holdsAnswer(next.text);
    const take = speaker >= 0 ? best - speaker : answeredNext ? 1 : 0;
    if (speaker >= 0) best = speaker;
    const run = best < 0 ? [] : runFrom(sentences, best, options.maxAnswerChars, take);
    const head = run[0] === undefined || quoteCoverage === undefined ? run[0] : { ...run[0], coverage: quoteCoverage };
    const isTyped = head !== undefined && (type === null || holdsAnswer(head.text) || (answeredNext && run.includes(next)));
    const typed = isTyped && type !== null ? TYPED_BONUS : 0;
    // Retrieval order still counts: a later passage must answer clearly better to lead.
    const score = head === undefined ? 0 : head.coverage + typed - RANK_PENALTY * index;
    const before = best > 0 ? (sentences[best - 1] as ScoredSentence).text : "";
    return { n: index + 1, run, score, isTyped, before, carried: head?.carried ?? "", coverage: head?.coverage ?? 0, about: head !== undefined && onSubject(item.passage) };
  });
  // Among the sentences that answer in kind, about the question's names, the best covered leads.
  const answering = candidates.filter((candidate) => candidate.isTyped && candidate.about && candidate.run.length > 0);
  const bestCovered = Math.max(0, ...answering.map((candidate) => candidate.coverage));
  // "Which company…" and "what did X tell…" are answered in kind by any name or any speech: such a sentence leads only if
  // it covers a fair share of what the best sentence on the subject covers ("Kiper said… Odesa" does not lead over
  // "Britain has signed a deal with an Anglo-American security firm…").
  const bestAbout = Math.max(0, ...candidates.filter((candidate) => candidate.about).map((candidate) => candidate.coverage));
  const floor = type === "name" || type === "quote" ? LOOSE_KIND_SHARE * bestAbout : 0;
  const fits = (candidate: (typeof candidates)[number]) => answering.includes(candidate) && candidate.coverage >= FITTING_SHARE * bestCovered && candidate.coverage >= floor;
  const runs = candidates
    .sort((a, b) => Number(fits(b)) - Number(fits(a)) || Number(b.about && b.score > 0) - Number(a.about && a.score > 0) || b.score - a.score)
    .slice(0, options.maxQuotedPassages);
  const first = runs[0];
  const parts: string[] = [];
  let length = 0;
  let lead: Lead | null = null;
  for (const candidate of runs) {
    const { n, run, score } = candidate;
    // Later passages only speak when they answer nearly as well as the first, and as fittingly.
    if (run.length === 0 || score <= 0 || score < (first?.score ?? 0) * 0.6) continue;
    if (lead !== null && first !== undefined && fits(first) && !fits(candidate)) continue;
    const text = run.map((sentence) => sentence.text).join(" ");
    if (parts.length > 0 && length + text.length > options.maxAnswerChars) break;
    lead ??= { index: n - 1, coverage: candidate.coverage, typed: candidate.isTyped, onSubject: candidate.about, text, before: candidate.before, carried: candidate.carried };
    parts.push(`${text} [${n}]`);
    length += text.length;
  }
  const answered = parts.length > 0;
  const bestCoverage = Math.max(0, ...candidates.map((candidate) => candidate.coverage));
  return { question, answered, confidence: answered ? "high" : "none", answer: parts.join(" "), citations, lead, bestCoverage };
}

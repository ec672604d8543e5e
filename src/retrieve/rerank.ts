import { namedTerms } from "../answer/abstain.js";
import type { RetrievedPassage } from "../types.js";
import { answerTypeOf, hasAnswerType } from "./answerType.js";
import { coverageOf } from "./coverage.js";
import { passageReader, type PassageReader } from "./passageText.js";
import { contentTerms } from "./terms.js";

/** How many fused candidates are re-scored; the rest keep their order behind them. */
export const RERANK_DEPTH = 20;

/**
 * Weights of the re-ranking features, added to the fused score (which lies in [0, 1]). A grid
 * over the dev set found sentence coverage adds nothing BM25 has not already counted, so it
 * is kept at 0 and only the two signals BM25 cannot see carry weight.
 */
export const RERANK_WEIGHTS = { coverage: 0, names: 0.15, answerType: 0.3 } as const;

/**
 * Re-scores the top candidates with what a reader checks first: does one sentence hold most of
 * the question's rarer words, are the people and places it names there, and is there an answer
 * of the asked-for kind (a number for "how many", a day for "when") in that same sentence.
 */
export function rerank(
  question: string,
  candidates: RetrievedPassage[],
  idf: (term: string) => number,
  read: PassageReader = passageReader(),
): RetrievedPassage[] {
  const coverage = coverageOf(contentTerms(question), idf);
  const names = namedTerms(question).map((name) => name.toLowerCase());
  const type = answerTypeOf(question);
  const head = candidates.slice(0, RERANK_DEPTH).map((candidate) => {
    const text = read(candidate.passage);
    const nameShare = names.length === 0 ? 0 : names.filter((name) => text.has(name)).length / names.length;
    let bestSentence = 0;
    let typed = 0;
    for (const sentence of text.sentences) {
      const share = coverage(sentence.terms);
      bestSentence = Math.max(bestSentence, share);
      if (type !== null && type !== "quote" && share > 0 && hasAnswerType(sentence.text, type)) typed = Math.max(typed, share);
    }
    // A quote often follows the sentence naming its speaker, so it counts passage-wide.
    if (type === "quote" && nameShare > 0 && hasAnswerType(candidate.passage.text, type)) typed = nameShare;
    const score =
      candidate.score +
      RERANK_WEIGHTS.coverage * bestSentence +
      RERANK_WEIGHTS.names * nameShare +
      RERANK_WEIGHTS.answerType * typed;
    return { ...candidate, score };
  });
  return [...head.sort((a, b) => b.score - a.score), ...candidates.slice(RERANK_DEPTH)];
}

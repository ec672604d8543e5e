import type { Concept, RetrievedPassage } from "../types.js";
import { hasAnswerType, type AnswerType } from "./answerType.js";
import { conceptHeld, type Coverage } from "./coverage.js";
import { passageReader, type PassageReader } from "./passageText.js";

/** What re-ranking needs to know about the question. */
export interface RerankQuestion {
  concepts: readonly Concept[];
  type: AnswerType;
}

/** How many fused candidates are re-scored; the rest keep their order behind them. */
const RERANK_DEPTH = 20;

/**
 * Weights of the re-ranking features, added to the fused score (which lies in [0, 1]). A grid
 * over the dev set found sentence coverage adds nothing BM25 has not already counted, so it
 * is kept at 0 and only the two signals BM25 cannot see carry weight.
 */
const RERANK_WEIGHTS = { coverage: 0, names: 0.15, answerType: 0.3 } as const;

/**
 * Re-scores the top candidates with what a reader checks first: does one sentence hold most of
 * the question's rarer words, are the people and places it names there, and is there an answer
 * of the asked-for kind (a number for "how many", a day for "when") in that same sentence.
 */
export function rerank(
  question: RerankQuestion,
  candidates: RetrievedPassage[],
  coverage: Coverage,
  read: PassageReader = passageReader(),
): RetrievedPassage[] {
  const names = question.concepts.filter((concept) => concept.kind !== "word" && concept.known);
  const wanted = new Set(names.flatMap((concept) => concept.alternatives.flat()));
  const type = question.type;
  const head = candidates.slice(0, RERANK_DEPTH).map((candidate) => {
    const text = read(candidate.passage);
    const present = names.length === 0 ? new Set<string>() : text.termsAmong(wanted);
    const nameShare = names.length === 0 ? 0 : names.filter((concept) => conceptHeld(concept, present)).length / names.length;
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

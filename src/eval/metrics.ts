import { z } from "zod";
import type { Answer, Confidence } from "../types.js";

export const evalQuestionSchema = z.object({
  id: z.string(),
  type: z.enum(["speaker", "fact", "number", "unanswerable"]),
  question: z.string(),
  evidence: z.array(z.array(z.string())),
  keywords: z.array(z.string()).default([]),
  /** How the question is worded (chat, role, paraphrase, multipart, plain, unanswerable); optional. */
  style: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** The comparison form of the eval README: NFKC, straight quotes, collapsed spaces, lower case. */
export function normaliseForEval(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export interface QuestionResult {
  id: string;
  type: EvalQuestion["type"];
  style: string | null;
  answered: boolean;
  confidence: Confidence;
  /** recall at k = 1, 3, 5 */
  recall: [number, number, number];
  reciprocalRank: number;
  keywordsHit: boolean;
  citations: number;
  faithfulCitations: number;
}

/** Scores one answer against its question; `fileText` returns an article file's text. */
export function scoreAnswer(question: EvalQuestion, answer: Answer, fileText: (articleId: string) => string | undefined): QuestionResult {
  const texts = answer.citations.map((citation) => normaliseForEval(citation.text));
  const groupHit = (group: string[], k: number) =>
    texts.slice(0, k).some((text) => group.some((needle) => text.includes(normaliseForEval(needle))));
  const recallAt = (k: number) =>
    question.evidence.length === 0 ? 0 : question.evidence.filter((group) => groupHit(group, k)).length / question.evidence.length;
  const firstHit = texts.findIndex((text) =>
    question.evidence.some((group) => group.some((needle) => text.includes(normaliseForEval(needle)))),
  );
  const answerText = answer.answer.toLowerCase();
  const faithful = answer.citations.filter((citation) => fileText(citation.articleId)?.slice(citation.start, citation.end) === citation.text);
  return {
    id: question.id,
    type: question.type,
    style: question.style ?? null,
    answered: answer.answered,
    confidence: answer.confidence,
    recall: [recallAt(1), recallAt(3), recallAt(5)],
    reciprocalRank: firstHit >= 0 ? 1 / (firstHit + 1) : 0,
    keywordsHit: question.keywords.every((keyword) => answerText.includes(keyword.toLowerCase())),
    citations: answer.citations.length,
    faithfulCitations: faithful.length,
  };
}

export interface Summary {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
  keywordHitRate: number;
  /** Unanswerable questions correctly abstained on (null when the group has none). */
  abstentionAccuracy: number | null;
  /** Answerable questions wrongly abstained on (null when the group has none). */
  falseAbstentionRate: number | null;
  /** Answerable questions answered with low confidence (closest passages shown); null when none. */
  answerableLow: number | null;
  /** Answerable questions answered with no citation at all; null when none. */
  answerableNone: number | null;
  citationFidelity: number;
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

export function summarise(results: QuestionResult[]): Summary {
  const answerable = results.filter((result) => result.type !== "unanswerable");
  const unanswerable = results.filter((result) => result.type === "unanswerable");
  const citations = results.reduce((sum, result) => sum + result.citations, 0);
  return {
    questions: results.length,
    recallAt1: mean(answerable.map((result) => result.recall[0])),
    recallAt3: mean(answerable.map((result) => result.recall[1])),
    recallAt5: mean(answerable.map((result) => result.recall[2])),
    mrr: mean(answerable.map((result) => result.reciprocalRank)),
    keywordHitRate: mean(answerable.map((result) => (result.answered && result.keywordsHit ? 1 : 0))),
    abstentionAccuracy: unanswerable.length === 0 ? null : mean(unanswerable.map((result) => (result.answered ? 0 : 1))),
    falseAbstentionRate: answerable.length === 0 ? null : mean(answerable.map((result) => (result.answered ? 0 : 1))),
    answerableLow: answerable.length === 0 ? null : mean(answerable.map((result) => (result.confidence === "low" ? 1 : 0))),
    answerableNone: answerable.length === 0 ? null : mean(answerable.map((result) => (result.confidence === "none" ? 1 : 0))),
    citationFidelity: citations === 0 ? 1 : results.reduce((sum, result) => sum + result.faithfulCitations, 0) / citations,
  };
}

/** Summaries per question type and overall, in a stable order. */
export function summariseByType(results: QuestionResult[]): Array<{ group: string; summary: Summary }> {
  const types = ["speaker", "fact", "number", "unanswerable"] as const;
  return [
    ...types
      .filter((type) => results.some((result) => result.type === type))
      .map((type) => ({ group: type, summary: summarise(results.filter((result) => result.type === type)) })),
    { group: "overall", summary: summarise(results) },
  ];
}

/** Summaries per wording style (chat, role, paraphrase…), for sets that give one; empty otherwise. */
export function summariseByStyle(results: QuestionResult[]): Array<{ group: string; summary: Summary }> {
  const styles = [...new Set(results.flatMap((result) => (result.style === null ? [] : [result.style])))].sort();
  return styles.map((style) => ({ group: style, summary: summarise(results.filter((result) => result.style === style)) }));
}

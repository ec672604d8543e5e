import { normaliseForEval, type EvalQuestion } from "../../src/eval/metrics.js";

export const DEV_SET = "test/fixtures/eval/dev.jsonl";

/**
 * Evidence recall at k of any retriever: the share of a question's evidence groups with a
 * needle inside one of the first `k` retrieved texts, compared in the eval's normal form.
 * Null for questions without evidence (unanswerable ones), which recall does not count.
 */
export function evidenceRecall(question: EvalQuestion, texts: readonly string[], k: number): number | null {
  if (question.evidence.length === 0) return null;
  const top = texts.slice(0, k).map(normaliseForEval);
  const hit = (group: string[]) => group.some((needle) => top.some((text) => text.includes(normaliseForEval(needle))));
  return question.evidence.filter(hit).length / question.evidence.length;
}

/** Mean recall over the questions that have evidence. */
export function meanRecall(values: ReadonlyArray<number | null>): number {
  const counted = values.filter((value): value is number => value !== null);
  return counted.length === 0 ? Number.NaN : counted.reduce((sum, value) => sum + value, 0) / counted.length;
}

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalQuestionSchema, scoreAnswer, summarise, type EvalQuestion, type Summary } from "../../src/eval/metrics.js";
import type { Answer } from "../../src/types.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { ROOT, runCli, type CliResult } from "../support/runCli.js";

/**
 * The whole product path, as a user runs it: `ask --jsonl` on a fresh index built from the
 * seeds with the offline sentence encoder, scored on every tuning set (every set but the locked one). The floors are the
 * issue's targets where the set meets them and today's figures where it does not yet, so a
 * change that makes answers worse fails here. The locked blind set is not run here.
 */
interface Floors {
  recallAt5: number;
  recallAt1: number;
  /** Most answerable questions allowed each outcome. */
  answerableNone: number;
  answerableLow: number;
  /** Fewest unanswerable questions not answered with high confidence. */
  unanswerableNotHigh: number;
}

const SETS: Record<string, Floors> = {
  "dev.jsonl": { recallAt5: 0.95, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 1 },
  "paraphrase.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 1 },
  "blind-tuning.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  "blind-validation.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  "blind-b.jsonl": { recallAt5: 0.88, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.8 },
  "blind-d.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-e.jsonl": { recallAt5: 0.9, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-f.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  "blind-g.jsonl": { recallAt5: 0.9, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.19, unanswerableNotHigh: 0.9 },
  "blind-h.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-k.jsonl": { recallAt5: 0.95, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.17, unanswerableNotHigh: 0.95 },
  // "Which company is the UK getting those attack drones from" is low: the passage naming Anduril is not retrieved, and the
  // one that is ("…an Anglo-American security firm") names none (it was a wrong `high` before).
  "blind-i.jsonl": { recallAt5: 0.9, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-j.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.8 },
  "blind-n.jsonl": { recallAt5: 0.95, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-m.jsonl": { recallAt5: 0.89, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-p.jsonl": { recallAt5: 0.84, recallAt1: 0.68, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-r.jsonl": { recallAt5: 0.88, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  "blind-s.jsonl": { recallAt5: 0.9, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  // Six of its ten paraphrases are low (the report words them otherwise: "soil" for "territory", "quit" for "leaving").
  "blind-t.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  // The eighth pass's locked set: most of its paraphrases are low.
  "blind-u.jsonl": { recallAt5: 0.9, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.21, unanswerableNotHigh: 0.95 },
  "blind-v.jsonl": { recallAt5: 0.94, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  // The ninth pass's locked set, added after its last run.
  "blind-w.jsonl": { recallAt5: 0.95, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  // The tenth pass's tuning sets: x in every style, z and qa mostly unanswerable questions set as traps, pa reworded
  // questions (below the recall targets: held where they are).
  "blind-x.jsonl": { recallAt5: 0.95, recallAt1: 0.73, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  "blind-z.jsonl": { recallAt5: 0.9, recallAt1: 0.7, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  "blind-qa.jsonl": { recallAt5: 0.95, recallAt1: 0.9, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.85 },
  "blind-pa.jsonl": { recallAt5: 0.8, recallAt1: 0.66, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  // Written midway through the tenth pass, run on its engine before and after the rules found so far (no change), then tuning.
  "blind-ab.jsonl": { recallAt5: 0.95, recallAt1: 0.8, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.9 },
  // The tenth pass's locked set, added after its last run; tuning in the eleventh.
  "blind-y.jsonl": { recallAt5: 0.95, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.8 },
  // The eleventh pass: ad written at its start and tuned on; ae written midway and run on its starting engine and on
  // b00e2ce, then tuned on; ac its locked set, run before and after (no answer changed), then read and tuned on.
  // Their reworded questions are mostly low.
  "blind-ad.jsonl": { recallAt5: 0.88, recallAt1: 0.8, answerableNone: 0.05, answerableLow: 0.18, unanswerableNotHigh: 0.95 },
  "blind-ae.jsonl": { recallAt5: 0.9, recallAt1: 0.79, answerableNone: 0.05, answerableLow: 0.17, unanswerableNotHigh: 0.8 },
  "blind-ac.jsonl": { recallAt5: 0.9, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.23, unanswerableNotHigh: 0.9 },
  // The twelfth pass: af written at its start and tuned on; ag its first locked set, run before and after its first
  // changes (no outcome changed), then read and tuned on.
  "blind-af.jsonl": { recallAt5: 0.95, recallAt1: 0.85, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  "blind-ag.jsonl": { recallAt5: 0.95, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.19, unanswerableNotHigh: 0.9 },
  // The twelfth pass's second locked set, written midway and run on its starting engine and at its end.
  "blind-ah.jsonl": { recallAt5: 0.94, recallAt1: 0.8, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.8 },
  // The thirteenth pass's two locked sets, run on its starting engine and at its end.
  "blind-ai.jsonl": { recallAt5: 0.95, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.15, unanswerableNotHigh: 0.95 },
  "blind-aj.jsonl": { recallAt5: 0.95, recallAt1: 0.75, answerableNone: 0.05, answerableLow: 0.17, unanswerableNotHigh: 0.9 },
};

const sets = Object.keys(SETS).map((name) => ({
  name,
  questions: readFileSync(path.join(ROOT, "test/fixtures/eval", name), "utf8")
    .trim()
    .split("\n")
    .map((line) => evalQuestionSchema.parse(JSON.parse(line))),
}));
const all: EvalQuestion[] = sets.flatMap((set) => set.questions);
/** Lines that are no question at all, sent after the sets: each still gets an answer line. */
const NOT_QUESTIONS = ["lol", "???", "\u{1F600}\u{1F600}", "hi"];

let indexDir: string;
let run: CliResult;
let answers: Answer[];
const summaries = new Map<string, Summary>();

beforeAll(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), "evalsets-index-"));
  run = await runCli("src/cli/ask.ts", ["--jsonl"], {
    env: { INDEX_DIR: indexDir, ARTICLES_DIR: SEEDS_DIR, EMBEDDINGS: "offline" },
    input: `${[...all.map((question) => question.question), ...NOT_QUESTIONS].join("\n")}\n`,
    timeoutMs: 110_000,
  });
  answers = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as Answer);
  const fileText = (articleId: string) => readFileSync(path.join(SEEDS_DIR, `${articleId}.txt`), "utf8");
  let offset = 0;
  for (const set of sets) {
    const results = set.questions.map((question, index) => scoreAnswer(question, answers[offset + index]!, fileText));
    summaries.set(set.name, summarise(results));
    offset += set.questions.length;
  }
});
afterAll(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

describe("the tuning question sets through ask --jsonl with the offline encoder", () => {
  it("builds the index on first use and answers every line in order", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Embeddings: offline Universal Sentence Encoder lite/);
    expect(run.stderr).toMatch(/Indexed 5 articles into \d+ passages/);
    expect(answers.map((answer) => answer.question)).toEqual([...all.map((question) => question.question), ...NOT_QUESTIONS]);
  });

  it("answers lines that are no question (filler, punctuation, emoji) with none, not a failure", () => {
    for (const answer of answers.slice(all.length)) expect(answer).toMatchObject({ confidence: "none", citations: [] });
  });

  it.each(Object.entries(SETS))("%s: finds the evidence and is as sure as it should be", (name, floors) => {
    const summary = summaries.get(name) as Summary;
    expect(summary.recallAt5, "R@5").toBeGreaterThanOrEqual(floors.recallAt5);
    expect(summary.recallAt1, "R@1").toBeGreaterThanOrEqual(floors.recallAt1);
    expect(summary.answerableNone, "answerable answered none").toBeLessThanOrEqual(floors.answerableNone);
    expect(summary.answerableLow, "answerable answered low").toBeLessThanOrEqual(floors.answerableLow);
    expect(summary.abstentionAccuracy, "unanswerable not answered high").toBeGreaterThanOrEqual(floors.unanswerableNotHigh);
  });

  it("quotes every citation exactly as the article file has it at its offsets, and marks what the answer quotes", () => {
    for (const summary of summaries.values()) expect(summary.citationFidelity).toBe(1);
    for (const answer of answers) {
      const quoted = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
      expect(new Set(answer.citations.filter((citation) => citation.cited).map((citation) => citation.n))).toEqual(quoted);
      expect(["high", "low", "none"]).toContain(answer.confidence);
      expect(answer.answered).toBe(answer.confidence === "high");
      if (answer.confidence === "none") expect(answer.citations).toEqual([]);
    }
  });
});

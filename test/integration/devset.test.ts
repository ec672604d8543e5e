import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalQuestionSchema, scoreAnswer, summarise, type QuestionResult } from "../../src/eval/metrics.js";
import type { Answer } from "../../src/types.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { ROOT, runCli, type CliResult } from "../support/runCli.js";

/**
 * The whole product path, as a user runs it: `ask --jsonl` on a fresh index built from the
 * seeds with the offline sentence encoder, scored on the dev set.
 */
const questions = readFileSync(path.join(ROOT, "test/fixtures/eval/dev.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => evalQuestionSchema.parse(JSON.parse(line)));

let indexDir: string;
let run: CliResult;
let results: QuestionResult[];
let answers: Answer[];

beforeAll(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), "devset-index-"));
  run = await runCli("src/cli/ask.ts", ["--jsonl"], {
    env: { INDEX_DIR: indexDir, ARTICLES_DIR: SEEDS_DIR, EMBEDDINGS: "offline" },
    input: `${questions.map((question) => question.question).join("\n")}\n`,
    timeoutMs: 110_000,
  });
  answers = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as Answer);
  const fileText = (articleId: string) => readFileSync(path.join(SEEDS_DIR, `${articleId}.txt`), "utf8");
  results = questions.map((question, index) => scoreAnswer(question, answers[index]!, fileText));
});
afterAll(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

describe("dev set through ask --jsonl with the offline encoder", () => {
  it("builds the index on first use and answers every line in order", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Embeddings: offline Universal Sentence Encoder lite/);
    expect(run.stderr).toMatch(/Indexed 5 articles into \d+ passages/);
    expect(answers.map((answer) => answer.question)).toEqual(questions.map((question) => question.question));
  });

  it("finds the evidence in the top five citations", () => {
    const summary = summarise(results);
    expect(summary.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(summary.recallAt1).toBeGreaterThanOrEqual(0.65);
  });

  it("answers no unanswerable question with high confidence, and rarely doubts answerable ones", () => {
    const summary = summarise(results);
    expect(summary.abstentionAccuracy).toBe(1);
    expect(summary.answerableNone).toBeLessThanOrEqual(0.05);
    expect(summary.answerableLow).toBeLessThanOrEqual(0.15);
  });

  it("quotes every citation exactly as the article file has it at its offsets", () => {
    expect(summarise(results).citationFidelity).toBe(1);
    for (const answer of answers) {
      for (const citation of answer.citations) {
        expect(citation).toMatchObject({ n: expect.any(Number), articleId: expect.any(String), title: expect.any(String), score: expect.any(Number) });
      }
    }
  });
});

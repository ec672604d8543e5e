import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import dotenv from "dotenv";
import { loadEngineConfig } from "../src/config.js";
import { openEngine } from "../src/engine/openEngine.js";
import { isUserError } from "../src/errors.js";
import { evalQuestionSchema, scoreAnswer, summariseByType, type EvalQuestion, type Summary } from "../src/eval/metrics.js";
import { stderrLogger } from "../src/log.js";

const HELP = `Usage: npm run eval -- [--json] [--verbose] [FILE]

Runs a question set (JSON lines in the format of test/fixtures/eval/README) through the engine
and prints evidence recall@1/3/5, MRR, keyword hits, abstention and citation fidelity, per
question type and overall. FILE defaults to test/fixtures/eval/dev.jsonl.

Options:
  --json       Print the per-question results and summaries as JSON.
  --verbose    Also print each question's answer and which evidence it missed.
  -h, --help   Show this help.`;

function readQuestions(file: string): EvalQuestion[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the question set ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return text
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      const parsed = evalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
      return parsed.data;
    });
}

const pct = (value: number | null) => (value === null ? "  -  " : value.toFixed(3));

function table(rows: Array<{ group: string; summary: Summary }>): string {
  const header = "group         n   R@1    R@3    R@5    MRR    keyw   abst   f-abst  fidelity";
  const lines = rows.map(({ group, summary: s }) =>
    [
      group.padEnd(12),
      String(s.questions).padStart(2),
      pct(s.recallAt1), pct(s.recallAt3), pct(s.recallAt5), pct(s.mrr), pct(s.keywordHitRate),
      pct(s.abstentionAccuracy), pct(s.falseAbstentionRate), pct(s.citationFidelity),
    ].join("  "),
  );
  return [header, ...lines].join("\n");
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, verbose: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const file = positionals[0] ?? "test/fixtures/eval/dev.jsonl";
  const questions = readQuestions(file);
  dotenv.config({ quiet: true });
  const config = loadEngineConfig();
  const engine = await openEngine(config, stderrLogger, { progress: true });
  const folder = engine.index.manifest.articlesDir;
  const files = new Map(engine.sources().map((record) => [record.id, record.file]));
  const fileText = (articleId: string) => {
    const name = files.get(articleId);
    return name === undefined ? undefined : readFileSync(path.join(folder, name), "utf8");
  };

  const results = [];
  for (const question of questions) {
    const answer = await engine.ask(question.question);
    const result = scoreAnswer(question, answer, fileText);
    results.push(result);
    if (values.verbose) {
      process.stdout.write(
        `\n${question.id} [${question.type}] ${question.question}\n  answered=${answer.answered} R@5=${result.recall[2].toFixed(2)} keywords=${result.keywordsHit}\n  ${answer.answer}\n`,
      );
    }
  }
  const summaries = summariseByType(results);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ file, encoder: engine.encoderId, results, summaries }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`\n${file} — ${questions.length} questions — encoder ${engine.encoderId}\n${table(summaries)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${isUserError(error) ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exitCode = isUserError(error) ? 2 : 1;
});

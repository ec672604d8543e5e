import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { loadEngineConfig } from "../src/config.js";
import { openEngine } from "../src/engine/openEngine.js";
import { noteNpmBanner, runCommand } from "../src/cli/command.js";
import { EVAL_HELP, parseEvalArgs, SETS_DIR } from "../src/cli/evalArgs.js";
import { scoreAnswer, summariseByStyle, summariseByType, type QuestionResult, type Summary } from "../src/eval/metrics.js";
import { readQuestionSet } from "../src/eval/questionSet.js";
import { stderrLogger } from "../src/log.js";

const pct = (value: number | null) => (value === null ? "  -  " : value.toFixed(3));

function table(rows: Array<{ group: string; summary: Summary }>): string {
  const header = "group         n   R@1    R@3    R@5    MRR    keyw   high   low    none   unans!high  fidelity";
  const lines = rows.map(({ group, summary: s }) =>
    [
      group.padEnd(12),
      String(s.questions).padStart(2),
      pct(s.recallAt1), pct(s.recallAt3), pct(s.recallAt5), pct(s.mrr), pct(s.keywordHitRate),
      pct(s.falseAbstentionRate === null ? null : 1 - s.falseAbstentionRate), pct(s.answerableLow), pct(s.answerableNone),
      `${pct(s.abstentionAccuracy)}     `, pct(s.citationFidelity),
    ].join("  "),
  );
  return [header, ...lines].join("\n");
}

async function main(): Promise<void> {
  const values = parseEvalArgs(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(`${EVAL_HELP}\n`);
    return;
  }
  const files = values.files.length > 0 ? values.files : readdirSync(SETS_DIR).filter((name) => name.endsWith(".jsonl")).sort().map((name) => path.join(SETS_DIR, name));
  const sets = files.map((file) => ({ file, questions: readQuestionSet(file) }));
  if (values.json) noteNpmBanner("eval");
  dotenv.config({ quiet: true });
  const config = loadEngineConfig();
  const engine = await openEngine(config, stderrLogger, { progress: true });
  const folder = engine.index.manifest.articlesDir;
  const articleFiles = new Map(engine.sources().map((record) => [record.id, record.file]));
  const fileText = (articleId: string) => {
    const name = articleFiles.get(articleId);
    return name === undefined ? undefined : readFileSync(path.join(folder, name), "utf8");
  };

  const report = [];
  for (const { file, questions } of sets) {
    const results: QuestionResult[] = [];
    for (const question of questions) {
      const answer = await engine.ask(question.question);
      const result = scoreAnswer(question, answer, fileText);
      results.push(result);
      if (values.verbose) {
        process.stdout.write(
          `\n${question.id} [${question.type}${question.style ? `/${question.style}` : ""}] ${question.question}\n` +
            `  ${answer.confidence} R@5=${result.recall[2].toFixed(2)} keywords=${result.keywordsHit}${answer.correctedQuestion ? ` read as: ${answer.correctedQuestion}` : ""}\n  ${answer.answer}\n`,
        );
      }
    }
    const summaries = summariseByType(results);
    const styles = summariseByStyle(results);
    report.push({ file, results, summaries, styles });
    if (!values.json) {
      process.stdout.write(`\n${file} — ${questions.length} questions — encoder ${engine.encoderId}\n${table(summaries)}\n`);
      if (styles.length > 0) process.stdout.write(`by wording style:\n${table(styles)}\n`);
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ encoder: engine.encoderId, sets: report }, null, 2)}\n`);
}

runCommand("eval", main);

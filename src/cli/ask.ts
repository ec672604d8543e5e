import { createInterface } from "node:readline";
import dotenv from "dotenv";
import { loadEngineConfig } from "../config.js";
import { DEFAULT_K, MAX_K, validateQuestion } from "../engine/engine.js";
import { openEngine } from "../engine/openEngine.js";
import { EXIT_STATUS_HELP, isUserError, UsageError } from "../errors.js";
import { stderrLogger } from "../log.js";
import type { AskOptions } from "../types.js";
import { parseFlags } from "../util/flags.js";
import { noteNpmBanner, runCommand } from "./command.js";
import { answerJson, formatAnswer, formatSpeakers } from "./format.js";

const HELP = `Usage: npm run --silent ask -- [options] "question"
       npm run --silent ask -- --jsonl < questions.txt
       npm run --silent ask -- --speakers [--json]

Answers a question from the indexed articles, quoting their own sentences with [n] citations,
and says how sure it is: high; low (the articles may not answer exactly: why, and the closest
passages); or none (nothing in the articles is about it). Questions may be typed as in chat
("wat did medvedv say abt macron"); the answer shows how it read them. Builds the index first
if there is none (see npm run index).

Options:
  --json           Print one JSON object instead of text.
  --jsonl          Read questions from standard input, one a line; print one JSON object a line.
  --k N            Cite at most N passages (1-${MAX_K}, default ${DEFAULT_K}).
  --outlet NAME    Only use articles from this outlet (as given in a sidecar <id>.json).
  --article ID     Only use the article with this id (its file name without extension).
  --speakers       List everyone the articles quote, with their roles and quote counts.
  -h, --help       Show this help.

Configuration comes from environment variables or .env (see .env.example).

${EXIT_STATUS_HELP}
An answer saying the articles do not cover the question is done (0).`;

function parseCli(argv: string[]) {
  const { values, positionals } = parseFlags({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jsonl: { type: "boolean", default: false },
      k: { type: "string" },
      outlet: { type: "string" },
      article: { type: "string" },
      speakers: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const options: AskOptions = {};
  if (values.k !== undefined) {
    const k = Number(values.k);
    if (!Number.isInteger(k) || k < 1 || k > MAX_K) {
      throw new UsageError("BAD_FLAG", `--k must be a whole number from 1 to ${MAX_K}; got "${values.k}".`);
    }
    options.k = k;
  }
  if (values.outlet !== undefined) options.outlet = values.outlet;
  if (values.article !== undefined) options.articleId = values.article;
  if (values.jsonl && positionals.length > 0) {
    throw new UsageError("BAD_FLAG", "--jsonl reads questions from standard input; do not also give one as an argument.");
  }
  return { values, question: positionals.join(" "), options };
}

async function main(): Promise<number> {
  const { values, question, options } = parseCli(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.jsonl && !values.speakers) validateQuestion(question);
  if (values.json || values.jsonl) noteNpmBanner("ask");
  dotenv.config({ quiet: true });
  const config = loadEngineConfig();
  const engine = await openEngine(config, stderrLogger, { progress: true });

  if (values.speakers) {
    const speakers = engine.speakers();
    process.stdout.write(`${values.json ? JSON.stringify(speakers) : formatSpeakers(speakers)}\n`);
    return 0;
  }

  if (!values.jsonl) {
    const answer = await engine.ask(question, options);
    process.stdout.write(`${values.json ? JSON.stringify(answerJson(answer)) : formatAnswer(answer)}\n`);
    return 0;
  }
  // One line in, one JSON line out, in order; a bad line gets an error object, not a crash,
  // and a line the engine fails on does not lose the lines after it (the exit status says so).
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failed = 0;
  for await (const line of lines) {
    try {
      const answer = await engine.ask(line, options);
      process.stdout.write(`${JSON.stringify(answerJson(answer))}\n`);
    } catch (error) {
      if (isUserError(error)) {
        process.stdout.write(`${JSON.stringify({ question: line, error: { code: error.code, message: error.message } })}\n`);
        continue;
      }
      failed++;
      stderrLogger.error(`answering line "${line.slice(0, 80)}" failed`, error);
      process.stdout.write(`${JSON.stringify({ question: line, error: { code: "ANSWER_FAILED", message: "Answering this question failed; the log says why." } })}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

runCommand("ask", main);

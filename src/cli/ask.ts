import { createInterface } from "node:readline";
import dotenv from "dotenv";
import { loadEngineConfig } from "../config.js";
import { openEngine } from "../engine/openEngine.js";
import { isUserError } from "../errors.js";
import { stderrLogger } from "../log.js";
import { ASK_HELP, parseAskArgs } from "./askArgs.js";
import { noteNpmBanner, runCommand } from "./command.js";
import { answerJson, formatAnswer, formatSpeakers } from "./format.js";

async function main(): Promise<number> {
  const args = parseAskArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${ASK_HELP}\n`);
    return 0;
  }
  const { question, options } = args;
  if (args.json || args.jsonl) noteNpmBanner("ask");
  dotenv.config({ quiet: true });
  const config = loadEngineConfig();
  const engine = await openEngine(config, stderrLogger, { progress: true });

  if (args.speakers) {
    const speakers = engine.speakers();
    process.stdout.write(`${args.json ? JSON.stringify(speakers) : formatSpeakers(speakers)}\n`);
    return 0;
  }

  if (!args.jsonl) {
    const answer = await engine.ask(question, options);
    process.stdout.write(`${args.json ? JSON.stringify(answerJson(answer)) : formatAnswer(answer)}\n`);
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

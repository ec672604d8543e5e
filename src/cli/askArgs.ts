/** `npm run ask`'s help and arguments, apart from the command so that they can be read without running it. */
import { DEFAULT_K, MAX_K, validateQuestion } from "../engine/engine.js";
import { EXIT_STATUS_HELP, UsageError } from "../errors.js";
import type { AskOptions } from "../types.js";
import { HELP_FLAG, parseFlags } from "../util/flags.js";

export const ASK_HELP = `Usage: npm run --silent ask -- [options] "question"
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

/** What `npm run ask` was asked to do: show its help, or answer with these options. */
export type AskArgs =
  | { help: true }
  | { help: false; json: boolean; jsonl: boolean; speakers: boolean; question: string; options: AskOptions };

/**
 * Reads ask's command line (without `node` and the script). A flag, a value or a question it
 * cannot take throws a UsageError (status 2); --help wins over a bad question, not a bad flag.
 */
export function parseAskArgs(argv: string[]): AskArgs {
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
      ...HELP_FLAG,
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
  if (values.help) return { help: true };
  const question = positionals.join(" ");
  if (!values.jsonl && !values.speakers) validateQuestion(question);
  return { help: false, json: values.json, jsonl: values.jsonl, speakers: values.speakers, question, options };
}

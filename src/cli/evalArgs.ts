/** `npm run eval`'s help and arguments, apart from the command so that they can be read without running it. */
import { EXIT_STATUS_HELP } from "../errors.js";
import { HELP_FLAG, parseFlags } from "../util/flags.js";

/** Where the question sets are that eval runs when it is given none. */
export const SETS_DIR = "test/fixtures/eval";

export const EVAL_HELP = `Usage: npm run --silent eval -- [--json] [--verbose] [FILE…]

Runs question sets (JSON lines; format in ${SETS_DIR}/README.md) through the engine and
prints, per question type and per wording style: evidence recall@1/3/5 and MRR over every
citation (whatever the answer's confidence), keyword hits, how answerable questions came out
(high / low / none), how many unanswerable ones were not answered with high confidence, and
citation fidelity. With no FILE, runs every set in ${SETS_DIR}/.

Options:
  --json       Print the per-question results and summaries as JSON.
  --verbose    Also print each question's outcome, answer and recall.
  -h, --help   Show this help.

${EXIT_STATUS_HELP}`;

/**
 * Reads eval's command line (without `node` and the script): its flags and the question sets
 * named (`files`, empty for every set in SETS_DIR). A flag it does not take throws a UsageError (status 2).
 */
export function parseEvalArgs(argv: string[]): { help: boolean; json: boolean; verbose: boolean; files: string[] } {
  const { values, positionals } = parseFlags({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, verbose: { type: "boolean", default: false }, ...HELP_FLAG },
  });
  return { ...values, files: positionals };
}

/** `npm run index`'s help and arguments, apart from the command so that they can be read without running it. */
import { EXIT_STATUS_HELP } from "../errors.js";
import { HELP_FLAG, parseFlags } from "../util/flags.js";

export const INDEX_HELP = `Usage: npm run index -- [--rebuild] [--watch]

Splits the articles (ARTICLES_DIR, default seeds/) into passages, embeds them and writes the
index (INDEX_DIR, default data/index/). Unchanged articles keep their vectors; removed articles
drop out. The new index replaces the old one only once it is complete. Files that cannot be
used (binary, empty, over MAX_ARTICLE_MB, default 1) are named with the problem and skipped.

Options:
  --rebuild    Ignore the existing index and embed everything again.
  --watch      After indexing, keep watching ARTICLES_DIR: when files appear, change or
               disappear, update the index (only what changed is embedded) and publish it;
               a running bot answers from it within seconds. Ctrl-C stops.
  -h, --help   Show this help.

Configuration comes from environment variables or .env (see .env.example).

${EXIT_STATUS_HELP}`;

/** Reads index's command line (without `node` and the script); a flag it does not take throws a UsageError (status 2). */
export function parseIndexArgs(argv: string[]): { help: boolean; rebuild: boolean; watch: boolean } {
  return parseFlags({
    args: argv,
    options: {
      rebuild: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      ...HELP_FLAG,
    },
  }).values;
}

import dotenv from "dotenv";
import { loadEngineConfig } from "../src/config.js";
import { describeBuild, runIndexer } from "../src/engine/openEngine.js";
import { watchArticles } from "../src/engine/watchArticles.js";
import { runCommand } from "../src/cli/command.js";
import { EXIT_STATUS_HELP } from "../src/errors.js";
import { stderrLogger } from "../src/log.js";
import { parseFlags } from "../src/util/flags.js";

const HELP = `Usage: npm run index -- [--rebuild] [--watch]

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

async function main(): Promise<void> {
  const { values } = parseFlags({
    options: {
      rebuild: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  dotenv.config({ quiet: true });
  const config = loadEngineConfig();
  const { result } = await runIndexer(config, stderrLogger, { rebuild: values.rebuild, progress: true });
  process.stdout.write(`${describeBuild(result, config.INDEX_DIR)}\n`);
  if (result.warnings > 0) process.stdout.write(`${result.warnings} file(s) were skipped or indexed without metadata; see the warnings above.\n`);
  if (values.watch) {
    watchArticles(config, stderrLogger, (line) => process.stdout.write(`${line}\n`));
    stderrLogger.info(`Watching ${config.ARTICLES_DIR} for new, changed and removed articles (Ctrl-C to stop).`);
    // Runs until a signal ends the process (runCommand), which lets go of the index lock.
    await new Promise<never>(() => {});
  }
}

runCommand("indexing", main);

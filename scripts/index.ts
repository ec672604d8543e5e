import dotenv from "dotenv";
import { loadEngineConfig } from "../src/config.js";
import { describeBuild, runIndexer } from "../src/engine/openEngine.js";
import { watchArticles } from "../src/engine/watchArticles.js";
import { runCommand } from "../src/cli/command.js";
import { INDEX_HELP, parseIndexArgs } from "../src/cli/indexArgs.js";
import { stderrLogger } from "../src/log.js";

async function main(): Promise<void> {
  const values = parseIndexArgs(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(`${INDEX_HELP}\n`);
    return;
  }
  dotenv.config({ quiet: true });
  const config = loadEngineConfig();
  const { result } = await runIndexer(config, stderrLogger, { rebuild: values.rebuild, progress: true });
  process.stdout.write(`${describeBuild(result, config)}\n`);
  if (result.warnings > 0) process.stdout.write(`${result.warnings} file(s) were skipped or indexed without metadata; see the warnings above.\n`);
  if (values.watch) {
    watchArticles(config, stderrLogger, (line) => process.stdout.write(`${line}\n`));
    stderrLogger.info(`Watching ${config.ARTICLES_DIR} for new, changed and removed articles (Ctrl-C to stop).`);
    // Runs until a signal ends the process (runCommand), which lets go of the index lock.
    await new Promise<never>(() => {});
  }
}

runCommand("indexing", main);

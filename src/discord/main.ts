/**
 * `npm start`: the one place the bot is wired. Config first (fail fast, before loading a model),
 * then the engine (building the index if missing, warming the encoder and the question reader,
 * with its word lists and countries, so the first question does not wait for them), then the
 * Discord connection, the signal handlers and the exit status (see `superviseShutdown`). With
 * SHARDS set, this process only runs the shards, each of which runs this file again (shards.ts).
 */
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
import { loadEngineConfig } from "../config.js";
import { sourceAdder } from "../engine/addSource.js";
import { openLiveEngine } from "../engine/openEngine.js";
import { exitStatusOf, isUserError } from "../errors.js";
import { stderrLogger, type Logger } from "../log.js";
import { createBot } from "./bot.js";
import { loadDiscordConfig, loadShardsSetting } from "./config.js";
import { FeedbackLog, loadSalt } from "./feedback.js";
import { detectMessageContent } from "./intents.js";
import { redactingLogger } from "./redact.js";
import { discordRest, explainDiscordError } from "./rest.js";
import { runShards } from "./shards.js";
import { superviseShutdown } from "./shutdown.js";
import { parseStartArgs, START_HELP } from "./startArgs.js";

async function main(log: Logger): Promise<void> {
  if (parseStartArgs(process.argv.slice(2)).help) {
    process.stdout.write(`${START_HELP}\n`);
    return;
  }
  const config = loadDiscordConfig();
  const engineConfig = loadEngineConfig();
  const shards = loadShardsSetting();
  if (shards !== undefined) {
    // The manager: this same file runs in each shard process (see shards.ts).
    await runShards({ file: fileURLToPath(import.meta.url), shards, config, log, exit: (code) => process.exit(code) });
    return;
  }
  process.on("unhandledRejection", (reason) => log.error("unhandled rejection (the bot keeps running)", reason));

  // Follows the index: what `npm run index` publishes is answered from without a restart.
  const { live: engine, embedder } = await openLiveEngine(engineConfig, log, { progress: true });
  await engine.retrieve("warm up the encoder", { k: 1 });
  engine.start();
  const addSource = sourceAdder(engineConfig, log, engine, embedder);
  const feedback = new FeedbackLog(config.FEEDBACK_LOG, await loadSalt(config.FEEDBACK_LOG, config.FEEDBACK_SALT), { log });
  await feedback.secure();
  const messageContent = await detectMessageContent(discordRest(config), log, config.DISCORD_MESSAGE_CONTENT);

  const bot = createBot({ engine, config, log, feedback, messageContent, addSource });
  const supervisor = superviseShutdown({ shutdown: (graceMs) => bot.shutdown(graceMs), log, exit: (code) => process.exit(code) });
  bot.onFatalClose((error) => supervisor.fail(error));
  // A shard whose manager is gone (killed, even with SIGKILL) stops as if told to: no orphans.
  if (process.send !== undefined) process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
  await bot.client.login(config.DISCORD_TOKEN).catch((error: unknown) => {
    // A fatal close during login is already reported by `fail`, and a signal during login is a stop.
    if (!supervisor.stopping) throw explainDiscordError(error);
  });
}

dotenv.config({ quiet: true });
// discord.js's Client reads SHARDS as its shard id(s) when set; a blank line in .env means unset.
if (process.env.SHARDS?.trim() === "") delete process.env.SHARDS;
const token = process.env.DISCORD_TOKEN?.trim() ?? "";
const log = redactingLogger(stderrLogger, [token, token.replace(/^bot\s+/i, "")]);
main(log).catch((error: unknown) => {
  if (isUserError(error)) log.error(error.message);
  else log.error("the bot could not start", error);
  process.exit(exitStatusOf(error));
});

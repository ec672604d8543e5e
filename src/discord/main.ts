/**
 * `npm start`: the one place the bot is wired. Config first (fail fast, before loading a model),
 * then the engine (building the index if missing, warming the encoder and the question reader,
 * with its word lists and countries, so the first question does not wait for them), then the
 * Discord connection and the signal handlers.
 */
import dotenv from "dotenv";
import { loadEngineConfig } from "../config.js";
import { openEngine } from "../engine/openEngine.js";
import { exitStatusOf, isUserError } from "../errors.js";
import { stderrLogger, type Logger } from "../log.js";
import { createBot, type Bot } from "./bot.js";
import { loadDiscordConfig } from "./config.js";
import { FeedbackLog, loadSalt } from "./feedback.js";
import { detectMessageContent } from "./intents.js";
import { redactingLogger } from "./redact.js";
import { discordRest, explainDiscordError } from "./rest.js";

function handleSignals(bot: Bot, log: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing answers in progress and disconnecting…`);
    bot.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function main(log: Logger): Promise<void> {
  const config = loadDiscordConfig();
  const engineConfig = loadEngineConfig();
  process.on("unhandledRejection", (reason) => log.error("unhandled rejection (the bot keeps running)", reason));

  const engine = await openEngine(engineConfig, log, { progress: true });
  await engine.retrieve("warm up the encoder", { k: 1 });
  const feedback = new FeedbackLog(config.FEEDBACK_LOG, await loadSalt(config.FEEDBACK_LOG, config.FEEDBACK_SALT));
  const messageContent = await detectMessageContent(discordRest(config), log);

  const bot = createBot({ engine, config, log, feedback, messageContent });
  handleSignals(bot, log);
  await bot.client.login(config.DISCORD_TOKEN).catch((error: unknown) => {
    throw explainDiscordError(error);
  });
}

dotenv.config({ quiet: true });
const token = process.env.DISCORD_TOKEN?.trim() ?? "";
const log = redactingLogger(stderrLogger, [token, token.replace(/^bot\s+/i, "")]);
main(log).catch((error: unknown) => {
  if (isUserError(error)) log.error(error.message);
  else log.error("the bot could not start", error);
  process.exit(exitStatusOf(error));
});

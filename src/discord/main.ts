/**
 * `npm start`: the one place the bot is wired. Config first (fail fast, before loading a model),
 * then the engine (building the index if missing, warming the encoder and the question reader,
 * with its word lists and countries, so the first question does not wait for them), then the
 * Discord connection and the signal handlers.
 */
import dotenv from "dotenv";
import { loadEngineConfig } from "../config.js";
import { openEngine } from "../engine/openEngine.js";
import { EXIT_STATUS_HELP, exitStatusOf, isUserError } from "../errors.js";
import { stderrLogger, type Logger } from "../log.js";
import { parseFlags } from "../util/flags.js";
import { createBot, type Bot } from "./bot.js";
import { loadDiscordConfig } from "./config.js";
import { FeedbackLog, loadSalt } from "./feedback.js";
import { detectMessageContent } from "./intents.js";
import { redactingLogger } from "./redact.js";
import { discordRest, explainDiscordError } from "./rest.js";

const HELP = `Usage: npm start [-- --help]

Runs the Discord bot: loads the configuration, opens the index (building it if there is none),
warms the encoder, connects to Discord and answers /ask, /search, /quote, /sources, /help,
@mentions and Find sources. Ctrl-C or SIGTERM lets answers in progress finish, then
disconnects. Register the commands first with npm run register.

Options:
  -h, --help   Show this help.

Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; the other DISCORD_* variables and the engine's are
optional. They come from environment variables or .env (see .env.example and README,
"Discord bot").

${EXIT_STATUS_HELP}`;

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
  const { values } = parseFlags({ options: { help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
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

/**
 * `npm start`: the one place the bot is wired. Config first (fail fast, before loading a model),
 * then the engine (building the index if missing, warming the encoder and the question reader,
 * with its word lists and countries, so the first question does not wait for them), then the
 * Discord connection, the signal handlers and the exit status (see `superviseShutdown`).
 */
import dotenv from "dotenv";
import { loadEngineConfig } from "../config.js";
import { sourceAdder } from "../engine/addSource.js";
import { openLiveEngine } from "../engine/openEngine.js";
import { EXIT_STATUS_HELP, exitStatusOf, isUserError } from "../errors.js";
import { stderrLogger, type Logger } from "../log.js";
import { parseFlags } from "../util/flags.js";
import { createBot } from "./bot.js";
import { loadDiscordConfig } from "./config.js";
import { FeedbackLog, loadSalt } from "./feedback.js";
import { detectMessageContent } from "./intents.js";
import { redactingLogger } from "./redact.js";
import { discordRest, explainDiscordError } from "./rest.js";
import { superviseShutdown } from "./shutdown.js";

const HELP = `Usage: npm start [-- --help]

Runs the Discord bot: loads the configuration, opens the index (building it if there is none),
warms the encoder, connects to Discord and answers /ask, /search, /quote, /sources, /help,
@mentions and Find sources. Ctrl-C, SIGTERM or SIGHUP lets answers in progress finish (up to
10 s), then disconnects; the same signal again stops at once. Register the commands first with
npm run register.

Options:
  -h, --help   Show this help.

Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; the other DISCORD_* variables and the engine's are
optional. They come from environment variables or .env (see .env.example and README,
"Discord bot").

${EXIT_STATUS_HELP}`;

async function main(log: Logger): Promise<void> {
  const { values } = parseFlags({ options: { help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const config = loadDiscordConfig();
  const engineConfig = loadEngineConfig();
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
  await bot.client.login(config.DISCORD_TOKEN).catch((error: unknown) => {
    // A fatal close during login is already reported by `fail`, and a signal during login is a stop.
    if (!supervisor.stopping) throw explainDiscordError(error);
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

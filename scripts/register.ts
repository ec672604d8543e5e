/** `npm run register`: registers the bot's commands with Discord (safe to run again). */
import dotenv from "dotenv";
import { runCommand } from "../src/cli/command.js";
import { loadDiscordConfig } from "../src/discord/config.js";
import { registerCommands } from "../src/discord/register.js";
import { discordRest } from "../src/discord/rest.js";
import { EXIT_STATUS_HELP } from "../src/errors.js";
import { stderrLogger } from "../src/log.js";
import { redactingLogger } from "../src/discord/redact.js";
import { parseFlags } from "../src/util/flags.js";

const HELP = `Usage: npm run register [-- --help]

Registers the bot's slash commands and its Find sources message command with Discord in one
bulk overwrite: to the server DISCORD_GUILD_ID when it is set (available at once), else
globally (up to an hour). Safe to run again; run it after the commands change.

Options:
  -h, --help   Show this help.

Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; DISCORD_GUILD_ID is optional. They come from
environment variables or .env (see .env.example and README, "Discord bot").

${EXIT_STATUS_HELP}`;

async function main(): Promise<void> {
  const { values } = parseFlags({ options: { help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const config = loadDiscordConfig();
  const { scope, names } = await registerCommands(discordRest(config), config);
  process.stdout.write(
    `Registered ${names.length} commands ${scope}: ${names.join(", ")}.\n` +
      (config.DISCORD_GUILD_ID === undefined ? "Global commands can take up to an hour to appear in Discord.\n" : "They are available in that server now.\n"),
  );
}

dotenv.config({ quiet: true });
const token = process.env.DISCORD_TOKEN?.trim() ?? "";
runCommand("registering the commands", main, redactingLogger(stderrLogger, [token, token.replace(/^bot\s+/i, "")]));

/** `npm run register`: registers the bot's commands with Discord (safe to run again). */
import dotenv from "dotenv";
import { runCommand } from "../src/cli/command.js";
import { parseRegisterArgs, REGISTER_HELP } from "../src/cli/registerArgs.js";
import { loadDiscordConfig } from "../src/discord/config.js";
import { registerCommands } from "../src/discord/register.js";
import { discordRest } from "../src/discord/rest.js";
import { stderrLogger } from "../src/log.js";
import { redactingLogger } from "../src/discord/redact.js";

async function main(): Promise<void> {
  if (parseRegisterArgs(process.argv.slice(2)).help) {
    process.stdout.write(`${REGISTER_HELP}\n`);
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

/** `npm run register`: registers the bot's commands with Discord (safe to run again). */
import dotenv from "dotenv";
import { loadDiscordConfig } from "../src/discord/config.js";
import { registerCommands } from "../src/discord/register.js";
import { discordRest } from "../src/discord/rest.js";
import { isUserError } from "../src/errors.js";
import { stderrLogger } from "../src/log.js";
import { redactingLogger } from "../src/discord/redact.js";

dotenv.config({ quiet: true });
const token = process.env.DISCORD_TOKEN?.trim() ?? "";
const log = redactingLogger(stderrLogger, [token, token.replace(/^bot\s+/i, "")]);

try {
  const config = loadDiscordConfig();
  const { scope, names } = await registerCommands(discordRest(config), config);
  process.stdout.write(
    `Registered ${names.length} commands ${scope}: ${names.join(", ")}.\n` +
      (config.DISCORD_GUILD_ID === undefined ? "Global commands can take up to an hour to appear in Discord.\n" : "They are available in that server now.\n"),
  );
} catch (error) {
  if (isUserError(error)) log.error(error.message);
  else log.error("registering the commands failed", error);
  process.exitCode = 1;
}

/** `npm run register`'s help and arguments, apart from the command so that they can be read without running it. */
import { EXIT_STATUS_HELP } from "../errors.js";
import { HELP_FLAG, parseFlags } from "../util/flags.js";

export const REGISTER_HELP = `Usage: npm run register [-- --help]

Registers the bot's slash commands and its Find sources message command with Discord in one
bulk overwrite: to the server DISCORD_GUILD_ID when it is set (available at once), else
globally (up to an hour). Safe to run again; run it after the commands change.

Options:
  -h, --help   Show this help.

Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; DISCORD_GUILD_ID is optional. They come from
environment variables or .env (see .env.example and README, "Discord bot").

${EXIT_STATUS_HELP}`;

/** Reads register's command line (without `node` and the script); a flag it does not take throws a UsageError (status 2). */
export function parseRegisterArgs(argv: string[]): { help: boolean } {
  return parseFlags({ args: argv, options: HELP_FLAG }).values;
}

/** `npm start`'s help and arguments, apart from the bot so that they can be read without starting it. */
import { EXIT_STATUS_HELP } from "../errors.js";
import { HELP_FLAG, parseFlags } from "../util/flags.js";

export const START_HELP = `Usage: npm start [-- --help]

Runs the Discord bot: loads the configuration, opens the index (building it if there is none),
warms the encoder, connects to Discord and answers /ask, /search, /quote, /sources, /help,
@mentions and Find sources. Ctrl-C, SIGTERM or SIGHUP lets answers in progress finish (up to
10 s), then disconnects; the same signal again stops at once. Register the commands first with
npm run register.

Options:
  -h, --help   Show this help.

With SHARDS=auto or SHARDS=N, runs the bot as that many shard processes under discord.js's
ShardingManager (auto: as many as Discord recommends); signals reach every shard.

Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; the other DISCORD_* variables and the engine's are
optional. They come from environment variables or .env (see .env.example and README,
"Discord bot").

${EXIT_STATUS_HELP}`;

/** Reads npm start's command line (without `node` and the script); a flag it does not take throws a UsageError (status 2). */
export function parseStartArgs(argv: string[]): { help: boolean } {
  return parseFlags({ args: argv, options: HELP_FLAG }).values;
}

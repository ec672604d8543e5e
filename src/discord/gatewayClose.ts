import { GatewayCloseCodes } from "discord.js";
import { UserError } from "../errors.js";

/** What each close code after which discord.js does not reconnect means, and what to change. */
const FATAL_CLOSES: Record<number, { code: string; message: string }> = {
  [GatewayCloseCodes.AuthenticationFailed]: {
    code: "DISCORD_TOKEN_REJECTED",
    message:
      "Discord rejected DISCORD_TOKEN (gateway close 4004, authentication failed): the token was reset or is wrong. " +
      "Copy a new one from the Developer Portal → Bot → Reset Token into DISCORD_TOKEN, then restart the bot.",
  },
  [GatewayCloseCodes.DisallowedIntents]: {
    code: "DISCORD_INTENT_DISALLOWED",
    message:
      "Discord refused the Message Content intent (gateway close 4014, disallowed intents): it is not enabled for this bot. " +
      "Turn on Message Content Intent in the Developer Portal → Bot → Privileged Gateway Intents, or set DISCORD_MESSAGE_CONTENT=off to run without it; then restart the bot.",
  },
  [GatewayCloseCodes.ShardingRequired]: {
    code: "DISCORD_SHARDING_REQUIRED",
    message:
      "Discord requires sharding (gateway close 4011): the bot is in too many servers for one connection, and it runs as one. " +
      "Remove it from the servers it is not used in, then restart the bot.",
  },
  [GatewayCloseCodes.InvalidShard]: {
    code: "DISCORD_GATEWAY_REFUSED",
    message:
      "Discord refused the shard the bot connected as (gateway close 4010, invalid shard); the bot runs as one shard. " +
      "Check that DISCORD_API_URL is blank (Discord itself), then restart the bot.",
  },
  [GatewayCloseCodes.InvalidAPIVersion]: {
    code: "DISCORD_GATEWAY_REFUSED",
    message:
      "Discord refused the gateway API version (gateway close 4012, invalid API version). " +
      "Update discord.js (npm install) and check that DISCORD_API_URL is blank (Discord itself), then restart the bot.",
  },
  [GatewayCloseCodes.InvalidIntents]: {
    code: "DISCORD_GATEWAY_REFUSED",
    message:
      "Discord refused the intents the bot asked for (gateway close 4013, invalid intents). " +
      "Update discord.js (npm install) and check that DISCORD_API_URL is blank (Discord itself), then restart the bot.",
  },
};

/**
 * Why Discord closed the gateway for good (a close code discord.js does not reconnect after, at
 * start or later), as one line that names what to change.
 */
export function fatalCloseError(closeCode: number): UserError {
  const known = FATAL_CLOSES[closeCode];
  if (known !== undefined) return new UserError(known.code, known.message);
  return new UserError(
    "DISCORD_GATEWAY_REFUSED",
    `Discord closed the connection for good (gateway close ${closeCode}). Check DISCORD_TOKEN and DISCORD_API_URL, then restart the bot.`,
  );
}

import { DiscordAPIError, REST } from "discord.js";
import { UserError } from "../errors.js";
import type { DiscordConfig } from "./config.js";

/** A REST client for the configured API (Discord, or a local fake in tests). */
export function discordRest(config: Pick<DiscordConfig, "DISCORD_TOKEN" | "DISCORD_API_URL">): REST {
  return new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
}

/** Turns Discord's refusals at start-up into messages that say which setting to fix; other errors pass through. */
export function explainDiscordError(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  if (error.status === 401) {
    return new UserError("DISCORD_TOKEN_REJECTED", "Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the Developer Portal → Bot and update .env.", { cause: error });
  }
  if (error.status === 403 || error.status === 404) {
    return new UserError(
      "DISCORD_ACCESS_DENIED",
      `Discord refused ${error.method.toUpperCase()} ${new URL(error.url).pathname.replace(/^\/api\/v\d+/, "")} (${error.status}: ${error.message}). ` +
        "Check DISCORD_CLIENT_ID and DISCORD_GUILD_ID, and that the bot was invited with the bot and applications.commands scopes.",
      { cause: error },
    );
  }
  return error;
}

import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, REST } from "discord.js";
import { UserError } from "../errors.js";
import type { DiscordConfig } from "./config.js";

/** A REST client for the configured API (Discord, or a local fake in tests). */
export function discordRest(config: Pick<DiscordConfig, "DISCORD_TOKEN" | "DISCORD_API_URL">): REST {
  return new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
}

/** Network failures that mean Discord (or DISCORD_API_URL) cannot be reached from here. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/** Turns Discord's refusals at start-up, and an unreachable Discord, into messages that say what to fix; other errors pass through. */
export function explainDiscordError(error: unknown): unknown {
  if (error instanceof Error && (UNREACHABLE.has(String((error as NodeJS.ErrnoException).code)) || error.name === "AbortError")) {
    const why = error.name === "AbortError" ? "no answer within the timeout" : error.message;
    return new UserError("DISCORD_UNREACHABLE", `Could not reach Discord's API (${why}). Check the network connection, and DISCORD_API_URL if it is set.`, { cause: error });
  }
  const tokenInvalid = error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid;
  if (tokenInvalid || (error instanceof DiscordAPIError && error.status === 401)) {
    return new UserError("DISCORD_TOKEN_REJECTED", "Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the Developer Portal → Bot and update .env.", { cause: error });
  }
  if (!(error instanceof DiscordAPIError)) return error;
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

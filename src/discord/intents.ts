import { ApplicationFlags, GatewayIntentBits, Routes, type APIApplication, type REST } from "discord.js";
import type { Logger } from "../log.js";
import type { DiscordConfig } from "./config.js";
import { explainDiscordError } from "./rest.js";

export const MESSAGE_CONTENT_WARNING =
  "The Message Content intent is off for this bot (Developer Portal → Bot → Privileged Gateway Intents). " +
  "Slash commands, buttons and Find sources work, and so do @mentions (Discord sends the text of messages that mention the bot), " +
  "but follow-ups written as replies without a ping or as thread messages arrive without text and are ignored. Turn it on and restart to answer those.";

export const MESSAGE_CONTENT_OFF =
  "Not asking for the Message Content intent (DISCORD_MESSAGE_CONTENT=off): follow-ups written as replies without a ping or as thread messages are ignored.";

/**
 * Whether to ask for the privileged Message Content intent: when the application may use it,
 * unless `DISCORD_MESSAGE_CONTENT` is off. Asking for it without the portal switch makes Discord
 * close the connection (4014), so the bot asks only when allowed. Reading the application checks
 * the token too, so a wrong one is reported before connecting.
 */
export async function detectMessageContent(rest: REST, log: Logger, setting: DiscordConfig["DISCORD_MESSAGE_CONTENT"] = "auto"): Promise<boolean> {
  const application = (await rest.get(Routes.currentApplication()).catch((error: unknown) => {
    throw explainDiscordError(error);
  })) as Pick<APIApplication, "flags">;
  if (setting === "off") {
    log.info(MESSAGE_CONTENT_OFF);
    return false;
  }
  const allowed = ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited;
  const enabled = ((application.flags ?? 0) & allowed) !== 0;
  if (!enabled) log.warn(MESSAGE_CONTENT_WARNING);
  return enabled;
}

/** Guilds (channels, threads), GuildMessages (mentions and replies), and MessageContent when allowed. */
export function botIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  return messageContent ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

import { ApplicationFlags, GatewayIntentBits, Routes, type APIApplication, type REST } from "discord.js";
import type { Logger } from "../log.js";
import { explainDiscordError } from "./rest.js";

export const MESSAGE_CONTENT_WARNING =
  "The Message Content intent is off for this bot (Developer Portal → Bot → Privileged Gateway Intents). " +
  "Slash commands, buttons and Find sources work, and so do @mentions (Discord sends the text of messages that mention the bot), " +
  "but follow-ups written as replies without a ping or as thread messages arrive without text and are ignored. Turn it on and restart to answer those.";

/**
 * Whether the application may use the privileged Message Content intent. Asking for it without
 * the portal switch makes Discord close the connection (4014), so the bot asks only when allowed.
 */
export async function detectMessageContent(rest: REST, log: Logger): Promise<boolean> {
  const application = (await rest.get(Routes.currentApplication()).catch((error: unknown) => {
    throw explainDiscordError(error);
  })) as Pick<APIApplication, "flags">;
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

import type { DiscordConfig } from "./config.js";
import type { SafeText } from "./render/safeText.js";

/** Whether the bot may answer in a channel: any channel without an allow-list, else listed channels and their threads. */
export function isAllowedChannel(config: Pick<DiscordConfig, "DISCORD_CHANNEL_IDS">, channelId: string | null, parentId: string | null): boolean {
  const allowed = config.DISCORD_CHANNEL_IDS;
  if (allowed.length === 0) return true;
  return (channelId !== null && allowed.includes(channelId)) || (parentId !== null && allowed.includes(parentId));
}

/** Links the allowed channels: the ids are the operator's, checked as Discord ids when the config was read. */
export function notAllowedMessage(config: Pick<DiscordConfig, "DISCORD_CHANNEL_IDS">): SafeText {
  return `I only answer in ${config.DISCORD_CHANNEL_IDS.map((id) => `<#${id}>`).join(", ")}. Ask me there.` as SafeText;
}

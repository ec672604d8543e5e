import type { DiscordConfig } from "./config.js";

/** Whether the bot may answer in a channel: any channel without an allow-list, else listed channels and their threads. */
export function isAllowedChannel(config: Pick<DiscordConfig, "DISCORD_CHANNEL_IDS">, channelId: string | null, parentId: string | null): boolean {
  const allowed = config.DISCORD_CHANNEL_IDS;
  if (allowed.length === 0) return true;
  return (channelId !== null && allowed.includes(channelId)) || (parentId !== null && allowed.includes(parentId));
}

export function notAllowedMessage(config: Pick<DiscordConfig, "DISCORD_CHANNEL_IDS">): string {
  return `I only answer in ${config.DISCORD_CHANNEL_IDS.map((id) => `<#${id}>`).join(", ")}. Ask me there.`;
}

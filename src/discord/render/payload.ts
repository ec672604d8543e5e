import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageMentionOptions } from "discord.js";
import { LIMITS } from "./discordLimits.js";
import { neutralizeMentions, truncateWords } from "./text.js";

/** What every message the bot sends looks like; `allowedMentions` is never left out. */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

/** No @everyone, @here, role, user or reply pings, whatever the text says. */
export function noPings(): MessageMentionOptions {
  return { parse: [], repliedUser: false };
}

/** A short plain-text message (a notice, an error, a cooldown); its text may quote the user. */
export function notice(text: string): ReplyPayload {
  return { content: truncateWords(neutralizeMentions(text), LIMITS.content), embeds: [], components: [], allowedMentions: noPings() };
}

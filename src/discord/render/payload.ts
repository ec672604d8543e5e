import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageMentionOptions } from "discord.js";
import { LIMITS } from "./discordLimits.js";
import { truncateWords, type SafeText } from "./safeText.js";

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

/** A short message (a notice, an error, a cooldown); anything it quotes was sanitised when it was written (see `md`). */
export function notice(text: SafeText): ReplyPayload {
  return { content: truncateWords(text, LIMITS.content), embeds: [], components: [], allowedMentions: noPings() };
}

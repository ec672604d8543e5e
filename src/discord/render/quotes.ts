import type { APIEmbed } from "discord.js";
import type { ArticleLookup } from "../../answer/sources.js";
import type { Quote, Speaker } from "../../ingest/quotes/speakers.js";
import { LIMITS } from "./discordLimits.js";
import { noPings, type ReplyPayload } from "./payload.js";
import { sourceDetails } from "./sources.js";
import { escapeText, truncateWords } from "./safeText.js";
import { plural } from "./text.js";

/**
 * `/quote`: a speaker's quotes, each with its article and outlet, whole quotes only, as many
 * as fit one embed, with a count of those left out.
 */
export function renderQuotes(speaker: Speaker, quotes: readonly Quote[], describe: ArticleLookup): ReplyPayload {
  const lines: string[] = [];
  let length = 0;
  const reserve = 80;
  for (const [index, quote] of quotes.entries()) {
    const where = describe(quote.articleId, quote.section);
    const line =
      `**[${index + 1}]** ${quote.kind === "reported" ? "*(reported)* " : ""}${escapeText(quote.text.replace(/\s+/g, " "))}\n` +
      `— ${truncateWords(escapeText(where.title), 120)} · ${sourceDetails({ articleId: quote.articleId, outlet: where.outlet, published: where.published, url: where.url })}`;
    if (length + line.length + 2 > LIMITS.embedDescription - reserve) break;
    lines.push(line);
    length += line.length + 2;
  }
  const hidden = quotes.length - lines.length;
  if (hidden > 0) lines.push(`*… and ${plural(hidden, "more quote")} not shown.*`);
  const roles = [...speaker.roles, ...speaker.organisations].join("; ");
  const embed: APIEmbed = {
    title: truncateWords(escapeText(`${speaker.name}${roles ? ` — ${roles}` : ""}`), LIMITS.embedTitle),
    description: lines.length === 0 ? "No quotes indexed." : lines.join("\n\n"),
    footer: { text: `${plural(speaker.quoteCount, "quote")} in ${plural(speaker.articleIds.length, "article")}. Quoted verbatim from the indexed articles.` },
  };
  return { embeds: [embed], components: [], allowedMentions: noPings() };
}

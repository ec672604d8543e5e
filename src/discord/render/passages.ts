import type { APIEmbed } from "discord.js";
import type { ArticleDescription, Citation, RetrievedPassage } from "../../types.js";
import type { AnswerEngine } from "../context.js";
import { LIMITS } from "./discordLimits.js";
import { noPings, type ReplyPayload } from "./payload.js";
import { formatDate, safeUrl } from "./sources.js";
import { escapeText, plainText, sanitise, truncateWords, type SafeText } from "./safeText.js";
import { fitSentences, plural } from "./text.js";

/** A passage quoted in full (as far as Discord allows) with where it comes from. */
export interface QuotedPassage extends ArticleDescription {
  n: number;
  articleId: string;
  text: string;
  alsoReportedBy: readonly Pick<ArticleDescription, "title" | "outlet">[];
}

/** An answer's citations as passages: those its text quotes first, then the more passages found. */
export function citationPassages(citations: readonly Citation[]): QuotedPassage[] {
  return [...citations.filter((citation) => citation.cited), ...citations.filter((citation) => !citation.cited)].map((citation) => ({ ...citation }));
}

/** Retrieved passages, numbered, with their article's title, outlet and date. */
export function retrievedPassages(retrieved: readonly RetrievedPassage[], engine: Pick<AnswerEngine, "describe">): QuotedPassage[] {
  return retrieved.map(({ passage, duplicates }, index) => ({
    n: index + 1,
    ...engine.describe(passage.articleId, passage.section),
    articleId: passage.articleId,
    text: passage.text,
    alsoReportedBy: duplicates.map((duplicate) => engine.describe(duplicate.articleId, duplicate.section)),
  }));
}

/** Footers show plain text (no markdown), so details are only sanitised as plain text. */
function footerText(passage: QuotedPassage): string {
  const parts = [passage.outlet, passage.published === null ? null : formatDate(passage.published), `article ${passage.articleId}`];
  const also = passage.alsoReportedBy.map((other) => other.outlet ?? other.title);
  if (also.length > 0) parts.push(`also reported by ${also.join("; ")}`);
  return truncateWords(plainText(parts.filter((part): part is string => part !== null).join(" · ")), LIMITS.footer);
}

/** The passage as a block quote, cut at a sentence when it must be, saying how much is missing. */
function quoteBlock(raw: string, max: number): string {
  const asQuote = (text: string) => text.split("\n").map((line) => `> ${line}`).join("\n");
  const lines = raw.split("\n").length;
  const sanitised = sanitise(raw);
  const whole = fitSentences(sanitised, max - 2 * lines);
  if (whole.omittedChars === 0) return asQuote(whole.text);
  const fitted = fitSentences(sanitised, max - 2 * lines - 60);
  return `${asQuote(fitted.text)}\n*[… ${plural(fitted.omittedChars, "more character")} in the article]*`;
}

/** One embed per passage (at most ten), sharing Discord's 6000-character budget fairly. */
export function renderPassages(heading: SafeText, passages: readonly QuotedPassage[]): ReplyPayload {
  const shown = passages.slice(0, LIMITS.embeds);
  const hidden = passages.length - shown.length;
  const more = hidden > 0 ? `\n*${plural(hidden, "more passage")} not shown: Discord allows ${LIMITS.embeds} per message.*` : "";
  const frames = shown.map((passage) => {
    const url = safeUrl(passage.url);
    const embed = { title: truncateWords(`[${passage.n}] ${escapeText(passage.title)}`, LIMITS.embedTitle), footer: { text: footerText(passage) } };
    return { passage, embed: url === null ? embed : { ...embed, url } };
  });
  const fixed = frames.reduce((sum, { embed }) => sum + embed.title.length + embed.footer.text.length, 0);
  const perPassage = Math.min(LIMITS.embedDescription, Math.floor((LIMITS.embedsTotal - fixed) / Math.max(shown.length, 1)));
  const embeds: APIEmbed[] = frames.map(({ passage, embed }) => ({ ...embed, description: quoteBlock(passage.text, perPassage) }));
  return {
    content: truncateWords(heading, LIMITS.content - more.length) + more,
    embeds,
    components: [],
    allowedMentions: noPings(),
  };
}

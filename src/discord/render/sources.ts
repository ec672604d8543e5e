import type { APIEmbed } from "discord.js";
import type { ArticleRecord } from "../../index/manifest.js";
import type { Citation, SourceRef } from "../../types.js";
import { LIMITS } from "./discordLimits.js";
import { noPings, type ReplyPayload } from "./payload.js";
import { escapeText, truncateWords } from "./safeText.js";
import { plural } from "./text.js";

type SourceLike = Pick<SourceRef, "articleId" | "outlet" | "published" | "url"> & { alsoReportedBy?: readonly SourceRef[] };

/** "2025-02-20" from a date or a full ISO timestamp; anything else as given. */
export function formatDate(published: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : published;
}

/** Only http(s) links, with parentheses encoded so they cannot break out of a markdown link. */
export function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29") : null;
  } catch {
    return null;
  }
}

/** "Outlet · 2025-02-20 · article `id` · [link](…)", plus who else reported the passage. */
export function sourceDetails(source: SourceLike): string {
  const link = safeUrl(source.url);
  const parts = [
    source.outlet === null ? null : escapeText(source.outlet),
    source.published === null ? null : escapeText(formatDate(source.published)),
    `article \`${source.articleId.replace(/`/g, "")}\``,
    link === null ? null : `[link](${link})`,
  ].filter((part): part is string => part !== null);
  const also = source.alsoReportedBy ?? [];
  const alsoLine = also.length > 0 ? `\nAlso reported by: ${also.map((other) => escapeText(other.outlet ?? other.title)).join("; ")}` : "";
  return parts.join(" · ") + alsoLine;
}

/** Citations of the same article section share one source line: "[1] [3] Title". */
export function groupSources(citations: readonly Citation[]): { citation: Citation; numbers: number[] }[] {
  const groups = new Map<string, { citation: Citation; numbers: number[] }>();
  for (const citation of citations) {
    const key = `${citation.articleId}\u0000${citation.title}`;
    const group = groups.get(key);
    if (group) group.numbers.push(citation.n);
    else groups.set(key, { citation, numbers: [citation.n] });
  }
  return [...groups.values()];
}

function articleLine(record: ArticleRecord): string {
  const details = [record.outlet, record.published === null ? null : formatDate(record.published)]
    .filter((part): part is string => part !== null)
    .map(escapeText);
  return `**${truncateWords(escapeText(record.title), 200)}**\n${[...details, plural(record.passageCount, "passage"), `\`${record.id.replace(/`/g, "")}\``].join(" · ")}`;
}

/** `/sources`: every indexed article with its outlet, date, passage count and id, as many as fit. */
/** When an index was built, as the footers show it: "2026-12-02 10:55 UTC". */
export function updatedAt(builtAt: string): string {
  const date = new Date(builtAt);
  return Number.isNaN(date.getTime()) ? builtAt : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Newest first; undated articles after the dated ones, in file order. */
function newestFirstRecords(records: readonly ArticleRecord[]): ArticleRecord[] {
  const time = (record: ArticleRecord) => (record.published === null ? Number.NEGATIVE_INFINITY : Date.parse(record.published) || Number.NEGATIVE_INFINITY);
  return [...records].sort((a, b) => time(b) - time(a));
}

export function renderSources(records: readonly ArticleRecord[], builtAt?: string): ReplyPayload {
  const lines: string[] = [];
  let length = 0;
  const reserve = 60;
  for (const record of newestFirstRecords(records)) {
    const line = articleLine(record);
    if (length + line.length + 2 > LIMITS.embedDescription - reserve) break;
    lines.push(line);
    length += line.length + 2;
  }
  const hidden = records.length - lines.length;
  if (hidden > 0) lines.push(`*… and ${plural(hidden, "more article")} not shown.*`);
  const embed: APIEmbed = {
    title: `Indexed articles (${records.length})`,
    description: records.length === 0 ? "No articles are indexed yet." : lines.join("\n\n"),
    footer: { text: `${builtAt === undefined ? "" : `Index updated ${updatedAt(builtAt)}. `}Answers come only from these articles. Ask with /ask or by mentioning the bot.` },
  };
  return { embeds: [embed], components: [], allowedMentions: noPings() };
}

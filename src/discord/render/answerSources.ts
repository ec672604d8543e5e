import type { APIEmbedField } from "discord.js";
import type { Citation } from "../../types.js";
import { LIMITS } from "./discordLimits.js";
import { groupSources, sourceDetails } from "./sources.js";
import { escapeText, truncateWords } from "./safeText.js";
import { plural } from "./text.js";

type SourceGroup = ReturnType<typeof groupSources>[number];

export const MORE_PASSAGES_FIELD = "More passages (not quoted in the answer)";
/** A "More passages" line is one short row per source: enough to tell the articles apart, five or so per field. */
const MORE_PASSAGE_LINE = 200;

const markers = (group: SourceGroup) => group.numbers.map((n) => `[${n}]`).join(" ");

function sourceField(group: SourceGroup): APIEmbedField {
  return {
    name: truncateWords(`${markers(group)} ${escapeText(group.citation.title)}`, LIMITS.fieldName),
    value: truncateWords(sourceDetails(group.citation), 300),
  };
}

/** "[4] Title · Outlet · date · article `id` · [link](…)"; when that is too long, only the title and id, so no markup is cut. */
function passageLine(group: SourceGroup): string {
  const { citation } = group;
  const head = `${markers(group)} ${truncateWords(escapeText(citation.title), 100)}`;
  const full = `${head} · ${sourceDetails({ ...citation, alsoReportedBy: [] })}`;
  if (full.length <= MORE_PASSAGE_LINE) return full;
  return `${head} · ${sourceDetails({ articleId: citation.articleId, outlet: null, published: null, url: null })}`;
}

const passagesLeftOut = (count: number) => `*… ${plural(count, "more passage")}; **Show passages** lists them all.*`;

/** One field listing the passages retrieved but not quoted, as many lines as fit in `room`, counting the rest. */
function morePassagesField(groups: readonly SourceGroup[], room: number): APIEmbedField {
  const lines = groups.map(passageLine);
  const budget = Math.min(LIMITS.fieldValue, room - MORE_PASSAGES_FIELD.length);
  const valueWith = (count: number) => {
    const hidden = groups.slice(count).reduce((sum, group) => sum + group.numbers.length, 0);
    return [...lines.slice(0, count), ...(hidden > 0 ? [passagesLeftOut(hidden)] : [])].join("\n");
  };
  let count = lines.length;
  while (count > 0 && valueWith(count).length > budget) count -= 1;
  return { name: MORE_PASSAGES_FIELD, value: valueWith(count) };
}

/**
 * The fields under an answer: one per source the answer quotes, then the other retrieved passages
 * together under "More passages", within `room` characters and Discord's field count. Quoted
 * sources come first and keep their room; trailing ones give way when they must, and say so.
 */
export function answerSourceFields(citations: readonly Citation[], room: number): APIEmbedField[] {
  const quoted = groupSources(citations.filter((citation) => citation.cited)).map(sourceField);
  const others = groupSources(citations.filter((citation) => !citation.cited));
  const reserved = others.length === 0 ? 0 : MORE_PASSAGES_FIELD.length + passagesLeftOut(citations.length).length;
  const slots = LIMITS.fields - (others.length === 0 ? 0 : 1);
  const maxShown = quoted.length > slots ? slots - 1 : slots;
  const shown: APIEmbedField[] = [];
  let used = 0;
  for (const field of quoted) {
    const length = field.name.length + field.value.length;
    if (shown.length >= maxShown || used + length > room - reserved) break;
    shown.push(field);
    used += length;
  }
  const hidden = quoted.length - shown.length;
  if (hidden > 0) shown.push({ name: "More sources", value: `${plural(hidden, "more source")} not listed here; **Show passages** lists them all.` });
  if (others.length > 0) shown.push(morePassagesField(others, room - used));
  return shown;
}

import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from "discord.js";
import type { Answer } from "../../types.js";
import { passagesButtonId, voteButtonId } from "../customIds.js";
import { LIMITS } from "./discordLimits.js";
import { noPings, type ReplyPayload } from "./payload.js";
import { groupSources, sourceDetails } from "./sources.js";
import { countSentences, escapeText, fitSentences, largestPassing, plural, truncateWords } from "./text.js";

export const ANSWERED_COLOR = 0x2b7a78;
export const NOT_COVERED_COLOR = 0x99aab5;
const FOOTER = "Answers quote the indexed articles only; [n] points to a source below.";
/** The answer always keeps at least this much room, however many sources there are. */
const MIN_DESCRIPTION = 600;
const TRAILING_MARKERS = /\[\d+\](?:\s*\[\d+\])*\s*$/;

/** Splits an answer into units that each end with their [n] marker(s), so no cut separates a sentence from its citation. */
export function answerUnits(text: string): string[] {
  const units = text.match(/[\s\S]*?\[\d+\](?:\s*\[\d+\])*\s*/g) ?? [];
  const tail = text.slice(units.join("").length);
  return tail.trim() !== "" ? [...units, tail] : units;
}

function leftOutNote(omittedSentences: number): string {
  return `\n\n*… ${plural(omittedSentences, "more sentence")} left out to fit in Discord; **Show passages** has every cited passage in full.*`;
}

const sentencesIn = (raw: string) => countSentences(raw.replace(/\[\d+\]/g, ""));

/** The answer text escaped and cut to `max` characters between units, saying how much was left out. */
export function fitAnswer(raw: string, max: number): string {
  const whole = escapeText(raw).trim();
  if (whole.length <= max) return whole;
  const units = answerUnits(raw);
  const fits = (index: number) => {
    const kept = units.slice(0, index + 1).join("");
    return escapeText(kept).trimEnd().length + leftOutNote(sentencesIn(units.slice(index + 1).join(""))).length <= max;
  };
  const count = largestPassing(units.length, fits);
  if (count > 0) return escapeText(units.slice(0, count).join("")).trimEnd() + leftOutNote(sentencesIn(units.slice(count).join("")));
  // Not even the first unit fits: keep its leading sentences and its marker together.
  const first = units[0] ?? raw;
  const markers = TRAILING_MARKERS.exec(first)?.[0] ?? "";
  const body = first.slice(0, first.length - markers.length);
  const restSentences = sentencesIn(units.slice(1).join(""));
  const budget = max - leftOutNote(restSentences + sentencesIn(body)).length - markers.trim().length - 1;
  const fitted = fitSentences(body, Math.max(budget, 20));
  const omitted = restSentences + sentencesIn(body.slice(body.length - fitted.omittedChars));
  return `${fitted.text} ${markers.trim()}`.trimEnd() + leftOutNote(omitted);
}

function sourceFields(answer: Answer): APIEmbedField[] {
  return groupSources(answer.citations).map((group) => ({
    name: truncateWords(`${group.numbers.map((n) => `[${n}]`).join(" ")} ${escapeText(group.citation.title)}`, LIMITS.fieldName),
    value: truncateWords(sourceDetails(group.citation), 300),
  }));
}

/** Fields to show, leaving the answer room: trailing sources give way first, and say so. */
function fitFields(fields: APIEmbedField[], fixedLength: number): APIEmbedField[] {
  const room = LIMITS.embedsTotal - MIN_DESCRIPTION - fixedLength - 120;
  const maxShown = fields.length > LIMITS.fields ? LIMITS.fields - 1 : LIMITS.fields;
  const shown: APIEmbedField[] = [];
  let used = 0;
  for (const field of fields) {
    const length = field.name.length + field.value.length;
    if (shown.length >= maxShown || used + length > room) break;
    shown.push(field);
    used += length;
  }
  const hidden = fields.length - shown.length;
  if (hidden > 0) shown.push({ name: "More sources", value: `${plural(hidden, "more source")} not listed here; **Show passages** lists them all.` });
  return shown;
}

export function answerButtons(key: string, hasPassages: boolean): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = [];
  if (hasPassages) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Show passages", custom_id: passagesButtonId(key) });
  buttons.push(
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Helpful", emoji: { name: "👍" }, custom_id: voteButtonId("helpful", key) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Not helpful", emoji: { name: "👎" }, custom_id: voteButtonId("unhelpful", key) },
  );
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

/** An answer as one embed: the question, the answer with [n] markers, a numbered source list and the buttons. */
export function renderAnswer(answer: Answer, key: string): ReplyPayload {
  const title = truncateWords(escapeText(answer.question), LIMITS.embedTitle);
  const footer = { text: FOOTER };
  const fields = fitFields(sourceFields(answer), title.length + footer.text.length);
  const fixed = title.length + footer.text.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const description = fitAnswer(answer.answer, Math.min(LIMITS.embedDescription, LIMITS.embedsTotal - fixed));
  const embed: APIEmbed = {
    title,
    description,
    color: answer.answered ? ANSWERED_COLOR : NOT_COVERED_COLOR,
    footer,
    ...(fields.length > 0 ? { fields } : {}),
  };
  return { embeds: [embed], components: answerButtons(key, answer.citations.length > 0), allowedMentions: noPings() };
}

import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from "discord.js";
import type { Answer, Confidence } from "../../types.js";
import { passagesButtonId, voteButtonId } from "../customIds.js";
import { answerSourceFields } from "./answerSources.js";
import { LIMITS } from "./discordLimits.js";
import { noPings, type ReplyPayload } from "./payload.js";
import { escapeText, sanitise, sanitisedUpTo, truncateWords } from "./safeText.js";
import { countSentences, fitSentences, largestPassing, plural } from "./text.js";

export const ANSWERED_COLOR = 0x2b7a78;
/** Amber: the closest passages are shown, but they may not answer the question exactly. */
export const NOT_SURE_COLOR = 0xe8a317;
export const NOT_COVERED_COLOR = 0x99aab5;
const COLORS: Record<Confidence, number> = { high: ANSWERED_COLOR, low: NOT_SURE_COLOR, none: NOT_COVERED_COLOR };
/** Shown above the question of a `low` answer; /help explains it. */
export const NOT_SURE_MARKER = "⚠️ Not sure the articles answer this exactly";
const NO_SOURCES_FOOTER = "Answers quote the indexed articles only.";
const FOOTER = "Answers quote the indexed articles only; [n] points to a source below.";
/** The answer always keeps at least this much room, however many sources there are. */
const MIN_DESCRIPTION = 600;
/** Room kept outside the source budget for the "More sources" note that says how many were not listed. */
const SOURCES_NOTE = 120;
/** The corrected question is the user's own question respelled, so a title's length is plenty. */
const READ_AS_MAX = LIMITS.embedTitle;
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

/** The answer text sanitised, then cut to `max` characters between units, saying how much was left out. */
function fitAnswer(raw: string, max: number): string {
  const sanitised = sanitise(raw);
  const whole = sanitised.text.trim();
  if (whole.length <= max) return whole;
  const units = answerUnits(raw);
  const unitEnd = (count: number) => units.slice(0, count).join("").length;
  const keptUnits = (count: number) => sanitisedUpTo(sanitised, unitEnd(count)).trimEnd();
  const fits = (index: number) => keptUnits(index + 1).length + leftOutNote(sentencesIn(units.slice(index + 1).join(""))).length <= max;
  const count = largestPassing(units.length, fits);
  if (count > 0) return keptUnits(count) + leftOutNote(sentencesIn(units.slice(count).join("")));
  // Not even the first unit fits: keep its leading sentences and its marker together.
  const first = units[0] ?? raw;
  const bodyEnd = first.length - (TRAILING_MARKERS.exec(first)?.[0] ?? "").length;
  const body = first.slice(0, bodyEnd);
  const markers = sanitised.text.slice(sanitised.at[bodyEnd], sanitised.at[first.length]).trim();
  const restSentences = sentencesIn(units.slice(1).join(""));
  const budget = max - leftOutNote(restSentences + sentencesIn(body)).length - markers.length - 1;
  const fitted = fitSentences(sanitised, Math.max(budget, 20), bodyEnd);
  const omitted = restSentences + sentencesIn(body.slice(body.length - fitted.omittedChars));
  return `${fitted.text} ${markers}`.trimEnd() + leftOutNote(omitted);
}

function answerButtons(key: string, hasPassages: boolean): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = [];
  if (hasPassages) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Show passages", custom_id: passagesButtonId(key) });
  buttons.push(
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Helpful", emoji: { name: "👍" }, custom_id: voteButtonId("helpful", key) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Not helpful", emoji: { name: "👎" }, custom_id: voteButtonId("unhelpful", key) },
  );
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

/** "Read as: …" when the engine read the question differently from how it was typed (sanitised: it is the user's text). */
function readAsLine(answer: Answer): string {
  if (answer.correctedQuestion === undefined) return "";
  return `*Read as:* “${truncateWords(escapeText(answer.correctedQuestion), READ_AS_MAX)}”\n\n`;
}

/**
 * An answer as one embed: the question, the answer with [n] markers, the sources it quotes, the
 * other passages found under "More passages", and the buttons. The colour tells the outcome
 * apart; a `low` answer also carries the not-sure marker above the question.
 */
export function renderAnswer(answer: Answer, key: string): ReplyPayload {
  const title = truncateWords(escapeText(answer.question), LIMITS.embedTitle);
  // An answer with no sources has no [n] to explain.
  const footer = { text: answer.citations.length > 0 ? FOOTER : NO_SOURCES_FOOTER };
  const author = answer.confidence === "low" ? { name: NOT_SURE_MARKER } : null;
  const readAs = readAsLine(answer);
  const frame = title.length + footer.text.length + (author?.name.length ?? 0) + readAs.length;
  const fields = answerSourceFields(answer.citations, LIMITS.embedsTotal - MIN_DESCRIPTION - frame - SOURCES_NOTE);
  const fixed = frame + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const description = readAs + fitAnswer(answer.answer, Math.min(LIMITS.embedDescription - readAs.length, LIMITS.embedsTotal - fixed));
  const embed: APIEmbed = {
    ...(author === null ? {} : { author }),
    title,
    description,
    color: COLORS[answer.confidence],
    footer,
    ...(fields.length > 0 ? { fields } : {}),
  };
  return { embeds: [embed], components: answerButtons(key, answer.citations.length > 0), allowedMentions: noPings() };
}

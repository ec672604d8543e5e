import { MAX_QUESTION_CHARS, validateQuestion } from "../engine/engine.js";
import { UserError } from "../errors.js";
import type { AskOptions } from "../types.js";
import { visibleText } from "../util/visible.js";
import { plainText, truncateWords } from "./render/safeText.js";

/**
 * Checks a question and an outlet choice before the bot defers, so a mistake gets a private
 * message at once instead of a public "thinking…" that turns into an error.
 */
export function checkAskInput(question: string, outlet: string | null, knownOutlets: readonly string[]): { question: string; options: AskOptions } {
  const checked = validateQuestion(visibleText(question));
  if (outlet === null || outlet.trim() === "") return { question: checked, options: {} };
  const match = knownOutlets.find((known) => known.toLowerCase() === outlet.trim().toLowerCase());
  if (match === undefined) {
    throw new UserError(
      "UNKNOWN_OUTLET",
      knownOutlets.length > 0
        ? `No indexed article is from "${outlet.trim()}". Pick one of the suggested outlets: ${knownOutlets.join(", ")}.`
        : "None of the indexed articles names its outlet, so there is nothing to filter by; leave the outlet option out.",
    );
  }
  return { question: checked, options: { outlet: match } };
}

/** Outlet suggestions for autocomplete: those containing what was typed, at most 25. */
export function outletChoices(knownOutlets: readonly string[], typed: string): { name: string; value: string }[] {
  const needle = typed.trim().toLowerCase();
  return knownOutlets
    .filter((outlet) => outlet.toLowerCase().includes(needle))
    .sort((a, b) => Number(!a.toLowerCase().startsWith(needle)) - Number(!b.toLowerCase().startsWith(needle)))
    .slice(0, 25)
    .map((outlet) => ({ name: truncateWords(plainText(outlet), 100), value: outlet.slice(0, 100) }));
}

/**
 * The claim in a message, for Find sources: invisible characters, mentions and extra whitespace
 * removed, and cut to the engine's question limit at a sentence or word boundary.
 */
export function claimFrom(content: string): string {
  const text = visibleText(content).replace(/<(@[!&]?|#)\d+>/g, " ").replace(/\s+/g, " ").trim();
  if (text.length <= MAX_QUESTION_CHARS) return text;
  const head = text.slice(0, MAX_QUESTION_CHARS);
  const sentenceEnd = Math.max(...[...head.matchAll(/[.!?]["'”’)]*\s/g)].map((match) => match.index + match[0].length));
  return (sentenceEnd > MAX_QUESTION_CHARS / 2 ? head.slice(0, sentenceEnd) : head.replace(/\s+\S*$/, "")).trim();
}

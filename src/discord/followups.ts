/**
 * Follow-up questions ("what else did he say?" replying to the answer to "What did Grushko
 * say?") are resolved without any retrieval: third-person pronouns in the follow-up are replaced
 * by the subject of the previous question, its first run of capitalised words other than
 * question words ("Grushko", "Sir Keir Starmer", "Britain and France"). A follow-up without
 * such a pronoun, or after a question without a named subject, is asked as it stands.
 */
import { isCapitalised } from "../text/names.js";
import { QUESTION_OPENERS } from "../text/questionOpeners.js";

const PRONOUNS = /\b(he|she|they|him|her|them|his|their|hers|theirs)\b/gi;
const POSSESSIVE = new Set(["his", "their", "hers", "theirs"]);
/** Capitalised words that start questions rather than name anyone. */
const NOT_NAMES = new Set([...QUESTION_OPENERS, "of"]);

/** The name a question is about, e.g. "Alexander Grushko" in "What did Alexander Grushko say?"; null if none. */
export function subjectOf(question: string): string | null {
  const run: string[] = [];
  for (const raw of question.match(/[\p{L}\p{N}’'-]+/gu) ?? []) {
    const word = raw.replace(/[’']s$/u, "");
    const isName = isCapitalised(word) && !NOT_NAMES.has(word.toLowerCase());
    // "Britain and France" is one subject; a trailing "and" is dropped below.
    if (isName || (word === "and" && run.length > 0 && run.at(-1) !== "and")) run.push(word);
    // A name ends at the first other word, or at a possessive ("Starmer's plan").
    else if (run.length > 0) break;
    if (word !== raw && run.length > 0) break;
  }
  if (run.at(-1) === "and") run.pop();
  return run.length > 0 ? run.join(" ") : null;
}

/** The question to ask for a follow-up, given the question it follows. */
export function resolveFollowUp(previousQuestion: string, followUp: string): string {
  const subject = subjectOf(previousQuestion);
  if (subject === null) return followUp.trim();
  return followUp.trim().replace(PRONOUNS, (pronoun) => (POSSESSIVE.has(pronoun.toLowerCase()) ? `${subject}'s` : subject));
}

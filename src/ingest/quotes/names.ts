/** Reading people's names and roles out of the noun phrase in front of a speech verb. */
import { DAY_NAMES, MONTH_NAMES_BUT_MAY } from "../../text/calendar.js";
import { isCapitalised } from "../../text/names.js";

const TITLES = new Set(["mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prof", "president", "gen", "lt", "col", "rev"]);
const ROLE_WORDS = new Set(
  (
    "minister secretary spokesman spokeswoman spokesperson president chancellor governor commissioner chief head " +
    "general leader envoy ambassador commander official officials deputy foreign defence defense prime state security " +
    "commentator blogger analyst adviser advisor director chair chairman mayor senator congressman premier king queen " +
    "pope former retired acting special media military army navy press interior finance first vice member policy"
  ).split(" "),
);
/** The words that head a role ("envoy", "minister"), not those that qualify it ("special", "retired"). */
const ROLE_HEADS = new Set(
  "minister secretary spokesman spokeswoman spokesperson president chancellor governor commissioner chief envoy ambassador commander commentator blogger analyst adviser advisor director chairman mayor senator premier".split(" "),
);
/** The most words an office set before a name and a comma may have ("Mr Trump’s special envoy to Ukraine and Russia"). */
const MAX_OFFICE_WORDS = 8;
// Adjectives of origin that qualify a role ("Russian Foreign Minister", "Danish Foreign Minister").
const ORIGIN = /^(russian|ukrainian|british|french|german|italian|spanish|danish|canadian|american|us|uk|eu|european|chinese|polish|dutch|swedish|finnish|turkish|north|south|western|eastern|kremlin|nato|un|white|house)$/i;
const PRONOUNS = /^(he|she|they|it)$/i;
const ANONYMOUS = /^(a|an|one|another)\s+(.*\b)?(source|sources|official|officials|diplomat|insider|aide|spokesman|spokeswoman|person|minister|figure|observer)\b/i;
/** Capitalised words that start many phrases but are never part of a name. */
const NOT_NAMES = new Set([
  "the", "a", "an", "but", "and", "meanwhile", "however", "on", "in", "earlier", "later", "speaking", "commenting",
  "discussing", "reiterating", "following", "after", "as", "it", "this", "that", "then", "so", "also", "his", "her", "their",
  ...DAY_NAMES, ...MONTH_NAMES_BUT_MAY,
]);

export type Subject =
  | { kind: "pronoun" }
  | { kind: "anonymous"; description: string }
  | { kind: "named"; name: string; role: string | null }
  | { kind: "role"; role: string };

function tokens(phrase: string): string[] {
  return phrase.split(/\s+/).filter((token) => token !== "");
}

function bare(token: string): string {
  return token.replace(/[’']s$/u, "").replace(/[^\p{L}\p{N}.'’-]/gu, "").replace(/\.$/, "");
}

/**
 * Reads the subject of a speech verb: the text right before "said" (appositives and relative
 * clauses already removed). "Kremlin spokesman Dmitry Peskov" → Dmitry Peskov with role
 * "Kremlin spokesman"; "he" → pronoun; "a Western official" → anonymous.
 */
export function readSubject(phrase: string): Subject | null {
  const cleaned = phrase.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "").replace(/^(and|but|meanwhile|however|while|whereas|so),?\s+/i, "");
  if (cleaned === "") return null;
  if (PRONOUNS.test(cleaned)) return { kind: "pronoun" };
  const anonymous = ANONYMOUS.exec(cleaned);
  if (anonymous) return { kind: "anonymous", description: cleaned.toLowerCase() };
  const words = tokens(cleaned).map(bare).filter((word) => word !== "");
  // The name is the trailing run of capitalised words that are not role words or titles.
  const end = words.length;
  let start = end;
  while (start > 0) {
    const word = words[start - 1] as string;
    const lower = word.toLowerCase();
    if (!isCapitalised(word) && !/^(von|van|der|de|la|le|bin|al)$/.test(word)) break;
    if (TITLES.has(lower) || ROLE_WORDS.has(lower) || ORIGIN.test(word) || NOT_NAMES.has(lower)) break;
    start--;
  }
  while (start < end && /^(von|van|der|de|la|le|bin|al)$/.test(words[start] as string)) start++;
  // "the International Fund for Ukraine": a name after a preposition is an object, not a speaker.
  if (start < end && start > 0 && /^(of|for|to|in|on|at|from|with|by|against|into|over)$/i.test(words[start - 1] as string)) return null;
  const name = words.slice(start, end).join(" ");
  // The role is the run of role words, origins and institution names right before the name.
  let roleStart = start;
  while (roleStart > 0) {
    const word = words[roleStart - 1] as string;
    const lower = word.toLowerCase();
    if (ROLE_WORDS.has(lower) || ORIGIN.test(word) || TITLES.has(lower) || /^(state|media|country’s|country's|of|commission|council|russia’s|russia's|ukraine’s|ukraine's)$/.test(lower) || (isCapitalised(word) && !NOT_NAMES.has(lower))) {
      roleStart--;
    } else break;
  }
  const role = words
    .slice(roleStart, start)
    .filter((word) => !(TITLES.has(word.toLowerCase()) && !ROLE_WORDS.has(word.toLowerCase())))
    .join(" ");
  if (name !== "" && end - start <= 4) return { kind: "named", name, role: role === "" ? null : role.toLowerCase() };
  const lowerRole = words.join(" ").toLowerCase().replace(/^the\s+/, "");
  if (words.length <= 6 && words.some((word) => ROLE_WORDS.has(word.toLowerCase()) || /spokesman|military|kremlin|ministry|government|police|army/i.test(word))) {
    return { kind: "role", role: lowerRole };
  }
  return null;
}

/**
 * The office a phrase gives before a comma and a name: "Mr Trump’s special envoy to Ukraine and Russia" before "retired
 * Lt Gen Keith Kellogg" is his office ("retired" is his rank's, not the office's). Null when the phrase heads no office
 * ("plus representatives from the EU and NATO") or is too long to be one.
 */
export function officeBefore(phrase: string): string | null {
  const cleaned = phrase.trim().replace(/^(and|but|meanwhile|however|while|whereas|so),?\s+/i, "");
  const office = tokens(cleaned).map(bare).filter((word) => word !== "" && !TITLES.has(word.toLowerCase()));
  return office.length <= MAX_OFFICE_WORDS && office.some((word) => ROLE_HEADS.has(word.toLowerCase())) ? office.join(" ").toLowerCase() : null;
}

/** A comparison key for a surname that merges transliterations (Zelensky, Zelenskyy, Zelenskiy). */
export function surnameKey(surname: string): string {
  return surname
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/(iy|yy|ij|ii|y|i)$/, "");
}

/** Drops honorifics: "Sir Keir Starmer" → "Keir Starmer", "Mr Healey" → "Healey". */
export function withoutTitles(name: string): string {
  const words = tokens(name);
  while (words.length > 1 && TITLES.has((words[0] as string).toLowerCase())) words.shift();
  return words.join(" ");
}

/** Lower-cases a role and spells it one way: "the PM’s spokesman" → "prime minister spokesman". */
export function normaliseRole(role: string): string {
  return role
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/\bpm\b/g, "prime minister")
    .replace(/^(the|a|an|his|her|their)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

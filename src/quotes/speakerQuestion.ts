import { normaliseRole, surnameKey } from "../ingest/quotes/names.js";
import type { Speaker } from "../ingest/quotes/speakers.js";
import { DAY_NAMES } from "../text/calendar.js";
import { likenedTo } from "../question/parts.js";
import { ASKING_VERBS } from "../text/speechVerbs.js";

/** A who-said-what question taken apart: who is asked about, and on what topic. */
export interface SpeakerQuestion {
  who: string;
  topic: string;
}

const VERBS = [...ASKING_VERBS, "meant", "call", "called", "announce", "announced", "add", "added", "state", "stated"].join("|");
// (A lead-in before a colon sets the scene: "Compare Healey and Hegseth: what did Healey say…".)
const WHAT_DID = new RegExp(String.raw`^\s*(?:[^?:]{1,60}:\s*)?(?:what|how)\s+(?:did|does|do|has|have|had|is|was)\s+(.+?)\s+(?:${VERBS})\b\s*(.*?)[?.!\s]*$`, "i");
const ACCORDING = /^\s*what\s+.*?\baccording to\s+(.+?)[?.!\s]*$/i;
const REACTION = /^\s*what\s+(?:was|is)\s+(.+?)[’']s?\s+(?:reaction|response|position|view)\b\s*(.*?)[?.!\s]*$/i;
// "Did Putin himself respond to Medvedev's post?", "did zelensky say anything back about…": asks for Putin's words about the post.
const DID_RESPOND =
  /^\s*(?:did|has|have|had)\s+(.+?)\s+(?:(?:ever|himself|herself|themselves|actually|even|really|publicly)\s+)*(?:respond|responded|reply|replied|react|reacted|comment|commented|say\s+anything(?:\s+back)?|said\s+anything(?:\s+back)?)\s+(?:to|on|about|abt|over)\s+(.*?)[?.!\s]*$/i;

/**
 * The most words a speaker is named with: "Russia's deputy foreign minister Alexander Grushko" is
 * six. A longer "who" is a clause: "What did Putin and Trump agree on during their phone call".
 */
const MAX_WHO_WORDS = 7;

/**
 * "…on his Tuesday call", "…in their post", "the outcome of Trump's phone call": after a
 * possessive, or after "phone" or a day, "call" or "post" is a noun, not what someone did.
 */
const NOUN_NOT_VERB = new RegExp(
  String.raw`\b(?:his|her|their|its|our|my|your)\s+(?:\S+\s+){0,2}?(?:call|post|reply|claim)\b|\b(?:phone|telephone|video|conference|${DAY_NAMES.join("|")})\s+call\b`,
  "i",
);

/** Recognises "What did X say (about Y)?", "How did X react?", "What was X's response?". */
export function parseSpeakerQuestion(question: string): SpeakerQuestion | null {
  // "What did Kellogg compare the aid pause to?" asks for his words about the pause.
  const likened = likenedTo(question);
  if (likened !== null && likened.who.split(/\s+/).length <= MAX_WHO_WORDS) return { who: likened.who, topic: likened.thing };
  const match = WHAT_DID.exec(question) ?? REACTION.exec(question) ?? DID_RESPOND.exec(question);
  const who = match?.[1]?.trim();
  if (who && who.split(/\s+/).length <= MAX_WHO_WORDS && !NOUN_NOT_VERB.test(match?.[0] ?? "")) return { who, topic: (match?.[2] ?? "").replace(/^(about|on|to|of|regarding)\s+/i, "").trim() };
  const according = ACCORDING.exec(question);
  if (according?.[1]) return { who: according[1].trim(), topic: "" };
  return null;
}

// Places that stand for a government in news copy.
const SEATS: Record<string, string[]> = {
  moscow: ["the Kremlin", "moscow", "russia"],
  kremlin: ["the Kremlin", "moscow"],
  "downing street": ["Downing Street"],
  "no 10": ["Downing Street"],
  "number 10": ["Downing Street"],
  "white house": ["the White House"],
  washington: ["the White House", "washington"],
};

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[^\p{L}\p{N}.]+/u)
    .filter((token) => token !== "" && !/^(the|a|an|of|and)$/.test(token))
    .map((token) => token.replace(/^russia$/, "russian").replace(/^ukraine$/, "ukrainian").replace(/^britain$/, "british"));
}

/** What matching needs from a speaker's names, roles and organisations, worked out once per speaker. */
interface SpeakerKeys {
  names: Set<string>;
  surnames: Set<string>;
  variants: Set<string>;
  roles: Array<Set<string>>;
  organisations: Set<string>;
  organisationsAsWritten: readonly string[];
}

const keysOf = new WeakMap<Speaker, SpeakerKeys>();

function speakerKeys(speaker: Speaker): SpeakerKeys {
  let keys = keysOf.get(speaker);
  if (keys === undefined) {
    keys = {
      names: new Set(speaker.variants.flatMap((variant) => variant.split(" ")).map((name) => name.toLowerCase())),
      surnames: new Set(speaker.variants.map((variant) => surnameKey(variant.split(" ").pop() ?? ""))),
      variants: new Set(speaker.variants.map((variant) => tokens(variant).join(" "))),
      roles: speaker.roles.map((role) => new Set(tokens(normaliseRole(role)))),
      organisations: new Set(speaker.organisations.map((organisation) => organisation.toLowerCase().replace(/^the /, ""))),
      organisationsAsWritten: speaker.organisations,
    };
    keysOf.set(speaker, keys);
  }
  return keys;
}

/** How well a speaker answers to the words a question uses for them (0 = not at all). */
function matchScore(whoTokens: readonly string[], speaker: Speaker): number {
  if (whoTokens.length === 0) return 0;
  const keys = speakerKeys(speaker);
  if (speaker.kind === "person") {
    if (whoTokens.some((token) => keys.surnames.has(surnameKey(token)))) return 1;
    if (whoTokens.length === 1 && keys.names.has(whoTokens[0] as string)) return 0.9;
  }
  const phrase = whoTokens.join(" ");
  if (speaker.kind !== "anonymous" && keys.variants.has(phrase)) return 1;
  // By role: every word of "Russia's deputy foreign minister" is in one of the speaker's roles.
  if (keys.roles.some((role) => whoTokens.every((token) => role.has(token)))) return 0.8;
  // By institution: "Downing Street", "the Kremlin", "Moscow".
  const seats = SEATS[phrase] ?? [];
  if (keys.organisations.has(phrase) || keys.organisationsAsWritten.some((organisation) => seats.includes(organisation))) return 0.8;
  if (speaker.kind === "organisation" && seats.includes(speaker.name.toLowerCase())) return 0.7;
  return 0;
}

/** The speakers a question's "who" refers to, best match first (ties all kept). */
export function matchSpeakers(who: string, speakers: readonly Speaker[]): Speaker[] {
  const whoTokens = tokens(who);
  const scored = speakers.map((speaker) => ({ speaker, score: matchScore(whoTokens, speaker) })).filter((entry) => entry.score > 0);
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  // An institution question ("Moscow") gathers everyone who speaks for it.
  const floor = best >= 1 ? 1 : 0.7;
  return scored.filter((entry) => entry.score >= floor).sort((a, b) => b.score - a.score || b.speaker.quoteCount - a.speaker.quoteCount).map((entry) => entry.speaker);
}

import type { Speaker } from "./speakers.js";
import { normaliseRole } from "./speakers.js";
import { surnameKey } from "./names.js";

/** A who-said-what question taken apart: who is asked about, and on what topic. */
export interface SpeakerQuestion {
  who: string;
  topic: string;
}

const VERBS =
  "say|said|says|tell|told|respond|responded|react|reacted|reply|replied|claim|claimed|warn|warned|argue|argued|post|posted|write|wrote|think|mean|meant|call|called|announce|announced|add|added|state|stated";
const WHAT_DID = new RegExp(String.raw`^\s*(?:what|how)\s+(?:did|does|do|has|have|had|is|was)\s+(.+?)\s+(?:${VERBS})\b\s*(.*?)[?.!\s]*$`, "i");
const ACCORDING = /^\s*what\s+.*?\baccording to\s+(.+?)[?.!\s]*$/i;
const REACTION = /^\s*what\s+(?:was|is)\s+(.+?)[’']s?\s+(?:reaction|response|position|view)\b\s*(.*?)[?.!\s]*$/i;

/** Recognises "What did X say (about Y)?", "How did X react?", "What was X's response?". */
export function parseSpeakerQuestion(question: string): SpeakerQuestion | null {
  const match = WHAT_DID.exec(question) ?? REACTION.exec(question);
  if (match?.[1]) return { who: match[1].trim(), topic: (match[2] ?? "").replace(/^(about|on|to|of|regarding)\s+/i, "").trim() };
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

/** How well a speaker answers to the words a question uses for them (0 = not at all). */
function matchScore(who: string, speaker: Speaker): number {
  const whoTokens = tokens(who);
  if (whoTokens.length === 0) return 0;
  if (speaker.kind === "person") {
    const nameTokens = speaker.variants.flatMap((variant) => variant.split(" "));
    const surnames = new Set(speaker.variants.map((variant) => surnameKey(variant.split(" ").pop() ?? "")));
    if (whoTokens.some((token) => surnames.has(surnameKey(token)))) return 1;
    if (whoTokens.length === 1 && nameTokens.some((name) => name.toLowerCase() === whoTokens[0])) return 0.9;
  }
  if (speaker.kind !== "anonymous" && speaker.variants.some((variant) => tokens(variant).join(" ") === whoTokens.join(" "))) return 1;
  // By role: every word of "Russia's deputy foreign minister" is in one of the speaker's roles.
  const roleHit = speaker.roles.some((role) => {
    const roleTokens = new Set(tokens(normaliseRole(role)));
    return whoTokens.every((token) => roleTokens.has(token));
  });
  if (roleHit) return 0.8;
  // By institution: "Downing Street", "the Kremlin", "Moscow".
  const phrase = whoTokens.join(" ");
  const seats = SEATS[phrase] ?? [];
  if (speaker.organisations.some((organisation) => organisation.toLowerCase().replace(/^the /, "") === phrase || seats.includes(organisation))) return 0.8;
  if (speaker.kind === "organisation" && seats.includes(speaker.name.toLowerCase())) return 0.7;
  return 0;
}

/** The speakers a question's "who" refers to, best match first (ties all kept). */
export function matchSpeakers(who: string, speakers: readonly Speaker[]): Speaker[] {
  const scored = speakers.map((speaker) => ({ speaker, score: matchScore(who, speaker) })).filter((entry) => entry.score > 0);
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  // An institution question ("Moscow") gathers everyone who speaks for it.
  const floor = best >= 1 ? 1 : 0.7;
  return scored.filter((entry) => entry.score >= floor).sort((a, b) => b.score - a.score || b.speaker.quoteCount - a.speaker.quoteCount).map((entry) => entry.speaker);
}

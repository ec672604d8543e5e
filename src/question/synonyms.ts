import { contentTerm, isStopword, words } from "../text/terms.js";
import { IDIOMS } from "./idioms.js";

/**
 * Words news reports use for one another when they count or report the same thing: "30
 * nations" answers "how many countries", "soldiers" are the "troops" of another sentence. Kept
 * to plain equivalents (not "missile" for "rocket"); each group is written once.
 */
const GROUPS = [
  "country nation",
  "troop soldier",
  "killed dead died",
  "injured wounded",
  "talks negotiations",
  "ceasefire truce",
  "weapons arms",
  "drone uav",
  "deal agreement settlement",
  "aid help assistance backing funding",
  // those who give it: "Kyiv's backers in the West" give the "Western aid"
  "backer supporter",
  "buy purchase procure",
  "draft conscription enlistment",
  "disappear vanish gone",
  "outskirts suburbs",
  "insider source",
  "mandatory compulsory",
  "province region",
  "pause suspension freeze halt",
  "spokesman spokeswoman spokesperson",
  // "Why is the Odesa region important?" is "The region is key for…"
  "important key crucial vital matter",
  // "Russia's opinion" is "Russia's views"
  "view opinion",
  "atomic nuclear",
  // "Why might the day chosen annoy Kyiv?" is "The date … may upset Ukraine"
  "upset annoy irritate unhappy",
  // "a seaside town" is "a resort"
  "seaside resort",
  // being against something: "which countries are against sending troops" is "opposition from Germany, Spain and Italy"
  "against oppose opposition",
  // what an army has of a country: "holds 110 square km" is "controls 110 square km"
  "hold control occupy",
  "territory land",
  // counted people: "500 residents" answers "how many people", and so does "one person"
  "people person residents",
  // a business: "the drone company" is the articles' "security firm"
  "company firm",
  // an army's advance into another's land: "Kyiv's cross-border push" is "a seven-month incursion by Ukraine"
  "incursion offensive push",
  // "splitting up holdings" is "dividing up certain assets"
  "split divide",
  // when something happens: "the timing of the call" is "the date for the talks"
  "date timing scheduling",
  // a day kept in memory: "which commemoration falls on the day" is "when Putin marks the Day of…"
  "mark commemorate commemoration anniversary",
];

const byTerm = new Map<string, string[]>();
for (const group of GROUPS) {
  const terms = group.split(" ").map((word) => contentTerm(word) ?? word);
  for (const term of terms) byTerm.set(term, terms.filter((other) => other !== term));
}

/**
 * Words a question may use for a narrower one of the articles', but not the other way round: "the day chosen for the
 * call" is its date, while a sentence's "30-day ceasefire" is no date; drones Russia "sent" are the ones it "launched",
 * while troops "launched" are not sent.
 */
const ONE_WAY: ReadonlyArray<[string, string]> = [
  ["day", "date"],
  ["send", "launch"],
  ["holding", "asset"],
  // where troops would be "stationed" or "posted", the articles say where they would be put or based, and "the fighting"
  // or "the combat zone" is the front line
  ...["station", "post"].flatMap((word): Array<[string, string]> => ["put", "base"].map((other) => [word, other])),
  ["fighting", "front"],
  ["combat", "front"],
  // what someone "sought" or "demanded", the articles say they "called for"
  ["seek", "call"],
  ["demand", "call"],
  // what a government buys, the articles report as its deal: "what kit is the UK buying" is "Britain’s agreement with Anduril"
  ...["buy", "purchase"].flatMap((word): Array<[string, string]> => ["agreement", "deal", "contract"].map((other) => [word, other])),
];
for (const [word, other] of ONE_WAY) {
  const term = contentTerm(word) ?? word;
  byTerm.set(term, [...(byTerm.get(term) ?? []), contentTerm(other) ?? other]);
}

/** What an inflected word may be a form of: "occupied" of "occupy", "controlled" of "control". */
const INFLECTIONS: ReadonlyArray<[RegExp, string]> = [
  [/ied$/, "y"], [/ies$/, "y"], [/(\w)\1ed$/, "$1"], [/(\w)\1ing$/, "$1"], [/ed$/, ""], [/ed$/, "e"], [/ing$/, ""], [/ing$/, "e"], [/s$/, ""],
];

/** The other words for a content term or any word it may be a form of ("nation" for "country"); empty when it has none. */
export function synonymsOf(term: string): readonly string[] {
  const own = byTerm.get(term);
  if (own !== undefined) return own;
  for (const [ending, replacement] of INFLECTIONS) {
    if (!ending.test(term)) continue;
    const found = byTerm.get(term.replace(ending, replacement));
    if (found !== undefined) return found;
  }
  return [];
}

/**
 * Phrases that say the same where their single words do not: "lost power" is "left without
 * electricity". While a question uses the phrase, each of its words has these other words.
 */
const PHRASES: ReadonlyArray<{ phrase: RegExp; words: Readonly<Record<string, readonly string[]>> }> = [
  { phrase: /\b(?:lost|lose|loses|losing)\s+(?:power|electricity)\b/i, words: { lost: ["left"], lose: ["left"], power: ["electricity"], electricity: ["power"] } },
  // "without weapons" is unarmed
  { phrase: /\bwithout\s+(?:weapons|arms|guns)\b/i, words: { weapon: ["unarmed"], arm: ["unarmed"], gun: ["unarmed"] } },
  // a call between leaders is talks: "the Trump-Putin phone call" is "the talks" the article dates
  { phrase: /\b(?:phone|telephone)\s+(?:call|conversation|chat)s?\b/i, words: { phone: ["talks"], telephone: ["talks"], call: ["talks"], conversation: ["talks"], chat: ["talks"] } },
  // "an air base" is an airfield
  { phrase: /\bair\s+bases?\b/i, words: { air: ["airfield"], base: ["airfield"] } },
];

/** An idiom as matched: the forms its first word takes, its other key words in order, and the plain words for it. */
interface Idiom {
  first: ReadonlySet<string>;
  rest: readonly string[];
  /** The content terms of its key words in any of their forms: the words of a question it gives other words to. */
  terms: ReadonlySet<string>;
  plain: readonly string[];
}

const termOf = (word: string) => contentTerm(word) ?? word;
const IDIOM_LIST: readonly Idiom[] = IDIOMS.map((entry) => {
  const [keys = "", forms = "", plain = ""] = entry.split(" | ");
  const [, ...rest] = keys.split(" ");
  const first = forms.split(" ");
  return { first: new Set(first), rest, terms: new Set([...first, ...rest].map(termOf)), plain: plain.split(" ").map(termOf) };
});
/** How many words may stand between an idiom's key words ("rub Kyiv the wrong way", "pour billions into"). */
const IDIOM_REACH = 3;

/** Whether a question's words hold an idiom: its first word, then each other key word within reach of the one before. */
function holdsIdiom(words: readonly string[], idiom: Idiom): boolean {
  return words.some((word, start) => {
    if (!idiom.first.has(word)) return false;
    let at = start;
    for (const key of idiom.rest) {
      const next = words.slice(at + 1, at + 1 + IDIOM_REACH).indexOf(key);
      if (next < 0) return false;
      at += next + 1;
    }
    return true;
  });
}

/**
 * The plain words of an idiom held in a question whose words are all too common to be searched for ("gave themselves
 * up" is "surrendered"), opened by this word: no other word of the question carries them.
 */
export function commonWordIdiomOf(question: string, word: string): readonly string[] {
  const questionWords = words(question).map((token) => token.toLowerCase());
  return IDIOM_LIST.filter((idiom) => idiom.first.has(word) && idiom.rest.every((key) => isStopword(key)) && holdsIdiom(questionWords, idiom)).flatMap((idiom) => idiom.plain);
}

/** The other words a content term has in the phrase a question uses it in ("left" for "lost" in "lost power", "upset" for "rub" in "rub Kyiv the wrong way"). */
export function phraseSynonymsOf(question: string, term: string): readonly string[] {
  const questionWords = words(question).map((word) => word.toLowerCase());
  const idioms = IDIOM_LIST.filter((idiom) => idiom.terms.has(term) && holdsIdiom(questionWords, idiom)).flatMap((idiom) => idiom.plain);
  return [...PHRASES.flatMap(({ phrase, words: others }) => (phrase.test(question) ? (others[term] ?? []) : [])), ...idioms];
}

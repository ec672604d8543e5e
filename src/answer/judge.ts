import { hasAnswerType, type AnswerType } from "../retrieve/answerType.js";
import { contentTerm, contentTerms, words } from "../retrieve/terms.js";
import type { Concept } from "../types.js";

/**
 * Thresholds of the three outcomes, on the share of a question's weight (its concepts, see
 * retrieve/coverage.ts) that the sentence an answer leads with holds. Chosen on the tuning sets
 * (dev, paraphrase and the blind tuning half; README, "Evaluation"), never on the locked half.
 */
export const CONFIDENCE = {
  /** Below this nothing retrieved is about the question: `none`. */
  noneBelow: 0.1,
  /** At or above this (and every other check passing) the answer is `high`. */
  highFrom: 0.25,
  /**
   * The share of the question's topic (its concepts other than names: "backstop" in "What is
   * the US backstop that Starmer wants?") the leading sentence must hold to be `high`. A
   * sentence about the right people but not the thing asked ("the football match") is not.
   */
  topicFrom: 0.15,
  /** A who-said-what answer about a topic is `high` when its quotes hold this share of the topic. */
  quoteTopicFrom: 0.3,
} as const;

/** How far (in words) a number may sit from the thing a "how many" question counts. */
const NUMBER_REACH = 4;
const NUMBER = /^(\d[\d,.]*(%|bn|m|km|k)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|£\d.*|\$\d.*)$/i;
/** Questions about a sum, an area or a duration, and how a sentence gives one. */
const MEASURES: ReadonlyArray<{ asked: RegExp; answer: RegExp }> = [
  {
    asked: /\b(?:how much|what)\b.*\b(?:money|aid|cost|costs|worth|spend|spent|pay|paid|budget|funding|price|value)\b|\bhow much\b.*\b(?:contracts?|package|deal)\b/i,
    answer: /[£$€]\s?\d|\d[\d,.]*\s?(?:bn|m|k)\b|\b\d[\d,.]*\s+(?:billion|million|thousand|pounds|dollars|euros)\b/i,
  },
  {
    asked: /\bhow (?:much|large|big)\b.*\b(?:territory|ground|land|area|region|space)\b/i,
    answer: /\d[\d,.]*\s*(?:square|sq|km|kilometres|kilometers|miles|hectares|acres|%|per cent|percent)|\b(?:one|a)[- ](?:fifth|quarter|third|half)\b/i,
  },
  { asked: /\bhow long\b/i, answer: /\b\d[\d,.]*[- ]?(?:day|days|week|weeks|month|months|year|years|hour|hours)\b|\b(?:years|months|weeks|decades)\b/i },
];
const MODEL_NUMBER = /(\p{Lu}[\p{L}-]*)\s+(?:\d[\d,.]*[a-z]*|One|Two|Three)\b/gu;
/** A year ("1941") dates something; it does not count it. */
const YEAR = /\b(?:1[89]|20)\d{2}\b/g;
/** A sentence that reports words: a quotation mark or a verb of saying. */
const SPOKEN = /[“”"‘]|\b(?:said|says|told|tells|added|warned|stated|wrote|posted|claimed|argued|insisted|described|called|branded|accused|dismissed)\b/i;
const AUXILIARY = /^(did|do|does|is|are|was|were|has|have|had|will|would|could|can|should|r|in|of|on|at|does|to)$/i;

/** The content terms of the things a "how many X" question counts ("troops" in "how many North Korean troops…"). */
export function countedThing(question: string): string[] {
  const match = /\bhow (?:many|much)\s+(.*)$/i.exec(question);
  if (!match?.[1]) return [];
  const thing: string[] = [];
  for (const word of words(match[1])) {
    if (AUXILIARY.test(word)) break;
    const term = contentTerm(word);
    if (term !== null) thing.push(term);
  }
  return thing;
}

/**
 * Whether a sentence holds the kind of answer asked for. "How many X" needs a number within a
 * few words of X; "how much" (no thing named) any amount; "when" a date or day; "who" a name;
 * "what did X call Y" a quoted label.
 */
export function holdsAnswer(question: string, type: AnswerType, rawSentence: string): boolean {
  if (announcesOnly(question, rawSentence)) return false;
  if (type === "quote") return SPOKEN.test(rawSentence);
  if (type !== "quantity") return hasAnswerType(rawSentence, type);
  // "Altius 600m", "Air Force One": a number that is part of a name counts nothing.
  const sentence = rawSentence.replace(MODEL_NUMBER, "$1");
  // A sum, an area or a length of time is answered in its own units, not by any number.
  const measure = MEASURES.find((candidate) => candidate.asked.test(question));
  if (measure) return measure.answer.test(sentence);
  const thing = countedThing(question);
  if (!hasAnswerType(sentence.replace(YEAR, ""), "quantity")) return false;
  if (thing.length === 0) return true;
  const tokens = words(sentence);
  const terms = tokens.map((word) => contentTerm(word));
  // The sentence may name the counted thing in other words ("30 nations" for "how many
  // countries"); then the number must at least stand by another word of the question.
  const named = thing.some((term) => terms.includes(term));
  const near = named ? new Set(thing) : new Set(contentTerms(question));
  return tokens.some((token, index) => {
    if (!NUMBER.test(token)) return false;
    for (let j = Math.max(0, index - NUMBER_REACH); j <= Math.min(tokens.length - 1, index + NUMBER_REACH); j++) {
      const term = terms[j];
      if (j !== index && term && near.has(term)) return true;
    }
    return false;
  });
}

// "What was agreed when they spoke?" asks about something that happened…
const PAST_EVENT = /\b(?:was|were)\s+\w+ed\b|\b(?:spoke|met|agreed|happened|decided|signed|won|lost|ended|began|took place)\b/i;
// …which a passage announcing it ("is due to hold talks on Tuesday") does not answer.
const ANNOUNCEMENT = /['’]ll\b|\b(?:will|is due to|are due to|is expected to|are expected to|expects to|plans to|is set to|tomorrow|next week)\b/i;

/** Whether a sentence only announces an event the question asks about as past. */
export function announcesOnly(question: string, sentence: string): boolean {
  return PAST_EVENT.test(question) && ANNOUNCEMENT.test(sentence);
}

/**
 * Words that say when or how exactly, not what about: they are no part of a question's topic.
 */
const NOT_TOPIC = new Set(
  (
    "last night tonight today tomorrow yesterday week weekend month year ago recently recent now currently current latest " +
    "exactly roughly approximately total still already ever also"
  ).split(" "),
);
/** What the answer-type check stands for: "the date" in a "when" question, "the figure" in a "how many" one. */
const TYPE_WORDS: Partial<Record<NonNullable<AnswerType>, ReadonlySet<string>>> = {
  time: new Set(["date", "day", "time", "year", "month"]),
  quantity: new Set(["figure", "figures", "number", "numbers", "amount", "total", "size"]),
};

/** The concepts a question asks about beyond its names: "backstop" in "What is the US backstop that Starmer wants?". */
export function topicConcepts(concepts: readonly Concept[], type: AnswerType): Concept[] {
  const asked = type === null ? undefined : TYPE_WORDS[type];
  return concepts.filter((concept) => !concept.name && !NOT_TOPIC.has(concept.text.toLowerCase()) && !asked?.has(concept.text.toLowerCase()));
}

/**
 * Whether a sentence names the person a question asks about first: "What did Trump call
 * Zelensky" is answered by a sentence about Trump, not by one where Medvedev calls someone names.
 */
export function namesFirstPerson(concepts: readonly Concept[], sentence: string): boolean {
  const person = concepts.find((concept) => concept.name && !concept.place && concept.known);
  if (person === undefined) return true;
  const terms = new Set(contentTerms(sentence));
  return person.alternatives.some((alternative) => alternative.every((term) => terms.has(term)));
}

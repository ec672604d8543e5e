/** The word lists a question is read with, each written once. */
import { QUESTION_OPENERS } from "../text/questionOpeners.js";

/** Words that open a question or a request, capitalised only because they come first. */
export const OPENERS = new Set([
  ...QUESTION_OPENERS,
  ..."shall may might show give list summarise summarize explain find at or if hi hello hey thanks compare contrast describe".split(" "),
]);

/** The noun a "how …" question's adjective asks for ("how large": the size); "many" and "much" ask for a number. */
export const MEASURE_NOUNS: Readonly<Record<string, string>> = {
  many: "", much: "", large: "size", big: "size", long: "length", far: "distance", old: "age", high: "height",
  heavy: "weight", often: "", tall: "height", wide: "width", deep: "depth",
};
export const MEASURE_WORDS = new Set(Object.keys(MEASURE_NOUNS));

/** Words that point back to what the part before asked about. */
export const ANAPHOR = /\b(ones?|those|these|them|it|they|that)\b/i;
// Who the part before asked about is the subject here ("did he say"); "him" or "her" may be someone else.
export const PRONOUNS = /\b(he|she|they|his|their)\b/gi;

/** Words of a comparison question that ask how to answer rather than about what. */
export const COMPARISON_WORDS = new Set(
  (
    "article articles outlet outlets report reports reporting source sources paper papers media coverage version versions " +
    "differ differs different differently difference differences compare compared comparison contrast give gave say said " +
    "figure figures number numbers account accounts each various two both quoting quote quotes word words wording put"
  ).split(" "),
);

/** Nouns for a kind of place, which a description of one ends with: "that Black Sea port", "the Baltic city". */
export const PLACE_NOUNS: ReadonlySet<string> = new Set("port city town village region province capital coast harbour harbor island".split(" "));

/** "at 4 pm": "am" or "pm" after a number is a time of day, not the prime minister, and the number no "for". */
export const isTimeOfDay = (word: string, previous: string | undefined): boolean => /^(?:am|pm)$/i.test(word) && /^\d/.test(previous ?? "");

/** Words that only ask for a figure ("what's the figure for Ukraine?", "what share"): the number answers them. */
export const FIGURE_WORDS: ReadonlySet<string> = new Set(
  "figure figures number numbers amount total size share percentage proportion bit portion chunk worth".split(" "),
);

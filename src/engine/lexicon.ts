import { createRequire } from "node:module";
import type { IndexContents } from "../index/contents.js";
import { QuestionAnalyser } from "../question/analyse.js";
import { NEWS_OUTLETS, outletWords } from "../question/outlets.js";
import { places } from "../question/places.js";
import { RoleResolver } from "../question/roles.js";
import { isEnglishWord } from "../text/englishWords.js";
import { properNounsIn } from "../text/names.js";
import { contentTerm, isStopword } from "../text/terms.js";

/**
 * The other name of each person named in full, by surname and by first name: "Sir Keir" is
 * Starmer, "Starmer" is Keir. A first or last name two people share is left out.
 */
export function personAliases(fullNames: readonly string[]): (word: string) => string[] {
  const people = [...new Set(fullNames)].map((name) => name.toLowerCase().split(/\s+/)).filter((parts) => parts.length >= 2);
  const count = (position: (parts: string[]) => string) => {
    const counts = new Map<string, Set<string>>();
    for (const parts of people) counts.set(position(parts), (counts.get(position(parts)) ?? new Set()).add(parts.join(" ")));
    return counts;
  };
  const firsts = count((parts) => parts[0] as string);
  const lasts = count((parts) => parts.at(-1) as string);
  const aliases = new Map<string, string>();
  for (const parts of people) {
    const first = parts[0] as string;
    const last = parts.at(-1) as string;
    if (first === last || firsts.get(first)?.size !== 1 || lasts.get(last)?.size !== 1) continue;
    aliases.set(first, last);
    aliases.set(last, first);
  }
  return (word) => {
    const alias = aliases.get(word.toLowerCase());
    return alias === undefined ? [] : [alias];
  };
}

let irregularForms: Map<string, string[]> | undefined;

/**
 * Every form of an English irregular verb by each of its forms ("shot" → shoot, shot;
 * "held" → hold, held), from `english-verbs-irregular`, loaded on first use.
 */
function irregularFormsOf(word: string): string[] {
  if (irregularForms === undefined) {
    irregularForms = new Map();
    const verbs = createRequire(import.meta.url)("english-verbs-irregular/resources/irregularVerbs.json") as Record<string, string[][]>;
    for (const [base, conjugations] of Object.entries(verbs)) {
      const forms = [...new Set([base, ...conjugations.flat()])];
      for (const form of forms) irregularForms.set(form, [...new Set([...(irregularForms.get(form) ?? []), ...forms])]);
    }
  }
  return irregularForms.get(word) ?? [];
}

/** The noun a verb in "-de" makes in "-sion": "invasion" of "invade", "decision" of "decide". */
function nounsOf(term: string): string[] {
  return /[aeiou]de$/.test(term) ? [contentTerm(`${term.slice(0, -2)}sion`) ?? `${term.slice(0, -2)}sion`] : [];
}

/** Shortest stem that other forms of a word share: "call" of "calling", "deploy" of "deployment". */
const ROOT_SUFFIX = /(?:ing|ed|es|e|s|ion|ions|ment)$/;
/** How many letters a related form may add to the root. */
const MAX_SUFFIX = 5;

/**
 * The question analyser for an index: its vocabulary for spelling, its names, the roles its
 * articles give people, and the countries dataset.
 */
export function buildAnalyser(index: IndexContents, personNames: ReadonlySet<string> = personNameWords(index)): QuestionAnalyser {
  const { keywords } = index;
  const frequencies = new Map<string, number>();
  for (const word of keywords.vocabulary) frequencies.set(word, keywords.passagesWith(contentTerm(word) ?? word));
  const names = properNounsIn(index.passages.map((passage) => passage.text));
  const terms = keywords.terms().sort();
  const related = (term: string): string[] =>
    [...new Set([...irregularFormsOf(term), ...nounsOf(term)].filter((form) => form !== term && keywords.passagesWith(form) > 0).concat(sharingRoot(term)))];
  const sharingRoot = (term: string): string[] => {
    const root = term.length > 5 ? term.replace(ROOT_SUFFIX, "") : term;
    // "station" is no form of "state": a noun suffix ("-ion", "-ment") leaves a root of five letters or more.
    if (root.length < 4 || (root.length < 5 && /(?:ion|ions|ment)$/.test(term))) return [];
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((terms[middle] as string) < root) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < terms.length && (terms[i] as string).startsWith(root); i++) {
      const candidate = terms[i] as string;
      if (candidate !== term && candidate.length - root.length <= MAX_SUFFIX) found.push(candidate);
    }
    // "supplying" and "supplied", "denies" and "deny": a final "y" is written "i" before "-ed", "-es" and "-er".
    const stem = root.slice(0, -1);
    const yForms = root.endsWith("y") ? ["ied", "ies", "ier", "iers"].map((ending) => stem + ending) : root.endsWith("i") ? [`${stem}y`] : [];
    found.push(...yForms.filter((form) => form !== term && keywords.passagesWith(form) > 0));
    return found;
  };
  const quoted = index.quotes.speakers.filter((speaker) => speaker.kind === "person");
  const outlets = outletWords([...NEWS_OUTLETS, ...index.manifest.articles.flatMap((article) => (article.outlet ? [article.outlet] : []))]);
  return new QuestionAnalyser({
    otherNames: personAliases([...quoted.map((speaker) => speaker.name), ...index.quotes.people.map((person) => person.name)]),
    frequencies,
    mentions: (word) => keywords.mentions(word),
    isTerm: (term) => keywords.passagesWith(term) > 0,
    spellings: (word) => keywords.spellingsOf(word).flatMap((spelling) => contentTerm(spelling) ?? []),
    isName: (word) => names.has(word),
    isEnglishWord,
    isPersonName: (word) => personNames.has(word),
    relatedTerms: related,
    places: places(),
    roles: new RoleResolver(index.quotes.people, places()),
    isOutletWord: (word) => outlets.has(word),
  });
}

/** Words before which a capitalised word names a place: "the Odesa region", "Kharkiv and Sumy regions". */
const PLACE_KINDS_AFTER = new Set(["region", "regions", "oblast", "province", "city", "port"]);
/** Words after which one names a place: "in the suburbs of Odesa", "near Kursk", "industrial town Zheleznogorsk". */
const PLACE_BEFORE = /\b(?:in|near|outside|suburbs of|outskirts of|town|city|village|port|resort)\s+(\p{Lu}\p{Ll}+)/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/**
 * The lower-case words the articles write as places' names, beyond the countries dataset: "odesa" in "the Odesa
 * region" and "the suburbs of Odesa". No one's name is one. (One pass over each passage's words: a list of names is
 * read back from the "regions" after it.)
 */
export function placeNameWords(index: Pick<IndexContents, "passages">, personWords: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const { text } of index.passages) {
    const tokens = text.match(/\p{L}+|,/gu) ?? [];
    tokens.forEach((token, at) => {
      if (!PLACE_KINDS_AFTER.has(token)) return;
      // "Odesa, Kharkiv and Sumy regions": back over the names and the commas or "and" between them.
      for (let back = at - 1; back >= 0 && CAPITALISED.test(tokens[back] as string); back--) {
        found.add((tokens[back] as string).toLowerCase());
        if (back > 0 && (tokens[back - 1] === "," || tokens[back - 1] === "and")) back--;
        else break;
      }
    });
    // ("in The Hague": "The" opens a name, it is none.)
    for (const match of text.matchAll(PLACE_BEFORE)) if (!isStopword((match[1] as string).toLowerCase())) found.add((match[1] as string).toLowerCase());
  }
  for (const word of personWords) found.delete(word);
  return found;
}

/** The lower-case words of the names of everyone the articles quote or name with a role ("keir", "starmer"). */
export function personNameWords(index: Pick<IndexContents, "quotes">): Set<string> {
  const quoted = index.quotes.speakers.filter((speaker) => speaker.kind === "person");
  return new Set([...quoted.flatMap((speaker) => speaker.variants), ...index.quotes.people.map((person) => person.name)].flatMap((name) => name.toLowerCase().split(/\s+/)));
}

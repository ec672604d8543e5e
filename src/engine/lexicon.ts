import { createRequire } from "node:module";
import type { LoadedIndex } from "../index/indexStore.js";
import { QuestionAnalyser } from "../question/analyse.js";
import { places } from "../question/places.js";
import { RoleResolver } from "../question/roles.js";
import { contentTerm } from "../retrieve/terms.js";
import type { Passage } from "../types.js";

let englishWords: Set<string> | undefined;

/** The `an-array-of-english-words` list, loaded the first time a word is not in the articles. */
function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(createRequire(import.meta.url)("an-array-of-english-words") as string[]);
  return englishWords.has(word);
}

/**
 * Words the articles write with a capital inside a sentence and never in lower case: names
 * ("Peskov", "Kursk", "Anduril"), so a question typed all in lower case still names them.
 */
export function properNounsIn(passages: readonly Passage[]): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const passage of passages) {
    for (const match of passage.text.matchAll(/([.!?:;\n"“‘]\s*|^)?([\p{L}][\p{L}'’-]*)/gu)) {
      const word = match[2] as string;
      if (match[1] !== undefined) continue; // sentence-initial: capitalised either way
      const key = word.toLowerCase().replace(/['’]s$/u, "");
      if (/^\p{Lu}/u.test(word)) capitalised.add(key);
      else lower.add(key);
    }
  }
  return new Set([...capitalised].filter((word) => !lower.has(word)));
}

/** Shortest stem that other forms of a word share: "call" of "calling", "deploy" of "deployment". */
const ROOT_SUFFIX = /(?:ing|ed|es|e|s|ion|ions|ment)$/;
/** How many letters a related form may add to the root. */
const MAX_SUFFIX = 5;

/**
 * The question analyser for an index: its vocabulary for spelling, its names, the roles its
 * articles give people, and the countries dataset.
 */
export function buildAnalyser(index: LoadedIndex): QuestionAnalyser {
  const { keywords } = index;
  const frequencies = new Map<string, number>();
  for (const word of keywords.vocabulary) frequencies.set(word, keywords.passagesWith(contentTerm(word) ?? word));
  const names = properNounsIn(index.passages);
  const terms = keywords.terms().sort();
  const related = (term: string): string[] => {
    const root = term.length > 5 ? term.replace(ROOT_SUFFIX, "") : term;
    if (root.length < 4) return [];
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
    return found;
  };
  const quoted = index.quotes.speakers.filter((speaker) => speaker.kind === "person");
  const personNames = new Set([...quoted.flatMap((speaker) => speaker.variants), ...index.quotes.people.map((person) => person.name)].flatMap((name) => name.toLowerCase().split(/\s+/)));
  return new QuestionAnalyser({
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
  });
}

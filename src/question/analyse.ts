import { answerTypeOf, asNameOf, isCalendarName, measureAsked, type AnswerType } from "../retrieve/answerType.js";
import { isCapitalised } from "../text/names.js";
import { contentTerm, isStopword, words } from "../text/terms.js";
import { isWordToken, tokenise } from "../text/tokens.js";
import type { Concept } from "../types.js";
import { isChatWord, rewriteChat } from "./chat.js";
import { comparedAsParts, completeCount, completeThing, isComparison, sideParts, speakerParts, splitParts } from "./parts.js";
import type { Places } from "./places.js";
import { ANAPHOR, COMPARISON_WORDS, FIGURE_WORDS, MEASURE_NOUNS, MEASURE_WORDS, OPENERS, PLACE_NOUNS, PRONOUNS } from "./questionWords.js";
import type { RoleResolver } from "./roles.js";
import { SpellingCorrector } from "./spelling.js";
import { commonWordIdiomOf, phraseSynonymsOf, synonymsOf } from "./synonyms.js";

/** What the analysis needs to know about the articles. */
export interface QuestionLexicon {
  /** Lower-case words of the articles with how many passages use them. */
  frequencies: ReadonlyMap<string, number>;
  /** Whether the articles use a stemmed content term. */
  isTerm: (term: string) => boolean;
  /** Whether the articles use a word, or a close spelling of it (Zelenskyy for Zelensky). */
  mentions: (word: string) => boolean;
  /** Whether the articles write a word with a capital inside sentences: a name. */
  isName: (word: string) => boolean;
  /** Whether a word is part of the name of a person the articles quote ("trump", "keir"). */
  isPersonName: (word: string) => boolean;
  /** Whether a word is English although the articles never use it. */
  isEnglishWord: (word: string) => boolean;
  /** Other spellings of a name that the articles use ("zelenskyy" for "zelensky"). */
  spellings: (word: string) => string[];
  /** A person's other name ("keir" for "starmer", "starmer" for "keir"). */
  otherNames: (word: string) => string[];
  /** Other forms of a stemmed term that the articles use ("calling" for "call"). */
  relatedTerms: (term: string) => string[];
  places: Places;
  roles: RoleResolver;
  /** Whether a lower-case word is part of a news outlet's name ("independent", "lbc"): where words were published. */
  isOutletWord?: (word: string) => boolean;
}

/** One question of a (possibly two-part) question, analysed once for every later step. */
export interface QuestionPart {
  /** The part as read: corrected, abbreviations spelled out. */
  text: string;
  /**
   * What retrieval searches for: the text plus the names its roles and places stand for, the
   * forms the articles use and the words a measure is given in.
   */
  searchText: string;
  concepts: Concept[];
  type: AnswerType;
  /** Names in the question that the articles never mention, as typed. */
  unknownNames: string[];
  /** People the question names by a role ("the Kremlin spokesman" → Dmitry Peskov). */
  people: string[];
}

export interface AnalysedQuestion {
  /** The question as typed (trimmed). */
  original: string;
  /** The question as read: chat abbreviations spelled out, typos corrected. */
  corrected: string;
  parts: QuestionPart[];
  /** "How do the reports differ on…": answered article by article. */
  comparison: boolean;
  /** Most of its words are in no English word list and not in the articles: asked in another language. */
  foreign: boolean;
}


/**
 * Above this share of words that are neither English nor the articles', a question is taken to
 * be in another language: typos and names alone rarely reach half of a question.
 */
const FOREIGN_SHARE = 0.5;

/**
 * The person or place a part asks about: the first role holder, or else the name it uses first
 * ("Did Putin respond to Medvedev's 'war with NATO' post?" is about Putin).
 */
function subjectOf(part: QuestionPart): string | undefined {
  if (part.people[0] !== undefined) return part.people[0];
  const lower = part.text.toLowerCase();
  const position = (text: string) => {
    const at = lower.indexOf(text.toLowerCase());
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const names = part.concepts.filter((concept) => concept.kind !== "word" && concept.known);
  return names.sort((a, b) => position(a.text) - position(b.text))[0]?.text;
}

/** A part with its pronouns replaced by the subject of the part before ("his" becomes "Grushko's"). */
function withSubject(text: string, subject: string): string {
  // "…, and which ones have confirmed they'll send them?": "they" are the ones asked about.
  const ownPlural = PLURAL_ASKED.test(text);
  return text.replace(PRONOUNS, (pronoun) => (ownPlural && /^(they|their)$/i.test(pronoun) ? pronoun : /^(his|their)$/i.test(pronoun) ? `${subject}'s` : subject));
}

/** A part that asks about several of its own: "which ones…", "which of them…", "what countries…". */
const PLURAL_ASKED = /^\s*(?:and\s+)?(?:which|what|how many)\s+(?:ones|of them|(?:\p{L}+\s+)?\p{L}{3,}s)\b/iu;

/** Prefixes of a compound that leave it about its place: "pro-Kremlin", "anti-Western", "ex-Soviet". */
const COMPOUND_PREFIXES = new Set([
  ..."pro anti ex non post pre neo pan".split(" "),
  // combining forms of nations: "Anglo-French" says whose, as "British-French" would
  ..."anglo franco russo sino italo indo euro afro austro greco".split(" "),
]);

/** The most words of a place inside a role's phrase ("no 10", "the white house"). */
const ROLE_PLACE_WORDS = 3;

const termsOf = (phrase: string) => words(phrase).flatMap((word) => contentTerm(word) ?? []);

/** A part being read: its words, which are taken, and what has been found so far. */
interface Reading {
  tokens: string[];
  lower: string[];
  /** Words already read as part of a role, place or joined word. */
  used: boolean[];
  /** Where a remark after the question begins ("…ask for? starmer plan is way less"); past the end when none. */
  asideFrom: number;
  concepts: Concept[];
  people: string[];
  /** Names a role or place stands for, searched for besides the question's words. */
  extraSearch: string[];
  unknownNames: string[];
}

/**
 * Whether the word at `index` is in a description of a place the question does not name: a run
 * of capitalised words after "that" or "the", then a noun for a kind of place ("that Black Sea port").
 */
function describesUnnamedPlace(tokens: readonly string[], index: number, isName: (token: string) => boolean): boolean {
  // (A name typed in lower case counts: "that black sea port".)
  const named = (token: string) => isCapitalised(token) || isName(token.toLowerCase());
  let start = index;
  while (start > 0 && named(tokens[start - 1] as string)) start--;
  let end = index;
  while (end < tokens.length && named(tokens[end] as string)) end++;
  const noun = (tokens[end] ?? "").toLowerCase();
  // "the Astrakhan region" names the region; "that Black Sea region" describes one.
  const determiner = /^(?:region|province)$/.test(noun) ? /^(?:that|this)$/i : /^(?:that|the|this)$/i;
  return determiner.test(tokens[start - 1] ?? "") && PLACE_NOUNS.has(noun);
}

/**
 * The word position where a remark after the question begins: a sentence after a "?" that is no
 * question itself ("how many troops did zelensky ask for? starmer plan is way less rite"), or
 * past the last word when there is none.
 */
function asideStart(text: string): number {
  const sentences = text.split(/(?<=\?)\s+/u);
  let position = 0;
  for (const [index, sentence] of sentences.entries()) {
    const sentenceWords = tokenise(sentence).filter(isWordToken);
    const asks = /\?\s*$/u.test(sentence) || OPENERS.has((sentenceWords[0] ?? "").toLowerCase());
    if (index > 0 && !asks) return position;
    position += sentenceWords.length;
  }
  return position;
}

/** Kinds of place a describing word may stand before: "Gulf kingdom", "Baltic states", "Nordic countries". */
/** Words for the countries a "which European countries" question asks for. */
const COUNTRY_KINDS = /^(?:states?|nations?|country|countries|governments?|capitals?|members?|allies|ally|kingdoms?|monarch(?:y|ies))$/i;
const PLACE_KINDS = /^(?:kingdoms?|states?|nations?|country|countries|cities|city|ports?|regions?|islands?|capitals?|monarchy|monarchies|republics?|emirates?)$/i;

/** How an adjective of a place is made from its name: "European" from "Europe", "Asian" from "Asia", "Korean" from "Korea". */
const ADJECTIVE_ENDINGS: ReadonlyArray<readonly [string, string]> = [["ean", "e"], ["ean", "ea"], ["an", ""], ["ian", "ia"], ["ern", ""]];

export class QuestionAnalyser {
  private readonly speller: SpellingCorrector;

  constructor(private readonly lexicon: QuestionLexicon) {
    this.speller = new SpellingCorrector({
      frequencies: lexicon.frequencies,
      isKnownWord: (word) => isStopword(word) || lexicon.places.has(word) || lexicon.isEnglishWord(word),
    });
  }

  analyse(question: string): AnalysedQuestion {
    const original = question.trim();
    const corrected = this.correct(rewriteChat(original).text);
    // "Compare what Lavrov and Peskov each said" asks what each said: two who-said-what parts.
    const bySpeaker = speakerParts(corrected);
    const split = bySpeaker ?? splitParts(comparedAsParts(corrected));
    // "…, and how does that compare with Starmer's plan?" asks two things; only a question asked as one compares.
    const compares = bySpeaker === null && split.length === 1 && isComparison(corrected);
    const foreign = this.isForeign(corrected);
    // "How do Russian and Ukrainian casualty figures compare?" asks for each side's, not for each article's.
    const sides = compares ? sideParts(corrected, (word) => this.isSideWord(word)) : null;
    if (sides !== null) return { original, corrected, parts: sides.map((side) => this.comparisonPart(side)), comparison: false, foreign };
    if (compares) return { original, corrected, parts: [this.comparisonPart(corrected)], comparison: true, foreign };
    // "…, and how does that compare with Starmer's plan?": "compare" says how to answer, not what about.
    const readPart = (text: string) => (split.length > 1 && isComparison(text) ? this.comparisonPart(text) : this.analysePart(text));
    const parts: QuestionPart[] = [];
    for (const typed of split) {
      const previous = parts[parts.length - 1];
      // "…, and how many Ukrainian troops?": counted as the part before counts.
      const text = previous === undefined ? typed : completeThing(completeCount(typed, previous.text), previous.text);
      const part = readPart(text);
      // "…, and what did he say about it?": "he" is whom the part before asked about.
      const subject = previous === undefined ? undefined : subjectOf(previous);
      const carried = subject !== undefined ? withSubject(text, subject) : text;
      const analysed = carried === text ? part : readPart(carried);
      // "…, and which ones are opposed?": the part before says ones of what; search with its words too.
      const elliptical = previous !== undefined && (ANAPHOR.test(text) || analysed.concepts.length <= 2) && !analysed.concepts.some((concept) => concept.kind !== "word");
      // "…, and how does that compare with what Zelenskyy asked for?": "that" is the figure the part before asked for.
      const comparesWithBefore = previous !== undefined && ANAPHOR.test(text) && isComparison(text);
      // "…killed or injured, and what's the figure for Ukraine?": a count that names nothing counted counts what the part before did.
      const sameCount =
        previous?.type === "quantity" && (analysed.type ?? "quantity") === "quantity" && analysed.concepts.every((concept) => concept.kind !== "word" || FIGURE_WORDS.has(concept.text.toLowerCase()));
      const type = analysed.type ?? (comparesWithBefore || sameCount ? previous.type : null);
      // …and "Ukraine's losses" are compared with what the part before counted ("troops killed or injured"): its words are this part's too.
      const before = comparesWithBefore || sameCount ? previous.concepts.filter((concept) => concept.kind === "word" && !analysed.concepts.some((own) => own.text.toLowerCase() === concept.text.toLowerCase())) : [];
      const withBefore = before.length === 0 ? analysed : { ...analysed, concepts: [...analysed.concepts, ...before] };
      parts.push(previous !== undefined && (elliptical || before.length > 0) ? { ...withBefore, type, searchText: `${analysed.searchText} ${previous.searchText}` } : { ...analysed, type });
    }
    return { original, corrected, parts, comparison: false, foreign };
  }

  /** Whether the articles use a word of four letters or more as it is written ("europe"), not a close spelling of it. */
  private isNameWord(word: string): boolean {
    return word.length >= 4 && this.lexicon.isTerm(contentTerm(word) ?? word);
  }

  /** Whether most words are neither English nor the articles' own (names and places included). */
  private isForeign(text: string): boolean {
    const tokens = tokenise(text).filter(isWordToken).filter((token) => !/\d/.test(token));
    const strange = tokens.filter((token) => {
      const word = token.toLowerCase().replace(/['’]s$/u, "");
      return !(this.lexicon.isEnglishWord(word) || isStopword(word) || isChatWord(word) || this.lexicon.frequencies.has(word) || this.lexicon.places.has(word));
    });
    return tokens.length > 0 && strange.length / tokens.length > FOREIGN_SHARE;
  }

  /** Whether a word names a side of a comparison: a person the articles name, a place or a nationality. */
  private isSideWord(word: string): boolean {
    return !isStopword(word) && (this.lexicon.isPersonName(word) || this.lexicon.places.has(word) || (this.lexicon.isName(word) && !this.lexicon.isEnglishWord(word)));
  }

  /** A comparison asks about its topic; "the reports", "differ", "outlets" only say how to answer. */
  private comparisonPart(text: string): QuestionPart {
    const part = this.analysePart(text);
    const concepts = part.concepts.filter((concept) => !COMPARISON_WORDS.has(concept.text.toLowerCase()));
    const type = /\b(figures?|numbers?|how many|how much|estimates?)\b/i.test(text) ? "quantity" : part.type;
    return { ...part, concepts, type };
  }

  /**
   * Whether a word is in no dictionary, no chat-speak table, no place list and not in the
   * articles, even after spelling correction: a name they never mention, typed in lower case
   * ("olaf scholz").
   */
  isUnknownWord(word: string): boolean {
    const lower = word.toLowerCase();
    return (
      /^\p{L}+$/u.test(lower) &&
      !isStopword(lower) &&
      !this.lexicon.mentions(lower) &&
      !this.lexicon.frequencies.has(lower) &&
      !this.lexicon.isEnglishWord(lower) &&
      !isChatWord(lower) &&
      !this.lexicon.places.has(lower)
    );
  }

  /** The people the articles give the role a phrase names ("the Kremlin spokesman"); empty when it names no role. */
  peopleNamed(phrase: string): string[] {
    return [...new Set(this.lexicon.roles.find(words(phrase)).flatMap((mention) => mention.people))];
  }

  /** Role phrases that say whose office it is but that the articles give no one ("Denmark's prime minister"). */
  unheldRoles(phrase: string): string[] {
    const lower = phrase.toLowerCase();
    // As the question writes it: "Denmark's prime minister", not "denmark prime minister".
    return this.lexicon.roles.unheld(words(phrase).map((word) => word.toLowerCase())).map((role) => {
      const parts = role.split(" ");
      const start = lower.indexOf(parts[0] as string);
      const end = lower.indexOf(parts[parts.length - 1] as string, start) + (parts[parts.length - 1] as string).length;
      return start >= 0 && end > start ? phrase.slice(start, end) : role;
    });
  }

  /** Spelling corrected word by word; a word the articles use is never rewritten. */
  private correct(text: string): string {
    return tokenise(text)
      .map((token) => {
        if (!isWordToken(token) || this.lexicon.frequencies.has(token.toLowerCase())) return token;
        const possessive = /['’]s$/u.exec(token)?.[0] ?? "";
        const bare = token.slice(0, token.length - possessive.length);
        // A capitalised word is corrected only to a name: "Merkel" must not become "market".
        const fixed = this.speller.correct(bare);
        if (fixed === null || (isCapitalised(bare) && !this.lexicon.isName(fixed))) return token;
        return (isCapitalised(bare) ? fixed[0]!.toUpperCase() + fixed.slice(1) : fixed) + possessive;
      })
      .join("");
  }

  private analysePart(text: string): QuestionPart {
    // "What is the drone company called?" is read as asking its name: "called" is no word the answer need hold.
    const asked = asNameOf(text);
    const tokens = tokenise(asked).filter(isWordToken);
    const reading: Reading = {
      tokens,
      asideFrom: asideStart(text),
      lower: tokens.map((token) => token.toLowerCase()),
      used: new Array<boolean>(tokens.length).fill(false),
      concepts: [],
      people: [],
      extraSearch: [],
      unknownNames: [],
    };
    // Roles first ("Russia's deputy foreign minister" is one person, not four words), then places.
    this.readRoles(reading);
    this.readPlaces(reading);
    // "How large", "how long": the adjective asks for a measure; it is not a word to look for.
    reading.lower.forEach((word, index) => {
      if (index > 0 && reading.lower[index - 1] === "how" && MEASURE_WORDS.has(word)) reading.used[index] = true;
    });
    this.readJoinedWords(reading);
    this.readWords(reading);
    const { concepts, unknownNames, people } = reading;
    return { text, searchText: this.searchTextOf(asked, reading), concepts, type: answerTypeOf(text), unknownNames, people: [...new Set(people)] };
  }

  /** Role phrases, each one concept whose wordings are the people holding it, then the role's own words. */
  private readRoles(reading: Reading): void {
    const { tokens, lower, used } = reading;
    for (const mention of this.lexicon.roles.find(lower)) {
      if (used.slice(mention.from, mention.to).some(Boolean)) continue;
      used.fill(true, mention.from, mention.to);
      const phrase = tokens.slice(mention.from, mention.to).join(" ");
      // "the White House's special envoy": what the role is called, without whose it is.
      const roleTerms = termsOf(this.withoutPlaces(lower.slice(mention.from, mention.to)).join(" ")).filter((term) => !this.lexicon.places.has(term));
      // "Sir Keir" is Starmer too: a surname's other name, where only one person has it.
      const surnames = mention.people.flatMap((person) => {
        const surname = person.split(" ").at(-1) ?? person;
        return [termsOf(surname), ...this.lexicon.otherNames(surname.toLowerCase()).map((name) => [name])];
      });
      reading.concepts.push({ text: phrase, alternatives: [...surnames, roleTerms].filter((terms) => terms.length > 0), kind: "name", known: true });
      reading.people.push(...mention.people);
      reading.extraSearch.push(...mention.people);
    }
  }

  /** Words without the places of one to three words among them ("white house's special envoy" → "special envoy"). */
  private withoutPlaces(lower: readonly string[]): string[] {
    const kept: string[] = [];
    for (let i = 0; i < lower.length; i++) {
      const length = this.lexicon.places.nameLengthAt(lower, i, ROLE_PLACE_WORDS);
      if (length === 0) kept.push(lower[i] as string);
      else i += length - 1;
    }
    return kept;
  }

  /** Places, longest name first: "Downing Street", "No 10", "Moscow", "Polish". */
  private readPlaces(reading: Reading): void {
    const { tokens, lower, used } = reading;
    for (let i = 0; i < tokens.length; i++) {
      if (used[i]) continue;
      // "the" may open a name ("the Kremlin"), so the names after it count too, one word longer.
      const after = lower[i] === "the" ? this.lexicon.places.nameLengthsFrom(lower[i + 1] ?? "").map((length) => length + 1) : [];
      const lengths = [...new Set([...after, ...this.lexicon.places.nameLengthsFrom(lower[i] as string)])].sort((a, b) => b - a);
      for (const length of lengths.filter((candidate) => candidate <= tokens.length - i)) {
        if (used.slice(i, i + length).some(Boolean)) continue;
        const phrase = lower.slice(i, i + length).join(" ");
        const found = this.lexicon.places.lookup(phrase);
        if (found.length === 0) continue;
        // "us" the word is not "US" the country, nor "turkey" the bird Turkey; but "uk" or "russia" typed in
        // lower case is the place the articles name with a capital.
        const core = lower.slice(i, i + length).filter((word) => word !== "the");
        const typedLower = !tokens.slice(i, i + length).some((token) => isCapitalised(token));
        const word = core[0] as string;
        if (core.length === 1 && typedLower && (isStopword(word) || (this.lexicon.isEnglishWord(word) && !this.lexicon.isName(word)))) continue;
        const own = [...new Set(found.flatMap((place) => place.names))];
        const related = [...new Set(found.flatMap((place) => place.related))];
        // "No 10" is not any "10": a name left with only a number says nothing.
        const alternatives = [phrase, ...own, ...related].map(termsOf).filter((terms) => terms.some((term) => !/^\d/.test(term)));
        const present = alternatives.filter((terms) => terms.every((term) => this.lexicon.frequencies.has(term) || this.lexicon.mentions(term)));
        const unique = [...new Map(alternatives.map((terms) => [terms.join(" "), terms])).values()];
        if (unique.length === 0) break;
        used.fill(true, i, i + length);
        const placeText = tokens.slice(i, i + length).join(" ");
        reading.concepts.push({ text: placeText, alternatives: unique, kind: "place", known: present.length > 0 });
        if (present.length === 0) reading.unknownNames.push(placeText.replace(/['’]s$/u, ""));
        // A capital or a seat of government stands for its country: search for that too ("London" → "Britain").
        const metonym = found.some((place) => place.label !== place.country);
        if (present.length > 0 && (metonym || !this.lexicon.mentions(phrase))) reading.extraSearch.push(...present.slice(0, 3).map((terms) => terms.join(" ")));
        break;
      }
    }
  }

  /** "truth social" where the articles write "TruthSocial": either spelling counts. */
  private readJoinedWords(reading: Reading): void {
    const { tokens, lower, used } = reading;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const joined = `${lower[i]}${lower[i + 1]}`;
      const first = contentTerm(lower[i] as string);
      const second = contentTerm(lower[i + 1] as string);
      if (used[i] || used[i + 1] || first === null || second === null || !this.lexicon.frequencies.has(joined)) continue;
      used[i] = used[i + 1] = true;
      const kind = this.lexicon.isName(joined) ? "name" : "word";
      reading.concepts.push({ text: `${tokens[i]} ${tokens[i + 1]}`, alternatives: [[first, second], [contentTerm(joined) ?? joined]], kind, known: true });
    }
  }

  /** Every other word: a name, a descriptor or an ordinary word, with the forms the articles use. */
  private readWords(reading: Reading): void {
    const { tokens, lower, used } = reading;
    tokens.forEach((token, index) => {
      if (used[index]) return;
      const word = lower[index] as string;
      const bare = token.replace(/['’]s$/u, "");
      // "US-backed", "pro-Russia", "ex-leader": the compound as written, or its parts.
      const pieces = bare.split("-");
      const all = words(bare);
      const terms = (pieces.length > 1 ? all.slice(1) : all).flatMap((piece) => contentTerm(piece) ?? []);
      const compound = pieces.length > 1 && all[0] !== undefined ? contentTerm(all[0]) : null;
      const term = compound ?? terms[0];
      if (term === undefined) {
        // "…if they gave themselves up": an idiom of common words says what the articles word plainly ("surrendered").
        const plain = isStopword(word) ? commonWordIdiomOf(tokens.join(" "), word).flatMap((other) => [other, ...this.lexicon.relatedTerms(other)]).filter((other) => this.lexicon.isTerm(other)) : [];
        if (plain.length > 0) reading.concepts.push({ text: token, alternatives: [...new Set(plain)].map((other) => [other]), kind: "word", known: true });
        return;
      }
      // A capital on the first word proves nothing, unless the articles or the next word say it is a name.
      const first = index === 0 && !this.lexicon.isName(word) && this.lexicon.isEnglishWord(word) && !isCapitalised(tokens[1] ?? "");
      const asName = pieces.some((piece) => isCapitalised(piece)) && !first && !OPENERS.has(word);
      const name = asName || this.lexicon.isName(word);
      const forms = pieces.length > 1 ? [terms] : (name ? [...this.lexicon.spellings(bare.toLowerCase()), ...this.lexicon.otherNames(bare.toLowerCase())] : this.lexicon.relatedTerms(term)).map((form) => [form]);
      // The other words for any of its forms: "held" is "hold", and "hold" is "control".
      const forTerms = [term, ...forms.filter((form) => form.length === 1).map((form) => form[0] as string)];
      const inPhrase = phraseSynonymsOf(tokens.join(" "), term);
      // …in whichever of their forms the articles use: "dismiss" for "brush off" is the articles' "dismissed".
      const synonyms = [...new Set([...forTerms.flatMap(synonymsOf), ...inPhrase].flatMap((synonym) => [synonym, ...this.lexicon.relatedTerms(synonym)]))]
        .filter((synonym) => synonym !== term && this.lexicon.isTerm(synonym))
        .map((synonym) => [synonym]);
      // "UAVs" written as a name but never used by the articles is the word they write "drones".
      const wordByCapital = name && synonyms.length > 0 && !this.lexicon.mentions(bare.toLowerCase());
      // "UK-led", "Kremlin-friendly": a name the articles use, joined to a plain word, is known by that name.
      const byName = pieces.length > 1 ? pieces.filter((piece) => isCapitalised(piece) && this.lexicon.mentions(piece.toLowerCase())) : [];
      const joinedToName = byName.length > 0 && pieces.every((piece) => byName.includes(piece) || (!isCapitalised(piece) && !COMPOUND_PREFIXES.has(piece) && this.lexicon.isEnglishWord(piece)));
      const alternatives = [[term], ...forms.filter((form) => form.length > 0 && form.join(" ") !== term), ...synonyms];
      const knownAsWritten = this.lexicon.mentions(bare.toLowerCase()) || alternatives.some((alternative) => alternative.every((piece) => this.lexicon.isTerm(piece)));
      if (!knownAsWritten && joinedToName) alternatives.push(byName.flatMap((piece) => contentTerm(piece.toLowerCase()) ?? []));
      // "Which European countries are reluctant…": a sentence naming Germany, Spain and Italy names European countries,
      // so each of the region's countries the articles name counts as the word, and is searched for ("European
      // peacekeepers" are not Britain's). "Which Scandinavian government…" is known by Denmark.
      // (A name of more words is used when each of its words is: "north korea" in "North Korean troops".)
      const inArticles = (placeName: string) => placeName.split(" ").every((piece) => this.lexicon.mentions(piece));
      const continent = COUNTRY_KINDS.test((tokens[index + 1] ?? "").replace(/['’]s$/u, "")) ? this.lexicon.places.countriesOfContinent(word).filter((place) => place.names.some(inArticles)) : [];
      alternatives.push(...continent.flatMap((place) => place.names.filter(inArticles).map(termsOf)));
      reading.extraSearch.push(...continent.map((place) => place.label));
      const known = knownAsWritten || joinedToName || continent.length > 0;
      // "Which Gulf kingdom…": a dictionary word before the kind of place it describes is no name the articles lack.
      const describesKind = this.lexicon.isEnglishWord(word) && PLACE_KINDS.test(tokens[index + 1] ?? "");
      // "According to the LBC report…", "How do RT and the Independent each quote Lavrov?": an outlet says where, not what about.
      const outlet = asName && !known && this.lexicon.isOutletWord?.(bare.toLowerCase()) === true;
      if (asName && !known && !wordByCapital && !describesKind && !outlet && !/^\d/.test(word)) reading.unknownNames.push(bare);
      // "Western" describes; "Trump", "Kursk" or "Anduril" names someone or something the answer must be about.
      // "on Saturday" says when, like "Western" says which: the answer need not be about it.
      // "US-British", "UK-France", "pro-Kremlin" say whose or which side, as "British" does.
      const named = pieces.filter((piece) => !COMPOUND_PREFIXES.has(piece.toLowerCase()));
      // "US-proposed", "Kremlin-backed": a place and a plain word say whose, too.
      const capitalised = named.filter((piece) => isCapitalised(piece));
      const places = pieces.length > 1 && capitalised.length > 0 && capitalised.every((piece) => this.lexicon.places.has(piece.toLowerCase()));
      // "the Astrakhan region": a capitalised word before "region" is the region's name, even one a dictionary has.
      const regionName = /^(?:region|province|oblast)$/i.test(tokens[index + 1] ?? "") && !/^(?:that|this)$/i.test(tokens[index - 1] ?? "");
      // "European" says where, as "Western" does: an adjective of a name the articles use ("Europe").
      const adjectiveOfName = !regionName && ADJECTIVE_ENDINGS.some(([ending, stem]) => word.endsWith(ending) && this.isNameWord(word.slice(0, -ending.length) + stem));
      const descriptive = (this.lexicon.isEnglishWord(word) && !this.lexicon.isPersonName(word) && !regionName) || isCalendarName(word) || places || adjectiveOfName;
      // "that Black Sea port" is a place the asker does not name: its words say what it is like, as "port" does, and
      // the article that answers need not say "Black Sea".
      const describing = descriptive && describesUnnamedPlace(tokens, index, (token) => this.lexicon.isName(token));
      // A name in a remark after the question sets the scene: "…did zelensky ask for? starmer plan is way less" asks about Zelensky.
      const aside = index >= reading.asideFrom;
      reading.concepts.push({ text: bare, alternatives, kind: !name || wordByCapital || describing ? "word" : descriptive || aside || outlet ? "descriptor" : "name", known });
    });
  }

  /** The text searched for: the part, the names its roles and places stand for, other forms, a measure's units. */
  private searchTextOf(text: string, reading: Reading): string {
    // "How large" asks for a size: searching for "large" finds "large numbers of mines", "size" finds the size.
    const asked = text.replace(/\bhow\s+(\p{L}+)/giu, (phrase, word: string) => {
      const noun = MEASURE_NOUNS[word.toLowerCase()];
      return noun === undefined ? phrase : `how ${noun}`.trim();
    });
    // Other forms the articles use ("opposition" for "opposed", "Zelenskyy" for "Zelensky") are searched for too.
    const forms = reading.concepts
      .filter((concept) => concept.kind !== "place")
      .flatMap((concept) =>
        concept.alternatives
          .slice(1, 3)
          .filter((terms) => terms.length === 1 && !synonymsOf(concept.alternatives[0]?.[0] ?? "").includes(terms[0] as string))
          .map((terms) => terms[0] as string),
      );
    // …and a plain word's first other word the articles use: "Which European countries are described as opposing…"
    // finds "There is also opposition from Germany…", "would be gone" finds "He’ll disappear forever".
    const synonyms = reading.concepts
      .filter((concept) => concept.kind === "word")
      .flatMap((concept) => concept.alternatives.find((terms) => terms.length === 1 && synonymsOf(concept.alternatives[0]?.[0] ?? "").includes(terms[0] as string)) ?? []);
    const measure = measureAsked(text);
    return [asked, ...new Set([...reading.extraSearch, ...forms, ...synonyms]), ...(measure ? [measure.searchWords] : [])].join(" ");
  }
}

import type { RoleHolder } from "../types.js";
import type { Places } from "./places.js";
import { isTimeOfDay } from "./questionWords.js";


/** Words that head a role ("minister", "spokesman"); the words before them qualify it. */
const HEADS: Readonly<Record<string, string[]>> = {
  minister: ["minister", "secretary"], secretary: ["secretary", "minister"], spokesman: ["spokesman", "spokeswoman", "spokesperson"],
  spokeswoman: ["spokesman", "spokeswoman", "spokesperson"], spokesperson: ["spokesman", "spokeswoman", "spokesperson"],
  president: ["president"], chancellor: ["chancellor"], governor: ["governor"], chief: ["chief", "head", "secretary"],
  head: ["chief", "head", "president", "prime"], envoy: ["envoy"], ambassador: ["ambassador"], commissioner: ["commissioner"],
  commentator: ["commentator"], blogger: ["blogger"], premier: ["prime", "premier"], leader: ["president", "prime", "chancellor", "leader"],
  diplomat: ["foreign"], pm: ["prime", "premier"],
};
/** Words that narrow a role; a question's qualifiers must all be in the person's role. */
const QUALIFIERS = new Set(
  "deputy foreign defence defense prime security state media policy interior finance special first vice military press top chief".split(" "),
);
/** Offices whose holder news reports name: a spokesman, a blogger or a source may go unnamed. */
const OFFICES = new Set("minister secretary president chancellor governor ambassador commissioner premier pm".split(" "));
/** Those who speak for an office holder: "the PM's office", "the president's spokesman". */
const STAFF = new Set("office spokesman spokeswoman spokesperson spokespeople aide aides team staff officials".split(" "));
const FORMER = new Set(["former", "ex", "retired", "previous", "old"]);
/** Spelling variants that mean the same role word. */
const SAME: Readonly<Record<string, string>> = { defense: "defence", top: "" };

export interface RoleMention {
  /** Word positions in the question, `[from, to)`. */
  from: number;
  to: number;
  /** The people the articles give this role, best match first. */
  people: string[];
}

interface ParsedRole {
  words: Set<string>;
  countries: Set<string>;
  /** Whether it is an office of a union of countries ("EU foreign policy chief"). */
  union: boolean;
  /** The unions or bodies of countries it names, by label ("European Union", "European Commission"). */
  unions: Set<string>;
  former: boolean;
}

const canonical = (word: string) => SAME[word] ?? word;
/** The most words a place's name has ("elysee palace", "no 10", "european union"). */
const MAX_PLACE_WORDS = 3;
const withoutPossessive = (word: string) => word.replace(/['’]s$/, "");

/**
 * Resolves "the Kremlin spokesman", "Russia's deputy foreign minister", "Rome's prime minister"
 * or "the French leader" to the people the articles give that role, learned from the articles'
 * own appositives ("Kremlin spokesman Dmitry Peskov") at index time.
 */
export class RoleResolver {
  private readonly holders: Array<{ name: string; roles: ParsedRole[]; countries: Set<string> }>;
  /** Every word of every known role, so "European Commission president" keeps "European Commission". */
  private readonly roleWords = new Set<string>();

  constructor(
    people: readonly RoleHolder[],
    private readonly places: Places,
  ) {
    this.holders = people
      .filter((person) => person.roles.length > 0)
      .map((person) => {
        const roles = person.roles.map((role) => this.parseRole(role.toLowerCase().split(/\s+/)));
        // "Russian president" beside "former Russian president" is the same past office.
        for (const role of roles) {
          if (!role.former && roles.some((other) => other.former && [...role.words].every((word) => other.words.has(word)))) role.former = true;
        }
        const countries = new Set(roles.flatMap((role) => [...role.countries]));
        for (const role of roles) for (const word of [...role.words, ...[...role.unions].flatMap((label) => label.toLowerCase().split(" "))]) this.roleWords.add(word);
        return { name: person.name, roles, countries };
      });
  }

  private parseRole(words: readonly string[]): ParsedRole {
    const role: ParsedRole = { words: new Set(), countries: new Set(), union: false, former: false, unions: new Set() };
    for (let i = 0; i < words.length; i++) {
      const word = withoutPossessive(words[i] as string);
      // "No 10", "European Union": a place of one word or more.
      const length = this.places.nameLengthAt(words, i, MAX_PLACE_WORDS);
      if (FORMER.has(word)) role.former = true;
      else if (length > 0) {
        const name = this.nameOf(words, i, i + length);
        // A union is no country, and "Brussels" in a role is the EU's, not Belgium's.
        const unions = this.places.lookup(name).filter((place) => place.country === null);
        if (unions.length === 0) for (const country of this.places.countriesOf(name)) role.countries.add(country);
        for (const place of unions) {
          role.union = true;
          role.unions.add(place.label);
        }
        i += length - 1;
      } else if (canonical(word) !== "") role.words.add(canonical(word));
    }
    return role;
  }

  /** Whether a role's body is the one a question names, or part of it: the European Commission's president is the EU's. */
  private inBody(own: string, asked: string): boolean {
    return own === asked || this.places.lookup(own).some((place) => place.partOf === asked);
  }

  /**
   * Role phrases in a question's lower-case words, each with the people it names. A phrase is
   * a role head ("minister") with the qualifiers, places and "former" right before it.
   */
  find(words: readonly string[]): RoleMention[] {
    return this.read(words).filter((mention) => mention.people.length > 0);
  }

  /**
   * Role phrases that say whose office it is ("Denmark's prime minister", "the German chancellor")
   * and that the articles give no one: the person is not in them.
   */
  unheld(words: readonly string[]): string[] {
    return this.read(words)
      .filter((mention) => mention.people.length === 0 && mention.specific && OFFICES.has(withoutPossessive(words[mention.head] as string)))
      .map((mention) => words.slice(mention.from, mention.to).join(" "));
  }

  private read(words: readonly string[]): Array<RoleMention & { specific: boolean; head: number }> {
    const mentions: Array<RoleMention & { specific: boolean; head: number }> = [];
    words.forEach((raw, index) => {
      const head = withoutPossessive(raw);
      const heads = HEADS[head];
      // "at 4 pm" is a time of day, not the prime minister; "the PM's office" speaks for the PM but is not the PM.
      if (heads === undefined || isTimeOfDay(head, words[index - 1])) return;
      // "the pms spokesman": a possessive typed without its apostrophe.
      const owner = withoutPossessive(words[index - 1] ?? "");
      if (STAFF.has(words[index + 1] ?? "") || (STAFF.has(head) && (HEADS[owner] ?? HEADS[owner.replace(/s$/, "")]) !== undefined)) return;
      let from = index;
      // Qualifiers, places and "former" before the head: "Russia's deputy foreign minister".
      while (from > 0) {
        const word = withoutPossessive(words[from - 1] as string);
        if (QUALIFIERS.has(word) || FORMER.has(word) || this.roleWords.has(word) || this.places.has(word)) from--;
        else break;
      }
      // "No 10's spokesman", "the White House spokesman": a place of more than one word before the head says whose.
      from = this.placeEndingAt(words, from) ?? from;
      // "head of state", "minister of defence": a qualifier after the head; "head of the European Commission": a body.
      let to = index + 1;
      if (words[to] === "of" && words[to + 1] !== undefined && (QUALIFIERS.has(words[to + 1] as string) || words[to + 1] === "state")) to += 2;
      const after = words[index + 1] === "of" ? this.placeStartingAt(words, index + 2 + (words[index + 2] === "the" ? 1 : 0)) : null;
      if (after !== null && to === index + 1) to = after;
      const question = this.parseRole([...words.slice(from, index), ...words.slice(index + 1, to)].filter((word) => word !== "of" && word !== "the"));
      const people = this.match(heads, question);
      const specific = question.countries.size > 0 || question.unions.size > 0 || [...question.words].some((word) => QUALIFIERS.has(word));
      mentions.push({ from, to, people, specific, head: index });
    });
    return mentions;
  }

  /** Where a place of more than one word ("no 10", "white house") that ends right before `end` starts, if one does. */
  private placeEndingAt(words: readonly string[], end: number): number | null {
    for (let length = MAX_PLACE_WORDS; length >= 2; length--) {
      if (end - length >= 0 && this.places.nameLengthAt(words, end - length, length) === length) return end - length;
    }
    return null;
  }

  /** Where the longest place ("european commission", "kremlin") that starts at `start` ends, if one does. */
  private placeStartingAt(words: readonly string[], start: number): number | null {
    const length = this.places.nameLengthAt(words, start, MAX_PLACE_WORDS);
    return length === 0 ? null : start + length;
  }

  private nameOf(words: readonly string[], from: number, to: number): string {
    return words.slice(from, to).map(withoutPossessive).join(" ");
  }

  private match(heads: readonly string[], question: ParsedRole): string[] {
    const scored: Array<{ name: string; score: number }> = [];
    for (const holder of this.holders) {
      let best = 0;
      for (const role of holder.roles) {
        if (!heads.some((head) => role.words.has(head))) continue;
        if (![...question.words].every((word) => role.words.has(word) || word === "state")) continue;
        if (role.former !== question.former) continue;
        // "The head of the EU's executive arm" may be the Commission's president; "the Commission chief" is not the EU's foreign policy chief.
        if (![...question.unions].every((body) => [...role.unions].some((own) => this.inBody(own, body)))) continue;
        // A country in the question must be the role's, or at least not contradict the person's; a union's officer
        // serves no country ("the Pentagon chief" is not the EU's foreign policy chief).
        const countries = role.countries.size > 0 ? role.countries : holder.countries;
        if (question.countries.size > 0 && (countries.size > 0 || role.union) && ![...question.countries].some((country) => countries.has(country))) continue;
        const exact = question.countries.size > 0 && role.countries.size > 0 ? 1 : 0;
        best = Math.max(best, 1 + exact + (question.words.size + 1) / (role.words.size + 1));
      }
      if (best > 0) scored.push({ name: holder.name, score: best });
    }
    const top = Math.max(0, ...scored.map((entry) => entry.score));
    return scored.filter((entry) => entry.score === top).map((entry) => entry.name);
  }
}

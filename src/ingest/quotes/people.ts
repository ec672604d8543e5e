/** People the articles name in full, merged across spellings and articles. */
import type { Article, RoleHolder } from "../../types.js";
import { normaliseRole, readSubject, surnameKey, withoutTitles } from "./names.js";

/**
 * Two first names are one person's when they agree in this many leading letters, so
 * transliterations meet (Aleksandr / Alexander do not, Sergei / Sergey do) while Keir and
 * Kemi with one surname stay apart.
 */
export const FIRST_NAME_PREFIX = 4;

function compatibleFirst(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.slice(0, FIRST_NAME_PREFIX) === b.slice(0, FIRST_NAME_PREFIX);
}

/** One person the articles name, with every spelling and role they give them. */
export class Person {
  /** Each full name printed for them ("Keir Starmer"), with how many times. */
  readonly full = new Map<string, number>();
  /** Every spelling quoted or printed, titles included ("Sir Keir Starmer", "Starmer"). */
  readonly variants = new Set<string>();
  /** Roles, normalised ("prime minister"). */
  readonly roles = new Set<string>();
  /** Articles that print their full name. */
  readonly articleIds = new Set<string>();

  constructor(
    /** Lower-cased first name, null while only a surname is known. */
    public first: string | null,
    /** The surname as `surnameKey` spells it. */
    readonly surname: string,
  ) {}

  addRole(role: string | null): void {
    if (role) this.roles.add(normaliseRole(role));
  }

  /** Whether they hold `role` (normalised) now: "russian deputy foreign minister" holds "deputy foreign minister", a former one does not. */
  holds(role: string): boolean {
    return [...this.roles].some((known) => known.endsWith(role) && !known.includes("former"));
  }

  /** The fullest name printed for them, the most printed of equally full ones. */
  displayName(): string {
    return [...this.full.entries()].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length || b[1] - a[1])[0]?.[0] ?? this.surname;
  }
}

/** "…with US counterpart Pete Hegseth": the word before "counterpart" says whose country the office is. */
const COUNTERPART = /(?:\b(\p{Lu}[\p{L}.]*)[ \t]+)?counterparts?,?[ \t]+$/u;
/** A sentence's end between two mentions: a counterpart is someone named in the same sentence. */
const SENTENCE_END = /[.!?]["”’]?\s/u;

/**
 * The office of someone named as another's counterpart: "defence secretary John Healey held talks
 * with US counterpart Pete Hegseth" makes Hegseth the US defence secretary. The last person named
 * with an office earlier in the same sentence is the other; null when there is none.
 */
function counterpartRole(text: string, at: number, country: string | undefined, earlier: ReadonlyArray<{ role: string | null; end: number }>): string | null {
  const other = [...earlier].reverse().find((mention) => mention.role !== null && !SENTENCE_END.test(text.slice(mention.end, at)));
  if (other?.role == null) return null;
  return country === undefined ? other.role : `${country.toLowerCase()} ${other.role}`;
}

/** Names printed in full anywhere in an article ("Russian deputy foreign minister Alexander Grushko"). */
export function fullNameMentions(article: Article): Array<{ name: string; role: string | null }> {
  const mentions: Array<{ name: string; role: string | null; end: number }> = [];
  // Words on one line only ([ \t], not \s): a name never runs across a paragraph break.
  const pattern = /(?:[\p{Lu}][\p{L}’'-]*(?:\.[\p{Lu}]\.?)?[ \t]+|(?:of|von|der|van|de|state|media|deputy|foreign|defence|prime|minister|spokesman|secretary|president|chief|policy|governor|special|envoy|ambassador|commissioner|chancellor|commander|adviser|advisor|director|chairman|mayor|senator)[ \t]+)*[\p{Lu}][\p{L}’'-]+(?:[ \t]+(?:von|der|van|de)[ \t]+[\p{Lu}][\p{L}’'-]+|[ \t]+[\p{Lu}][\p{L}’'-]+)+/gu;
  for (const match of article.text.matchAll(pattern)) {
    const subject = readSubject(match[0]);
    if (subject?.kind !== "named" || !subject.name.includes(" ")) continue;
    const counterpart = subject.role === null ? COUNTERPART.exec(article.text.slice(Math.max(0, match.index - 40), match.index)) : null;
    const role = counterpart === null ? subject.role : counterpartRole(article.text, match.index, counterpart[1], mentions);
    mentions.push({ name: withoutTitles(subject.name), role, end: match.index + match[0].length });
  }
  return mentions.map(({ name, role }) => ({ name, role }));
}

/** Everyone named in full across the articles, in the order first met. */
export class PersonDirectory {
  private readonly people: Person[] = [];

  /**
   * Records a full name ("Keir Starmer", titles already dropped) printed in an article, with the
   * role printed beside it: the person it names, made on first meeting.
   */
  nameInFull(name: string, role: string | null, articleId: string): Person {
    const parts = name.split(" ");
    const surname = parts[parts.length - 1] as string;
    const first = parts.length > 1 ? (parts[0] as string).toLowerCase() : null;
    let person = this.find(first, surname);
    if (!person) {
      person = new Person(first, surnameKey(surname));
      this.people.push(person);
    }
    person.first ??= first;
    person.full.set(name, (person.full.get(name) ?? 0) + 1);
    person.variants.add(name);
    person.addRole(role);
    person.articleIds.add(articleId);
    return person;
  }

  /**
   * The one person a single word ("Medvedev", "Keir") names, preferring people this article
   * names in full; null when no one or several fit.
   */
  byWord(word: string, articleId: string): Person | null {
    const key = surnameKey(word);
    const lower = word.toLowerCase();
    const candidates = this.people.filter((person) => person.surname === key || person.first === lower);
    const local = candidates.filter((person) => person.articleIds.has(articleId));
    const pool = local.length > 0 ? local : candidates;
    return pool.length === 1 ? (pool[0] as Person) : null;
  }

  /** The one person this article names in full who holds `role` (normalised) now, else null. */
  soleHolder(role: string, articleId: string): Person | null {
    const holders = this.people.filter((person) => person.articleIds.has(articleId) && person.holds(role));
    return holders.length === 1 ? (holders[0] as Person) : null;
  }

  /** Everyone with a known role, quoted or not, by name. */
  roleHolders(): RoleHolder[] {
    return this.people
      .filter((person) => person.roles.size > 0)
      .map((person) => ({ name: person.displayName(), roles: [...person.roles].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private find(first: string | null, surname: string): Person | undefined {
    return this.people.find((person) => person.surname === surnameKey(surname) && compatibleFirst(person.first, first));
  }
}

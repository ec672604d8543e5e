import type { Article, ArticleSpan, RoleHolder } from "../../types.js";
import type { Attribution, RawQuote } from "./extract.js";
import { readSubject, surnameKey, withoutTitles } from "./names.js";

/** One speaker across all articles, with every spelling and role the articles give them. */
export interface Speaker {
  id: string;
  name: string;
  kind: "person" | "organisation" | "role" | "anonymous";
  variants: string[];
  roles: string[];
  organisations: string[];
  quoteCount: number;
  articleIds: string[];
}

/** A quote with its speaker resolved to a Speaker id; offsets point into the article file. */
export interface Quote extends ArticleSpan {
  id: string;
  kind: "direct" | "reported";
  speakerId: string;
}

// Institutions that the news names by their seat; a speaker with the role speaks for it.
const INSTITUTIONS: Array<{ name: string; role: RegExp }> = [
  { name: "Downing Street", role: /\b(prime minister|pm) spokes(man|woman|person)\b|\bdowning street\b/ },
  { name: "the Kremlin", role: /\bkremlin\b/ },
  { name: "the White House", role: /\bwhite house\b/ },
];

/** Lower-cases a role and spells it one way: "the PM’s spokesman" → "prime minister spokesman". */
export function normaliseRole(role: string): string {
  return role
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/\bpm\b/g, "prime minister")
    .replace(/^(the|a|an|his|her|their)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

interface PersonEntry {
  first: string | null;
  surname: string;
  full: Map<string, number>;
  variants: Set<string>;
  roles: Set<string>;
  articleIds: Set<string>;
}

/** Names printed in full anywhere in an article ("Russian deputy foreign minister Alexander Grushko"). */
function fullNameMentions(article: Article): Array<{ name: string; role: string | null }> {
  const mentions: Array<{ name: string; role: string | null }> = [];
  // Words on one line only ([ \t], not \s): a name never runs across a paragraph break.
  const pattern = /(?:[\p{Lu}][\p{L}’'-]*(?:\.[\p{Lu}]\.?)?[ \t]+|(?:of|von|der|van|de|state|media|deputy|foreign|defence|prime|minister|spokesman|secretary|president|chief|policy|governor|special|envoy|ambassador|commissioner|chancellor|commander|adviser|advisor|director|chairman|mayor|senator)[ \t]+)*[\p{Lu}][\p{L}’'-]+(?:[ \t]+(?:von|der|van|de)[ \t]+[\p{Lu}][\p{L}’'-]+|[ \t]+[\p{Lu}][\p{L}’'-]+)+/gu;
  for (const match of article.text.matchAll(pattern)) {
    const subject = readSubject(match[0]);
    if (subject?.kind === "named" && subject.name.includes(" ")) mentions.push({ name: withoutTitles(subject.name), role: subject.role });
  }
  return mentions;
}

function compatibleFirst(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.slice(0, 4) === b.slice(0, 4);
}

/**
 * Merges the attributions of every article into speakers: full names anchor people, a bare
 * surname or first name joins the person it names in that article (else across articles),
 * transliterations merge (Zelensky / Zelenskyy / Zelenskiy), and a role resolves to a person
 * only where the article itself links them. Anonymous sources stay separate and anonymous.
 */
export function resolveSpeakers(articles: readonly Article[], raw: readonly RawQuote[]): { speakers: Speaker[]; quotes: Quote[]; people: RoleHolder[] } {
  const people: PersonEntry[] = [];
  const findPerson = (first: string | null, surname: string) =>
    people.find((person) => person.surname === surnameKey(surname) && compatibleFirst(person.first, first));
  const addPerson = (name: string, role: string | null, articleId: string): PersonEntry => {
    const parts = name.split(" ");
    const surname = parts[parts.length - 1] as string;
    const first = parts.length > 1 ? (parts[0] as string).toLowerCase() : null;
    let person = findPerson(first, surname);
    if (!person) {
      person = { first, surname: surnameKey(surname), full: new Map(), variants: new Set(), roles: new Set(), articleIds: new Set() };
      people.push(person);
    }
    person.first ??= first;
    person.full.set(name, (person.full.get(name) ?? 0) + 1);
    person.variants.add(name);
    if (role) person.roles.add(normaliseRole(role));
    person.articleIds.add(articleId);
    return person;
  };

  const mentionsByArticle = new Map(articles.map((article) => [article.id, fullNameMentions(article)]));
  for (const [articleId, mentions] of mentionsByArticle) for (const mention of mentions) addPerson(mention.name, mention.role, articleId);

  /** A one-word name ("Medvedev", "Keir") resolved to a person, preferring the same article. */
  const resolveSingle = (word: string, articleId: string): PersonEntry | null => {
    const key = surnameKey(word);
    const lower = word.toLowerCase();
    const candidates = people.filter((person) => person.surname === key || person.first === lower);
    const local = candidates.filter((person) => person.articleIds.has(articleId));
    const pool = local.length > 0 ? local : candidates;
    return pool.length === 1 ? (pool[0] as PersonEntry) : null;
  };

  const speakers = new Map<string, Speaker>();
  const personSpeakers = new Map<PersonEntry, Speaker>();
  const displayName = (person: PersonEntry) =>
    [...person.full.entries()].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length || b[1] - a[1])[0]?.[0] ?? person.surname;
  // One Speaker per person, whatever spelling is met first; the name is settled at the end.
  const personSpeaker = (person: PersonEntry): Speaker => {
    let speaker = personSpeakers.get(person);
    if (!speaker) {
      speaker = { id: "", name: "", kind: "person", variants: [], roles: [], organisations: [], quoteCount: 0, articleIds: [] };
      personSpeakers.set(person, speaker);
    }
    return speaker;
  };

  const speakerOf = (attribution: Attribution, articleId: string): Speaker => {
    if (attribution.kind === "named") {
      const name = withoutTitles(attribution.name);
      const person = name.includes(" ") ? addPerson(name, attribution.role, articleId) : resolveSingle(name, articleId);
      if (person) {
        person.variants.add(attribution.name);
        if (attribution.role) person.roles.add(normaliseRole(attribution.role));
        return personSpeaker(person);
      }
      return otherSpeaker(`organisation:${slug(name)}`, name, "organisation");
    }
    if (attribution.kind === "anonymous") {
      return otherSpeaker(`anonymous:${articleId}:${slug(attribution.description)}`, attribution.description, "anonymous");
    }
    const role = normaliseRole(attribution.role);
    // "The prime minister said" is Keir Starmer where he is the one person in this article
    // who holds that office (as this or another article names it); a former holder does not count.
    const linked = people.filter(
      (person) => person.articleIds.has(articleId) && [...person.roles].some((known) => known.endsWith(role) && !known.includes("former")),
    );
    if (linked.length === 1) return personSpeaker(linked[0] as PersonEntry);
    const qualified = [...speakers.values()].filter((speaker) => speaker.kind === "role" && speaker.articleIds.includes(articleId) && speaker.name.endsWith(` ${role}`));
    if (qualified.length === 1) return qualified[0] as Speaker;
    return otherSpeaker(`role:${articleId}:${slug(role)}`, `the ${role}`, "role", role);
  };

  const otherSpeaker = (id: string, name: string, kind: Speaker["kind"], role?: string): Speaker => {
    let speaker = speakers.get(id);
    if (!speaker) {
      speaker = { id, name, kind, variants: [name], roles: role ? [role] : [], organisations: [], quoteCount: 0, articleIds: [] };
      speakers.set(id, speaker);
    }
    return speaker;
  };

  const quotes = raw.map((quote, index) => {
    const speaker = speakerOf(quote.speaker, quote.articleId);
    const person = [...personSpeakers.entries()].find(([, candidate]) => candidate === speaker)?.[0];
    if (quote.appositiveRole && person) person.roles.add(normaliseRole(quote.appositiveRole));
    speaker.quoteCount++;
    if (!speaker.articleIds.includes(quote.articleId)) speaker.articleIds.push(quote.articleId);
    return { speaker, quote: { id: `q${index}`, articleId: quote.articleId, section: quote.section, start: quote.start, end: quote.end, text: quote.text, kind: quote.kind, speakerId: "" } };
  }).map(({ speaker, quote }) => ({ speaker, quote }));

  for (const [person, speaker] of personSpeakers) {
    speaker.name = displayName(person);
    speaker.id = `person:${slug(speaker.name)}`;
    speaker.variants = [...person.variants].sort();
    speaker.roles = [...person.roles].sort();
    speakers.set(speaker.id, speaker);
  }
  for (const entry of quotes) entry.quote.speakerId = entry.speaker.id;

  for (const speaker of speakers.values()) {
    const haystack = [...speaker.roles, speaker.name.toLowerCase()].join(" | ");
    speaker.organisations = INSTITUTIONS.filter((institution) => institution.role.test(haystack)).map((institution) => institution.name);
    speaker.articleIds.sort();
  }
  const quoted = [...speakers.values()].filter((speaker) => speaker.quoteCount > 0);
  // Roles of everyone named in full, quoted or not, so a question may name them by role.
  const roleHolders = people.filter((person) => person.roles.size > 0).map((person) => ({ name: displayName(person), roles: [...person.roles].sort() }));
  return {
    speakers: quoted.sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name)),
    quotes: quotes.map((entry): Quote => entry.quote),
    people: roleHolders.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

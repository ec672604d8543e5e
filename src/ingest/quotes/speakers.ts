import type { Article, ArticleSpan, RoleHolder } from "../../types.js";
import type { Attribution, RawQuote } from "./extract.js";
import { normaliseRole, withoutTitles } from "./names.js";
import { fullNameMentions, Person, PersonDirectory } from "./people.js";

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

/** The last word of a body's name, not a person's: "the New York Times reported", "the Defence Ministry said". */
const BODY_NAME_END =
  /\s(?:Times|Post|Journal|News|Herald|Guardian|Telegraph|Independent|Mail|Express|Observer|Gazette|Tribune|Agency|Ministry|Office|Council|Commission|Committee|Department|Service|Services|Institute|Party|Group|Company|Corporation|Bank|Fund|Foundation|Union|Network|Radio|TV|Press|Force|Forces)$/;

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** How often a speaker is quoted, and where (articles in the order first quoted). */
interface Tally {
  quoteCount: number;
  articleIds: string[];
}

/** A speaker who is not a named person (an organisation, an office, an anonymous source): its id is known when it is met. */
interface OtherSpeaker extends Tally {
  id: string;
  name: string;
  kind: Exclude<Speaker["kind"], "person">;
  roles: string[];
}

/** Whom a quote is attributed to while the registry fills: a person (whose name, and so id, is settled at the end) or another speaker. */
type Attributed = Person | OtherSpeaker;

function organisationsOf(name: string, roles: readonly string[]): string[] {
  const haystack = [...roles, name.toLowerCase()].join(" | ");
  return INSTITUTIONS.filter((institution) => institution.role.test(haystack)).map((institution) => institution.name);
}

function speaker(id: string, name: string, kind: Speaker["kind"], variants: string[], roles: string[], tally: Tally): Speaker {
  return { id, name, kind, variants, roles, organisations: organisationsOf(name, roles), quoteCount: tally.quoteCount, articleIds: [...tally.articleIds].sort() };
}

/**
 * Who said what, filled one quote at a time: `registerMentions` first (everyone the articles
 * name in full), then `attribute` for each quote in order, then `finalise` once every quote is
 * in, when each person's name (the fullest spelling met) and so their id is settled.
 */
export class SpeakerRegistry {
  private readonly people = new PersonDirectory();
  /** Quoted people, in the order first quoted. */
  private readonly quotedPeople = new Map<Person, Tally>();
  /** Other speakers by id, in the order first quoted. */
  private readonly others = new Map<string, OtherSpeaker>();
  private readonly quotes: Array<{ raw: RawQuote; speaker: Attributed }> = [];

  /** Records everyone each article names in full, so a bare surname or a role can find them. */
  registerMentions(articles: readonly Article[]): void {
    // One set of mentions per article id (a repeated id keeps its first place and its last text).
    const mentionsByArticle = new Map(articles.map((article) => [article.id, fullNameMentions(article)]));
    for (const [articleId, mentions] of mentionsByArticle) for (const mention of mentions) this.people.nameInFull(mention.name, mention.role, articleId);
  }

  /** Attributes one quote to its speaker and counts it; call in the quotes' order, as each may teach the next a role. */
  attribute(raw: RawQuote): void {
    const speaker = this.speakerOf(raw.speaker, raw.articleId);
    let tally: Tally;
    if (speaker instanceof Person) {
      speaker.addRole(raw.appositiveRole);
      tally = this.tallyOf(speaker);
    } else tally = speaker;
    tally.quoteCount++;
    if (!tally.articleIds.includes(raw.articleId)) tally.articleIds.push(raw.articleId);
    this.quotes.push({ raw, speaker });
  }

  /** The speakers quoted (most quoted first), every quote with its speaker's id, and everyone with a known role. */
  finalise(): { speakers: Speaker[]; quotes: Quote[]; people: RoleHolder[] } {
    const byId = new Map<string, Speaker>();
    for (const other of this.others.values()) byId.set(other.id, speaker(other.id, other.name, other.kind, [other.name], other.roles, other));
    const personIds = new Map<Person, string>();
    for (const [person, tally] of this.quotedPeople) {
      const name = person.displayName();
      const id = `person:${slug(name)}`;
      personIds.set(person, id);
      // Two people whose names slug alike share an id; the one quoted later is listed.
      byId.set(id, speaker(id, name, "person", [...person.variants].sort(), [...person.roles].sort(), tally));
    }
    const quotes = this.quotes.map(({ raw, speaker }, index): Quote => ({
      id: `q${index}`,
      articleId: raw.articleId,
      section: raw.section,
      start: raw.start,
      end: raw.end,
      text: raw.text,
      kind: raw.kind,
      speakerId: speaker instanceof Person ? (personIds.get(speaker) as string) : speaker.id,
    }));
    const quoted = [...byId.values()].filter((entry) => entry.quoteCount > 0);
    return {
      speakers: quoted.sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name)),
      quotes,
      people: this.people.roleHolders(),
    };
  }

  private speakerOf(attribution: Attribution, articleId: string): Attributed {
    if (attribution.kind === "named") return this.named(attribution, articleId);
    if (attribution.kind === "anonymous") {
      return this.other(`anonymous:${articleId}:${slug(attribution.description)}`, attribution.description, "anonymous");
    }
    return this.byRole(normaliseRole(attribution.role), articleId);
  }

  /**
   * A full name is a person, unless it ends as a body's name does ("New York Times"); one word is the
   * person it names here (else anywhere), or else an organisation.
   */
  private named(attribution: { name: string; role: string | null }, articleId: string): Attributed {
    const name = withoutTitles(attribution.name);
    if (BODY_NAME_END.test(name)) return this.other(`organisation:${slug(name)}`, name, "organisation");
    const person = name.includes(" ") ? this.people.nameInFull(name, attribution.role, articleId) : this.people.byWord(name, articleId);
    if (!person) return this.other(`organisation:${slug(name)}`, name, "organisation");
    person.variants.add(attribution.name);
    person.addRole(attribution.role);
    return person;
  }

  /**
   * "The prime minister said" is Keir Starmer where he is the one person in this article who
   * holds that office (as this or another article names it); a former holder does not count.
   * Else it is the one more qualified office quoted in this article ("the Russian foreign
   * minister"), else the office itself, one speaker per article.
   */
  private byRole(role: string, articleId: string): Attributed {
    const holder = this.people.soleHolder(role, articleId);
    if (holder) return holder;
    const qualified = [...this.others.values()].filter((other) => other.kind === "role" && other.articleIds.includes(articleId) && other.name.endsWith(` ${role}`));
    if (qualified.length === 1) return qualified[0] as OtherSpeaker;
    return this.other(`role:${articleId}:${slug(role)}`, `the ${role}`, "role", role);
  }

  private other(id: string, name: string, kind: OtherSpeaker["kind"], role?: string): OtherSpeaker {
    let other = this.others.get(id);
    if (!other) {
      other = { id, name, kind, roles: role ? [role] : [], quoteCount: 0, articleIds: [] };
      this.others.set(id, other);
    }
    return other;
  }

  private tallyOf(person: Person): Tally {
    let tally = this.quotedPeople.get(person);
    if (!tally) {
      tally = { quoteCount: 0, articleIds: [] };
      this.quotedPeople.set(person, tally);
    }
    return tally;
  }
}

/**
 * Merges the attributions of every article into speakers: full names anchor people, a bare
 * surname or first name joins the person it names in that article (else across articles),
 * transliterations merge (Zelensky / Zelenskyy / Zelenskiy), and a role resolves to a person
 * only where the article itself links them. Anonymous sources stay separate and anonymous.
 */
export function resolveSpeakers(articles: readonly Article[], raw: readonly RawQuote[]): { speakers: Speaker[]; quotes: Quote[]; people: RoleHolder[] } {
  const registry = new SpeakerRegistry();
  registry.registerMentions(articles);
  for (const quote of raw) registry.attribute(quote);
  return registry.finalise();
}

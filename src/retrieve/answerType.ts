import { DAY_NAMES, MONTH_NAMES_BUT_MAY } from "../text/calendar.js";
import { NUMBER_WORDS } from "../text/numberWords.js";
import { ASKING_VERBS } from "../text/speechVerbs.js";

/** What kind of answer a question expects, as classic question answering systems detect it. */
export type AnswerType = "quantity" | "time" | "place" | "quote" | "label" | "person" | "reason" | "name" | "role" | null;

/** Kinds of thing a name answers ("which countries", "which allies"), as the question words them. */
export const COUNTRY_KIND_WORDS = ["country", "nation", "state", "ally", "member", "government"];
/** Kinds a town's name answers ("which city", "which capital"). */
export const CITY_KIND_WORDS = ["city", "capital", "town", "port"];
/** Kinds a person's name answers ("which general", "which historic figures"). */
export const PERSON_KIND_WORDS =
  "figure leader official general pundit commentator person politician minister president diplomat commander spokesman spokeswoman spokesperson envoy aide adviser source blogger expert analyst".split(" ");
/** Kinds an organisation's name answers ("which company", "what drone firm"). */
export const ORGANISATION_KIND_WORDS = "company firm manufacturer maker contractor supplier outlet newspaper broadcaster channel agency organisation organization".split(" ");

const plurals = (kinds: readonly string[]) => kinds.flatMap((kind) => [kind, kind.endsWith("y") ? `${kind.slice(0, -1)}ies` : `${kind}s`]);
/** Words that may stand between "which" and the kind asked ("which European nations", "what drone firm"), but not a verb or an article. */
const KIND_MODIFIER = String.raw`(?!(?:did|do|does|is|are|was|were|has|have|had|will|would|can|could|the|a|an|their|his|her|its|our|your|my)\b)[\p{L}-]+\s+`;
// "Which company…", "what drone firm…", "which countries…": a name answers, not any sentence on the topic. ("Going by
// what their company said" asks no name: a possessive is no kind's modifier.)
const kindQuestion = (kinds: readonly string[]) => new RegExp(String.raw`\b(?:which|what)\s+(?:${KIND_MODIFIER}){0,2}?(?:${plurals(kinds).join("|")})\b`, "iu");
const ORGANISATION_QUESTION = kindQuestion(ORGANISATION_KIND_WORDS);
const COUNTRY_QUESTION = kindQuestion(COUNTRY_KIND_WORDS);
/** Whether a question asks which company, firm or outlet, or its name ("what is the drone company called?"). */
export const asksForOrganisation = (question: string): boolean => ORGANISATION_QUESTION.test(question) || NAMED_ORGANISATION.test(asNameOf(question));
// "What is Grushko's job?", "what role does Kellogg have?", "what position does Medvedev hold now?": an office.
const ROLE_QUESTION =
  /\bwhat(?:['’]?s|\s+is|\s+was)\s+(?:\p{L}+\s+){0,3}?\p{L}+(?:['’]s?)?\s+(?:job|role|position|title|post|office)\b|\bwhat\s+(?:job|role|position|title|post|office)\s+(?:does|did|do|is|was|has)\b/iu;
/** An office named in a sentence, one still held ("former president" is not): what answers a question about someone's job. */
const ROLE =
  /(?<!\b(?:former|ex|onetime|erstwhile)[\s-]+)\b(?:minister|president|chair|chairman|chairwoman|spokesman|spokeswoman|spokesperson|secretary|envoy|commander|chancellor|governor|ambassador|mayor|general|commissioner|deputy|head|chief|leader|commentator|blogger|adviser|advisor|analyst|director|official|premier)\b/i;

/** A capitalised word inside a sentence (not its first word, nor a title before a name): a name. */
const NAME = /(?<=[\p{L},;:–—-]\s+|\(|“|")(?!(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|President|Prime|Minister|General|The|A|An)\b)\p{Lu}[\p{L}’'-]+/u;

const QUANTITY_QUESTION = /\b(how (many|much|large|big|long|far|old|high|heavy|often)|what (?:(?:troop|casualty|death|cash|money|dollar|price)\s+)?(percentage|proportion|share|number|amount|size|figure|headcount|tally|toll)|what(?: is|['’]s) the (?:unit |total |overall |exact |dollar |cash |money )?(size|number|cost|total|price|price tag|value|amount))\b|\bwhat(?: is|['’]s| are| was| were)\b[^?]*\bworth\b/i;
// "When will…", or asking for a date anywhere; not "when" inside a clause ("…when he talked about…").
// "Medvedev said Macron disappears by when?": a "when" the question ends on asks for a date too.
const TIME_QUESTION = /^\s*when\b|\b(what|which|by what|on what) (day|date|time|year|month)\b|\b(?:by|since|until|till) when\b|\bwhen(?:\s+(?:exactly|precisely))?\s*[?!.]*\s*$/i;

// "Where will the chiefs meet?", "wait where r they meeting", "where exactly in London are they meeting": a place; not "where does Italy stand on…" (a position),
// nor a "where" that opens a clause ("the town where the airfield is").
const PLACE_QUESTION =
  /\bwhere\s+(?:exactly\s+)?(?:(?:in|at|on)\s+\S+\s+)?(?:did|does|do|is|are|was|were|will|would|could|can|should|has|have|had|r)\b(?![^?]*\bstands?\b)/i;
/**
 * A place given in a sentence: a preposition of place, then within a few words a name ("in London", "in a furious
 * TruthSocial post", "aboard Air Force One") or a noun for a kind of place ("in major cities"); a day, a month or
 * a titled person ("from Sir Keir") is no place.
 */
const PLACE = new RegExp(
  String.raw`\b(?:in|at|near|outside|inside|on|from|across|along|aboard|into)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\p{Ll}-]+\s+){0,2}?` +
    String.raw`(?:(?!(?:${[...DAY_NAMES, ...MONTH_NAMES_BUT_MAY].map((name) => name[0]?.toUpperCase() + name.slice(1)).join("|")}|Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\b)\p{Lu}\p{L}|(?:cities|city|capital|border|front|frontline|regions?|towns?|bases?|areas?|country|soil|territory|zone|coast|port|sea)\b)`,
  "u",
);

const QUANTITY = new RegExp(String.raw`(\d[\d,.]*\s*(%|bn|m|km|k)?|\b(${NUMBER_WORDS.join("|")})\b)`, "i");
const CALENDAR_NAMES = [...DAY_NAMES, ...MONTH_NAMES_BUT_MAY].join("|");
const TIME = new RegExp(String.raw`\b(${CALENDAR_NAMES}|tomorrow|yesterday|today|tonight|next (week|month|year)|last (week|month|year)|(19|20)\d{2})\b`, "i");
/** Whether a word names a day of the week or a month ("may" is left out: it is mostly the verb). */
export const isCalendarName = (word: string): boolean => new RegExp(`^(?:${CALENDAR_NAMES})$`, "i").test(word);

// "What did Grushko say", "How did Hegseth respond", "What has the Kremlin said", "what exactly did Witkoff say": someone's words.
const QUOTE_QUESTION = new RegExp(
  String.raw`\b(what|how)(?: exactly| precisely)? (did|does|do|has|have|had|is|was) .{1,60}?\b(${[...ASKING_VERBS, "thinks"].join("|")})\b`,
  "i",
);
// "What did Medvedev call Macron", "How did Trump brand Zelensky": a name or label someone gave.
// ("The Trump-Putin call", "his phone call": a call after a determiner, a possessive or a compound is a noun. "What did
// Starmer call a big mistake?" gives the label and asks what was so called.)
const LABEL_QUESTION =
  /\b(what|which|how) (?:\S+ ){0,6}?(?<!\b(?:the|a|an|this|that|his|her|their|its|phone|telephone|video)\s|-\p{L}+\s|['’]s\s)(call|calls|called|calling|brand|branded|dub|dubbed|label|labelled|labeled|nickname|nicknamed)\b(?!\s+(?:a|an)\s)|\bnickname\b/iu;
const LABEL =
  /\b(call|calls|called|calling|brand|branded|branding|dubbed|labelled|labeled|nicknamed|described|describing|dismissed as|denounced as|condemned as)\b[^.]*?[“"‘][^”"’]{2,40}[”"’]|\b(?:said|says|stated|warned|added)\b[^.“"‘]{0,80}?\b(?:was|is|were|are|would be)\s+(?:an?\s+|the\s+)?(?:\p{L}+ly\s+)?[“"‘][^”"’]{2,40}[”"’]/iu;
// "Why…", "What reason did…": a cause or a purpose.
// "What was Kyiv hoping to achieve…", "what was the point of…": a purpose.
const REASON_QUESTION =
  /\bwhy\b|\b(?:what|which|for what) reasons?\b|\b(?:hoping|hope|hoped|trying|try|tried|seeking|aiming|meant|intended|designed) to (?:achieve|accomplish|gain|get out of)\b|\bwhat (?:was|is|were|are|'s) (?:the |its |their )?(?:point|aim|goal|purpose|objective)s?\b/i;
const REASON =
  /\b(?:because|due to|owing to|citing|so that|in order to|as a result|reasons?|given that|for fear|in a bid to|in an attempt to|aimed to|aims to|aiming to|designed to|intended to|as it is|as they|as he|as she|as it|amid)\b|\bto (?:help|deter|protect|stop|prevent|end|secure|guarantee|avoid|distract)\b|\b(?:is|are|was|were) (?:key|vital|crucial|important|essential) (?:for|to)\b/i;
// "Who announced…", "Who is the…": a person.
/** Things other than towns and organisations whose name a question may ask for. */
const THINGS_NAMED = "ship vessel boat school base airfield plant station facility site operation plan group coalition alliance mission missile drone weapon system region village".split(" ");
// "What's the name of the seaside town…" asks for a name; of the spokesman (or anyone else), a person's.
const NAME_OF = /\bwhat(?:\s+is|\s+was|\s+are|\s+were|['’]s)\s+the\s+names?\s+of\b/i;
/** "What's the name of the …" followed, within a few words, by one of these kinds. */
const nameOfKind = (kinds: readonly string[]) =>
  new RegExp(String.raw`${NAME_OF.source}\s+(?:(?:the|that|this|those|these|a|an)\s+)?(?:\S+\s+){0,3}?(?:${plurals(kinds).join("|")})\b`, "i");
const THING_NAMED = nameOfKind([...CITY_KIND_WORDS, ...ORGANISATION_KIND_WORDS, ...THINGS_NAMED]);
const NAMED_ORGANISATION = nameOfKind(ORGANISATION_KIND_WORDS);
const PERSON_QUESTION = new RegExp(String.raw`^\s*who\b(?!\s+(?:else\b))|${NAME_OF.source}`, "i");
const PERSON = /\b(?!(?:The|A|An|But|And|In|On|At|If|As|It)\s)\p{Lu}\p{Ll}+(?:\s+(?:von\s+der\s+)?\p{Lu}\p{Ll}+)+/u;
// A quotation of at least four words: shorter quoted spans are scare quotes (“peacekeepers”).
const DIRECT_QUOTE = /[“"‘][^“”"‘’]*?(\S+\s+){3,}[^“”"‘’]*?[”"’](?!\p{L})/u;

/** A question about a sum, an area or a duration: how a sentence gives one, and words to search for it. */
export interface Measure {
  kind: "sum" | "area" | "duration" | "age";
  asked: RegExp;
  answer: RegExp;
  /** Words the answering sentence likely holds though the question does not ("square km" for "how much ground"). */
  searchWords: string;
  /**
   * Words that only say the figure is of this kind, or how it changed hands ("how much money has the West poured
   * into Kyiv"): the figure in the measure's units answers them, in whatever words the sentence gives it.
   */
  frameWords: ReadonlySet<string>;
}

/** Questions about a sum, an area or a duration, and how a sentence gives one. */
const MEASURES: readonly Measure[] = [
  {
    kind: "sum",
    asked:
      /\b(?:how much|what)\b.*\b(?:money|cash|pounds|dollars|euros|aid|cost|costs|costing|worth|spend|spends|spending|spent|pay|pays|paying|paid|budget|funding|funds|financing|loans?|grants?|price|value)\b|\bhow much\b.*\b(?:contracts?|package|deal|assistance|help|backing)\b/i,
    answer: /[£$€]\s?\d|\d[\d,.]*\s?(?:bn|m|k)\b|\b\d[\d,.]*\s+(?:billion|million|thousand|pounds|dollars|euros)\b/i,
    searchWords: "total million billion",
    frameWords: new Set(
      (
        "money cash sum cost costs costing price tag worth value pay pays paying paid spend spends spent pound pounds dollar dollars euro euros " +
        "pour pours poured pouring hand hands handed give gives gave given giving provide provides provided " +
        "pump pumps pumped pumping donate donates donated donating contribute contributes contributed contributing " +
        // what it paid for: "poured into Kyiv's war effort" is "Western aid"
        "war effort"
      ).split(" "),
    ),
  },
  {
    kind: "area",
    asked:
      /\bhow (?:much|large|big)\b.*\b(?:territory|ground|land|area|region|space|soil|bit|part|portion|chunk|piece|patch|sq|square)\b|\bhow many (?:square|sq)\b|\bhow much of\b.*\b(?:hold|holds|held|holding|control|controls|controlled|occupy|occupies|occupied|captured|seized|retaken|claim|claims|claimed|take|took|taken|gain|gained|lose|lost|retake|retook)\b/i,
    answer: /\d[\d,.]*\s*(?:square|sq|km|kilometres|kilometers|miles|hectares|acres|%|per cent|percent)|\b(?:one|a)[- ](?:fifth|quarter|third|half)\b/i,
    searchWords: "area square km",
    // The ground itself, whose forces hold it and how it changed hands: "how much Russian land had Kyiv's forces taken"
    // is answered by "1,368 square km claimed by Kyiv".
    frameWords: new Set(
      (
        "territory ground land soil area space force forces troop troops soldier soldiers army " +
        "take takes took taken taking capture captures captured capturing seize seizes seized seizing grab grabs grabbed grabbing " +
        "gain gains gained gaining win wins won winning"
      ).split(" "),
    ),
  },
  {
    kind: "duration",
    asked: /\bhow long\b/i,
    answer: new RegExp(String.raw`(?:\b\d[\d,.]*|\b(?:${NUMBER_WORDS.join("|")}))[- ]?(?:minute|minutes|day|days|week|weeks|month|months|year|years|hour|hours)\b|\b(?:years|months|weeks|decades)\b`, "i"),
    searchWords: "days weeks months years",
    frameWords: new Set(),
  },
  {
    // "How old was the civilian who was injured?" is not answered by "One civilian was injured".
    kind: "age",
    asked: /\bhow old\b|\bwhat age\b/i,
    answer: /\b\d{1,3}[- ]years?[- ]old\b|\baged\s+\d{1,3}\b|\b\d{1,3}\s+years\s+of\s+age\b/i,
    searchWords: "aged years old",
    frameWords: new Set(),
  },
];

/** The measure a question asks for, if it asks for a sum, an area, a duration or an age. */
export function measureAsked(question: string): Measure | undefined {
  return MEASURES.find((measure) => measure.asked.test(question));
}

// "What is the drone company called?" asks its name, as "what is the name of the drone company?" does; "what did
// Medvedev call Macron" and "what was he called by…" ask for a label someone gave.
const CALLED = /\bwhat(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+((?:the|that|this|those|these)\s+(?:[\p{L}\d'’-]+\s+){0,8}?[\p{L}\d'’-]+)\s+(?:actually\s+|officially\s+|now\s+)?called\s*[?.!]*\s*$/iu;

/** A question asking what a thing is called, worded as asking its name ("what is the name of the drone company?"); others as they are. */
export function asNameOf(question: string): string {
  return question.replace(CALLED, (_, thing: string) => `what is the name of ${thing}?`);
}

export function answerTypeOf(asked: string): AnswerType {
  const question = asNameOf(asked);
  if (QUANTITY_QUESTION.test(question)) return "quantity";
  if (TIME_QUESTION.test(question)) return "time";
  if (PLACE_QUESTION.test(question)) return "place";
  if (LABEL_QUESTION.test(question)) return "label";
  if (ROLE_QUESTION.test(question)) return "role";
  if (THING_NAMED.test(question)) return "name";
  if (PERSON_QUESTION.test(question)) return "person";
  if (ORGANISATION_QUESTION.test(question) || COUNTRY_QUESTION.test(question)) return "name";
  if (REASON_QUESTION.test(question)) return "reason";
  if (QUOTE_QUESTION.test(question)) return "quote";
  return null;
}

/** Whether a text holds something of the expected type (any text does when none is expected). */
export function hasAnswerType(text: string, type: AnswerType): boolean {
  if (type === "quantity") return QUANTITY.test(text);
  if (type === "time") return TIME.test(text);
  if (type === "place") return PLACE.test(text);
  if (type === "quote") return DIRECT_QUOTE.test(text);
  if (type === "label") return LABEL.test(text);
  if (type === "person") return PERSON.test(text);
  if (type === "reason") return REASON.test(text);
  if (type === "name") return NAME.test(text);
  if (type === "role") return ROLE.test(text);
  return true;
}

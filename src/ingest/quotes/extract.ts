import { splitSentences, type Span } from "../../text/sentences.js";
import { REPORTING_VERBS } from "../../text/speechVerbs.js";
import type { Article, ArticleSpan } from "../../types.js";
import { officeBefore, readSubject, type Subject } from "./names.js";

/** Who a quote is attributed to, as the article words it. */
export type Attribution =
  | { kind: "named"; name: string; role: string | null }
  | { kind: "anonymous"; description: string }
  | { kind: "role"; role: string };

/** A quote as found in one article, before speakers are merged across articles. */
export interface RawQuote extends ArticleSpan {
  kind: "direct" | "reported";
  speaker: Attribution;
  /** Roles the article gives the speaker in an appositive ("Grushko, the deputy foreign minister,"). */
  appositiveRole: string | null;
}

const VERBS = [
  ...REPORTING_VERBS, "adds", "tells", "writes", "stressed", "argued", "charged", "concluded", "claimed", "insisted", "noted",
  "explained", "confirmed", "continued", "announced", "dismissed", "mocked", "implied", "suggested", "indicated", "clarified",
  "reiterated", "thanked", "cautioned", "accused", "branded", "reported",
].join("|");
const POSTPOSED = new RegExp(String.raw`^\s*,?\s*([^.;:!?]{1,90}?)\s+(?:${VERBS})\b`, "u");
const INVERTED = new RegExp(String.raw`^\s*,?\s*(?:said|says|added)\s+([^.,;:!?]{1,60})`, "u");
const SPEECH_VERB = new RegExp(String.raw`\s+(?:(?:who|has|had|have|also|meanwhile|further|\p{L}+ly)\s+)*(?:${VERBS})\b(?!\s+to\b)`, "gu");
const ACCORDING = /\baccording to ((?:the )?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*){0,3})/u;
const MIN_QUOTE_WORDS = 4;
/** A closed quote shorter than this, with no sentence inside, is a phrase within reported speech. */
const MIN_SPOKEN_WORDS = 8;
// Adverbial openings ("On Monday,", "Speaking on Thursday,") never hold the speaker.
const ADVERBIAL = /^(in|on|at|after|before|following|speaking|commenting|discussing|reiterating|during|earlier|later|last|this|when|while|despite|amid)\b/i;

interface QuoteSpan {
  start: number;
  end: number;
  closed: boolean;
}

/** Direct quotations in one paragraph (relative offsets); an unclosed one runs to its end. */
function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    // Pages mix straight and curly double quotes, so either double mark closes a double quote.
    const closers = char === "“" || char === '"' ? "”\"" : char === "‘" ? "’" : null;
    if (closers === null) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length) {
      const candidate = text[j] ?? "";
      // A curly ’ between two letters is an apostrophe, not the end of the quote.
      const apostrophe = candidate === "’" && /\p{L}/u.test(text[j - 1] ?? "") && /\p{L}/u.test(text[j + 1] ?? "");
      if (closers.includes(candidate) && !apostrophe) break;
      j++;
    }
    const closed = j < text.length;
    spans.push({ start: i, end: closed ? j + 1 : text.length, closed });
    i = closed ? j + 1 : text.length;
  }
  return spans.filter((span) => {
    const quoted = text.slice(span.start, span.end);
    const wordCount = quoted.split(/\s+/).length;
    if (wordCount < MIN_QUOTE_WORDS) return false;
    // ‘coalition of the willing’, ‘dividing up certain assets’: a phrase, not a statement.
    const phrase = span.closed && wordCount < MIN_SPOKEN_WORDS && !/[.!?,]/.test(quoted.slice(1, -1));
    return !phrase;
  });
}

/** Replaces quoted text by spaces so speech verbs inside a quote are not read as attribution. */
function mask(text: string, spans: QuoteSpan[]): string {
  let masked = text;
  for (const span of spans) {
    masked = masked.slice(0, span.start + 1) + " ".repeat(Math.max(0, span.end - span.start - 2)) + masked.slice(span.end - 1);
  }
  return masked;
}

/** Picks the speaker out of a subject phrase that may carry adverbials and appositives. */
function subjectOf(phrase: string): { subject: Subject; appositive: string | null } | null {
  const parts = phrase
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !/^(who|which|whose|where)\b/i.test(part) && !ADVERBIAL.test(part));
  // The phrase next to the verb is the speaker ("…western Russia, Russian officials said"),
  // unless it is an appositive after a name ("Grushko, the deputy foreign minister, said").
  let chosen: Subject | null = null;
  let appositive: string | null = null;
  for (const [index, part] of parts.entries()) {
    // "Mr Trump’s special envoy to Ukraine and Russia, retired Lt Gen Keith Kellogg": the office before the comma is his.
    const read = readSubject(part);
    const office = read?.kind === "named" && index > 0 ? officeBefore(parts[index - 1] as string) : null;
    const subject = read?.kind === "named" && office !== null ? { ...read, role: office } : read;
    if (subject === null) continue;
    const strong = subject.kind === "named" || subject.kind === "pronoun";
    const chosenStrong = chosen?.kind === "named" || chosen?.kind === "pronoun";
    if (chosen !== null && chosenStrong && !strong && /^(a|an|the|one of)\s/i.test(part)) {
      appositive = part.toLowerCase().replace(/^(a|an|the)\s+/, "");
    } else {
      chosen = subject;
    }
  }
  return chosen ? { subject: chosen, appositive } : null;
}

interface Found {
  subject: Subject;
  appositive: string | null;
}

/** The attribution a sentence makes, reading around the quotes it holds. */
function attributionIn(sentence: string, quotes: QuoteSpan[]): Found | null {
  const masked = mask(sentence, quotes);
  for (const quote of quotes.filter((span) => span.closed)) {
    const after = masked.slice(quote.end);
    const inverted = INVERTED.exec(after);
    if (inverted?.[1]) {
      const found = subjectOf(inverted[1]);
      if (found) return found;
    }
    const postposed = POSTPOSED.exec(after);
    if (postposed?.[1]) {
      const found = subjectOf(postposed[1]);
      if (found) return found;
    }
  }
  const firstQuote = quotes[0]?.start;
  // Before a quote the nearest speech verb introduces it ("…, while Macron has said ‘…’");
  // in reported speech the first one does ("Putin has said Ukraine must…").
  const before = firstQuote === undefined ? masked : masked.slice(0, firstQuote);
  const verbs = [...before.matchAll(SPEECH_VERB)];
  const verb = firstQuote === undefined ? verbs[0] : verbs[verbs.length - 1];
  if (verb?.index !== undefined && verb.index > 0) {
    const found = subjectOf(before.slice(0, verb.index).replace(/\s+(by|while|whereas)\s+/g, ", "));
    if (found) return found;
  }
  const according = ACCORDING.exec(masked);
  if (according?.[1]) {
    const subject = readSubject(according[1]);
    if (subject && subject.kind !== "pronoun") return { subject, appositive: null };
  }
  return null;
}

function toAttribution(subject: Subject, last: Attribution | null): Attribution | null {
  if (subject.kind === "pronoun") return last;
  return subject;
}

/**
 * Extracts direct quotes (straight or curly, across paragraphs) and reported speech from an
 * article, attributing each to a speaker: the one named in the sentence, else the last one
 * named for continuation paragraphs and pronouns. Anonymous sources stay anonymous.
 */
export function extractQuotes(article: Article): RawQuote[] {
  const quotes: RawQuote[] = [];
  let last: Attribution | null = null;
  let lastSection = -1;
  let openQuote = false;

  for (const paragraph of article.paragraphs) {
    if (paragraph.section !== lastSection) {
      last = null;
      openQuote = false;
      lastSection = paragraph.section;
    }
    // "He said" reaches back one paragraph at most: further back, who "he" is is a guess.
    const carried: Attribution | null = last;
    last = null;
    const text = article.text.slice(paragraph.start, paragraph.end);
    const spans = findQuoteSpans(text);
    const sentences: Span[] = splitSentences(text);
    const continuesQuote = openQuote || (spans[0]?.start === 0 && /^[“‘"]/u.test(text));
    let paragraphSpeaker: Attribution | null = null;
    let paragraphAppositive: string | null = null;

    const attributions = sentences.map((sentence) => {
      const local = spans
        .filter((span) => span.start < sentence.end && span.end > sentence.start)
        .map((span) => ({ start: Math.max(0, span.start - sentence.start), end: Math.min(sentence.end, span.end) - sentence.start, closed: span.end <= sentence.end && span.closed }));
      const found = attributionIn(text.slice(sentence.start, sentence.end), local);
      if (!found) return null;
      const attribution = toAttribution(found.subject, paragraphSpeaker ?? carried);
      if (attribution && paragraphSpeaker === null) {
        paragraphSpeaker = attribution;
        paragraphAppositive = found.appositive;
      }
      return attribution;
    });

    const speakerFor = (start: number, end: number): Attribution | null => {
      // A quote is attributed by a sentence it overlaps, else the sentence right after it.
      for (let i = 0; i < sentences.length; i++) {
        const sentence = sentences[i] as Span;
        if (sentence.end > start && sentence.start < end && attributions[i]) return attributions[i] as Attribution;
      }
      const next = sentences.findIndex((sentence) => sentence.start >= end);
      if (next >= 0 && attributions[next]) return attributions[next] as Attribution;
      // A quote before any attribution in a paragraph that continues a quote is the last speaker's.
      const attributedBefore = sentences.some((sentence, i) => sentence.end <= start && attributions[i]);
      if (!attributedBefore && (continuesQuote || start === 0)) return carried;
      return paragraphSpeaker;
    };

    const record = (span: Span, kind: RawQuote["kind"], speaker: Attribution) =>
      quotes.push({
        articleId: article.id,
        section: paragraph.section,
        start: paragraph.start + span.start,
        end: paragraph.start + span.end,
        text: text.slice(span.start, span.end),
        kind,
        speaker,
        appositiveRole: paragraphAppositive,
      });
    for (const span of spans) {
      const speaker = speakerFor(span.start, span.end);
      if (speaker) record(span, "direct", speaker);
    }
    // Reported speech: an attributed sentence without a quotation of its own.
    sentences.forEach((sentence, index) => {
      const attribution = attributions[index];
      const quoted = spans.some((span) => span.start < sentence.end && span.end > sentence.start);
      if (attribution && !quoted) record(sentence, "reported", attribution);
    });

    last = paragraphSpeaker ?? (spans.length > 0 && continuesQuote ? carried : null);
    const lastSpan = spans[spans.length - 1];
    openQuote = lastSpan !== undefined && !lastSpan.closed;
  }
  return quotes;
}

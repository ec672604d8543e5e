import type { QuestionPart } from "../question/analyse.js";
import type { Coverage } from "../retrieve/coverage.js";
import type { PassageReader } from "../retrieve/passageText.js";
import type { Citation, Passage, RetrievedPassage } from "../types.js";
import { composeAnswer, DEFAULT_COMPOSE } from "./compose.js";
import { citationOf, type ArticleLookup } from "./sources.js";
import type { PartAnswer } from "./combine.js";
import { answersInKind, CONFIDENCE } from "./judge.js";

/** Articles shown side by side at most: more does not fit a chat message. */
const MAX_VERSIONS = 4;
/** Longest headline shown to name an article that has no outlet. */
const LABEL_CHARS = 60;

export interface CompareContext {
  coverage: Coverage;
  /** How many passages to cite at most (more when more articles answer). */
  k: number;
  /** Whether a passage is about whom and what the question names. */
  onSubject: (passage: Passage) => boolean;
  /** Share of the question's topic (see `topicConcepts`) that a sentence holds. */
  topic: (sentence: string) => number;
  read: PassageReader;
  describe: ArticleLookup;
  idf: (term: string) => number;
}

function label(citation: Pick<Citation, "outlet" | "title">): string {
  if (citation.outlet) return citation.outlet;
  const title = citation.title.length > LABEL_CHARS ? `${citation.title.slice(0, LABEL_CHARS).replace(/\s+\S*$/, "")}…` : citation.title;
  return `“${title}”`;
}

/**
 * "How do the reports differ on…", "what figures do the outlets give for…": each article's
 * best passage on the topic, its answering sentence quoted under the article's name. `high`
 * when at least two articles answer, `low` when only one comes close.
 */
export function compareArticles(part: QuestionPart, retrieved: readonly RetrievedPassage[], context: CompareContext): PartAnswer {
  const byArticle = new Map<string, RetrievedPassage[]>();
  for (const item of retrieved) {
    const list = byArticle.get(item.passage.articleId);
    if (list) list.push(item);
    else byArticle.set(item.passage.articleId, [item]);
  }
  const versions: Array<{ text: string; coverage: number; typed: boolean; item: RetrievedPassage }> = [];
  for (const items of byArticle.values()) {
    const composed = composeAnswer(part.text, items, {
      idf: context.idf,
      article: context.describe,
      maxQuotedPassages: 1,
      maxAnswerChars: DEFAULT_COMPOSE.maxAnswerChars / 2,
      read: context.read,
      coverage: context.coverage,
      type: part.type,
      holdsAnswer: (sentence) => answersInKind(part, sentence),
      onSubject: context.onSubject,
    });
    const lead = composed.lead;
    const item = lead === null ? undefined : items[lead.index];
    if (lead === null || item === undefined || lead.coverage < CONFIDENCE.noneBelow || !lead.onSubject) continue;
    // A figure must be a figure of the topic, not merely one near its names.
    if (part.type !== null && context.topic(lead.text) === 0) continue;
    versions.push({ text: lead.text, coverage: lead.coverage, typed: lead.typed, item });
  }
  // An article that gives no figure has no version of "what figures do they give".
  const typed = versions.filter((version) => version.typed);
  const shown = (typed.length > 0 ? typed : versions).slice(0, MAX_VERSIONS);
  if (shown.length === 0) return { question: part.text, confidence: "none", text: "The articles do not answer this question.", citations: [] };
  const citations = shown.map((version, index) => citationOf(version.item, index + 1, context.describe));
  const text = shown.map((version, index) => `${label(citations[index] as Citation)}: ${version.text} [${index + 1}]`).join("\n");
  // The other passages found stay listed, as "more passages", up to the citations asked for.
  const quoted = new Set(shown.map((version) => version.item));
  for (const item of retrieved) {
    if (citations.length >= Math.max(context.k, shown.length)) break;
    if (quoted.has(item)) continue;
    citations.push(citationOf(item, citations.length + 1, context.describe));
  }
  // The question's own words are mostly about comparing; what counts is that two articles answer in kind.
  const answering = shown.filter((version) => version.typed).length;
  return { question: part.text, confidence: answering >= 2 ? "high" : "low", text, citations };
}

import type { Quote } from "../../src/ingest/quotes/speakers.js";
import type { Located } from "../../src/quotes/locateQuotes.js";
import type { Passage, SourceRef } from "../../src/types.js";

/** Hand-made passages and quotes for the steps of a quote answer. */

export function passage(articleId: string, start: number, text: string): Passage {
  return { id: `${articleId}#${start}`, articleId, section: 0, start, end: start + text.length, text };
}

/** A quote of `speakerId` whose words are `words`, found in the passage's text. */
export function quoteIn(from: Passage, words: string, speakerId = "person:x", kind: Quote["kind"] = "direct"): Quote {
  const at = from.text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in the passage`);
  return { id: `q${from.start + at}`, articleId: from.articleId, section: from.section, start: from.start + at, end: from.start + at + words.length, text: words, kind, speakerId };
}

/** A located quote whose sentences are its words. */
export function located(from: Passage, words: string, relevance: number, onTopic = relevance): Located {
  return { quote: quoteIn(from, words), passage: from, sentences: words, onTopic, relevance };
}

export function cite(from: Passage): SourceRef {
  return { articleId: from.articleId, text: from.text, start: from.start, end: from.end, title: `Title ${from.articleId}`, outlet: null, published: null, url: null };
}

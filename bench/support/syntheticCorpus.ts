import { isContinuation } from "../../src/ingest/chunk.js";
import { endsLikeSentence, splitSentences } from "../../src/text/sentences.js";
import type { Article } from "../../src/types.js";

/**
 * Synthetic benchmark corpora: seed sentences recombined into new paragraphs, deterministically,
 * so a 100k-passage archive can be measured without 100k real articles. Every file says it is
 * synthetic in its name and headline; they are written to a temporary folder, never to seeds/.
 */

/** Every synthetic headline starts with this, so a reader (or an embedder) can tell them apart. */
export const SYNTHETIC_HEADLINE_PREFIX = "Synthetic benchmark text";
/** Bump when the same options would generate different text. */
export const GENERATOR_VERSION = 1;

/** mulberry32: a small, fast, seedable PRNG with a 2^32 period, returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units: a stable seed for per-text randomness. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const MIN_SENTENCE_WORDS = 4;

/**
 * The distinct body sentences of the articles, cut by the engine's own sentence splitter, in
 * the order first seen. Only whole sentences (ending like one, four words or more) are kept.
 */
export function seedSentences(articles: readonly Article[]): string[] {
  const seen = new Set<string>();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const text = article.text.slice(paragraph.start, paragraph.end);
      for (const span of splitSentences(text)) {
        const sentence = text.slice(span.start, span.end);
        if (sentence.split(/\s+/).length >= MIN_SENTENCE_WORDS && endsLikeSentence(sentence)) seen.add(sentence);
      }
    }
  }
  return [...seen];
}

export interface SyntheticOptions {
  /** How many paragraphs (one passage each once chunked) to generate. */
  paragraphs: number;
  seed?: number;
  paragraphsPerArticle?: number;
  /** A paragraph grows until it is at least this long… */
  minChars?: number;
  /** …and never past this, so the chunker neither merges nor splits it. */
  maxChars?: number;
}

export interface SyntheticArticle {
  id: string;
  fileName: string;
  text: string;
  paragraphs: number;
}

const DEFAULTS = { seed: 20250317, paragraphsPerArticle: 20, minChars: 240, maxChars: 880 };

/**
 * Generates articles of recombined sentences. A paragraph opens with a sentence that does not
 * continue an earlier speaker's quote (so the chunker keeps it as its own passage) and takes
 * random sentences until it is `minChars` long. The same sentences and options always give the
 * same articles.
 */
export function generateSyntheticArticles(sentences: readonly string[], options: SyntheticOptions): SyntheticArticle[] {
  const { seed, paragraphsPerArticle, minChars, maxChars } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(options.paragraphs) || options.paragraphs < 0) {
    throw new RangeError(`paragraphs must be a whole number ≥ 0, got ${options.paragraphs}`);
  }
  const pool = sentences.filter((sentence) => sentence.length <= maxChars);
  const openers = pool.filter((sentence) => !isContinuation(sentence));
  if (openers.length === 0) throw new Error("No seed sentence can open a synthetic paragraph.");
  const random = seededRandom(seed);
  const pick = (from: readonly string[]) => from[Math.floor(random() * from.length)] as string;

  const paragraph = (): string => {
    const parts = [pick(openers)];
    let length = (parts[0] as string).length;
    for (let tries = 0; length < minChars && tries < 50; tries++) {
      const next = pick(pool);
      if (length + 1 + next.length > maxChars) continue;
      parts.push(next);
      length += 1 + next.length;
    }
    return parts.join(" ");
  };

  const articles: SyntheticArticle[] = [];
  for (let made = 0; made < options.paragraphs; made += paragraphsPerArticle) {
    const number = articles.length + 1;
    const id = `synthetic-${String(number).padStart(6, "0")}`;
    const count = Math.min(paragraphsPerArticle, options.paragraphs - made);
    const body = Array.from({ length: count }, paragraph);
    const headline = `${SYNTHETIC_HEADLINE_PREFIX} ${number}, recombined from seed sentences, not a real article`;
    articles.push({ id, fileName: `${id}.txt`, text: `${headline}\n\n${body.join("\n\n")}\n`, paragraphs: count });
  }
  return articles;
}

/**
 * Shared types of the answer engine. Nothing here imports discord.js or any model runtime:
 * the Discord bot, the CLI and the scripts all speak in these terms.
 */

/** Metadata a sidecar `<id>.json` may give; never guessed when absent. */
export interface ArticleMeta {
  title?: string;
  outlet?: string;
  /** ISO date (YYYY-MM-DD or a full ISO timestamp). */
  published?: string;
  url?: string;
}

/** A part of an article file with its own headline (most files have exactly one). */
export interface Section {
  index: number;
  title: string;
  /** A kicker such as "RUSSIAN PERSPECTIVE" printed above the headline, when present. */
  label: string | null;
  start: number;
  end: number;
}

/** A paragraph of body text that survived furniture cleaning, with its offsets in the file. */
export interface Paragraph {
  section: number;
  start: number;
  end: number;
}

/** One article file, parsed. */
export interface Article extends ArticleDescription {
  id: string;
  /** File name inside the articles folder. */
  file: string;
  /** The file's full text exactly as read; all offsets point into it. */
  text: string;
  /** sha256 of the file bytes plus its sidecar, used to skip unchanged articles. */
  hash: string;
  sections: Section[];
  paragraphs: Paragraph[];
}

/** Text of one article section at `[start, end)`: `article.text.slice(start, end) === text`. */
export interface ArticleSpan {
  articleId: string;
  section: number;
  start: number;
  end: number;
  text: string;
}

/** A retrievable unit of text. */
export interface Passage extends ArticleSpan {
  id: string;
}

/** Someone the articles name in full with a role, quoted or not ("US special envoy Steve Witkoff"). */
export interface RoleHolder {
  name: string;
  roles: string[];
}

/** A problem with one input file that did not stop the others from being indexed. */
export interface IngestWarning {
  file: string;
  problem: string;
}

/** Turns text into vectors. Implementations are chosen in one wiring place. */
export interface Embedder {
  /** Stable identifier recorded in the index manifest, e.g. `transformers:Xenova/all-MiniLM-L6-v2`. */
  readonly id: string;
  readonly dimensions: number;
  /** Returns one L2-normalised vector per input, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** What a source list shows of an article (of one section, when a file holds several). */
export interface ArticleDescription {
  title: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

/** Where a passage came from, as shown in a source list. */
export interface SourceRef extends ArticleDescription {
  articleId: string;
  text: string;
  start: number;
  end: number;
  /** For a quote reported by several outlets: this outlet's wording, when it differs. */
  wording?: string;
}

export interface Citation extends SourceRef {
  n: number;
  score: number;
  /** Whether the answer text quotes this passage ([n] appears in it); the rest are "More passages". */
  cited: boolean;
  /** The same passage as reported by other articles (near-duplicates merged into this one). */
  alsoReportedBy: SourceRef[];
}

/**
 * How sure the engine is that the articles answer the question:
 * `high`: answered from the passages shown; `low`: they may not answer exactly, the closest
 * passages are shown; `none`: nothing in the articles is about it, no citations.
 */
export type Confidence = "high" | "low" | "none";

export interface Answer {
  question: string;
  /** The question as the engine read it (spelling, chat abbreviations), when that differs. */
  correctedQuestion?: string;
  /** `confidence === "high"`. */
  answered: boolean;
  confidence: Confidence;
  /** Verbatim sentences each followed by its [n] marker, or a plain statement when not answered. */
  answer: string;
  citations: Citation[];
}

export interface AskOptions {
  /** How many passages to cite at most. */
  k?: number;
  outlet?: string;
  articleId?: string;
}

/**
 * One thing a question asks about: a word, a name, a place or a role, with the ways a passage
 * may say it. "Moscow" may be said "Moscow", "Russia" or "the Kremlin"; "the Kremlin
 * spokesman" may be said "Peskov".
 */
export interface Concept {
  /** The question's own words for it. */
  text: string;
  /** Content terms a passage must hold, all of one list; the first list is the question's own wording. */
  alternatives: string[][];
  /**
   * `word`: an ordinary word. `name`: a person or thing the answer must be about ("Grushko",
   * "Kursk", "Anduril", a role held by a person). `place`: a country, capital, demonym or
   * institution ("Moscow", "Polish", "No 10"). `descriptor`: a capitalised word that only
   * describes ("Western"). Places and descriptors set the scene: the answer's article must
   * mention them, the answering passage need not.
   */
  kind: "word" | "name" | "place" | "descriptor";
  /** Whether the articles use it (any alternative) at all. */
  known: boolean;
}

/** A retrieved passage with its fused score, before answer composition. */
export interface RetrievedPassage {
  passage: Passage;
  score: number;
  denseScore: number;
  keywordScore: number;
  duplicates: Passage[];
}

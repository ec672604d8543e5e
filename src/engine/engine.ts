import { composeAnswer, bestCoverage, DEFAULT_COMPOSE } from "../answer/compose.js";
import { unknownNames } from "../answer/abstain.js";
import { UserError } from "../errors.js";
import type { LoadedIndex } from "../index/indexStore.js";
import type { ArticleRecord } from "../index/manifest.js";
import { mergeNearDuplicates } from "../retrieve/dedupe.js";
import { denseSearch } from "../retrieve/dense.js";
import { fuseScores } from "../retrieve/fusion.js";
import { passageReader, type ForwardIndex, type PassageReader } from "../retrieve/passageText.js";
import { rerank } from "../retrieve/rerank.js";
import { answerFromQuotes } from "../quotes/answerFromQuotes.js";
import { matchSpeakers, parseSpeakerQuestion } from "../quotes/speakerQuestion.js";
import type { Quote, Speaker } from "../quotes/speakers.js";
import type { Answer, AskOptions, Embedder, Passage, RetrievedPassage } from "../types.js";

export const MAX_QUESTION_CHARS = 500;
export const DEFAULT_K = 5;
export const MAX_K = 20;
/** Candidates each retriever contributes before fusion. */
const CANDIDATES = 30;
/**
 * Below this share of the question's weighted terms in any retrieved sentence, the articles
 * do not answer the question. Calibrated on the dev set (see README, "Evaluation").
 */
export const MIN_COVERAGE = 0.34;

/** Checks a question at the edge; the message says what is wrong and how to fix it. */
export function validateQuestion(question: string): string {
  const trimmed = question.trim();
  if (trimmed === "") throw new UserError("QUESTION_EMPTY", "The question is empty. Ask something, e.g. \"What did Grushko say?\"");
  if (trimmed.length > MAX_QUESTION_CHARS) {
    throw new UserError(
      "QUESTION_TOO_LONG",
      `The question is ${trimmed.length} characters long; the limit is ${MAX_QUESTION_CHARS}. Shorten it.`,
    );
  }
  return trimmed;
}

/** The retrieval and answer core: an index plus the encoder that built it. No I/O, no Discord. */
export class Engine {
  private readonly articles: Map<string, ArticleRecord>;
  private readonly rowsById: Map<string, number>;
  private readonly forward: ForwardIndex | undefined;
  /** Positions in the quote index of each speaker's quotes, ascending. */
  private readonly quotesBySpeaker = new Map<string, number[]>();

  constructor(
    readonly index: LoadedIndex,
    private readonly embedder: Embedder,
  ) {
    if (embedder.id !== index.manifest.encoder.id) {
      throw new UserError(
        "ENCODER_MISMATCH",
        `The index was built with ${index.manifest.encoder.id} but the loaded encoder is ${embedder.id}. ` +
          "Re-index with: npm run index -- --rebuild",
      );
    }
    this.articles = new Map(index.manifest.articles.map((record) => [record.id, record]));
    this.rowsById = new Map(index.passages.map((passage, row) => [passage.id, row]));
    const { tokens, passages } = index;
    const rowOf = (passage: Passage) => {
      const row = this.rowsById.get(passage.id);
      // Only the index's own passage objects are what the forward index tokenised.
      return row !== undefined && passages[row] === passage ? row : undefined;
    };
    this.forward = tokens ? { tokens, rowOf } : undefined;
    index.quotes.quotes.forEach((quote, position) => {
      const positions = this.quotesBySpeaker.get(quote.speakerId);
      if (positions) positions.push(position);
      else this.quotesBySpeaker.set(quote.speakerId, [position]);
    });
  }

  get encoderId(): string {
    return this.embedder.id;
  }

  /** The indexed articles, in file order. */
  sources(): ArticleRecord[] {
    return this.index.manifest.articles;
  }

  /** Distinct outlet names known to the index, for filters and autocomplete. */
  outlets(): string[] {
    return [...new Set(this.sources().flatMap((record) => (record.outlet ? [record.outlet] : [])))].sort();
  }

  private allowedRows(options: AskOptions): number[] | undefined {
    if (options.outlet === undefined && options.articleId === undefined) return undefined;
    const outlet = options.outlet?.trim().toLowerCase();
    if (outlet !== undefined && !this.sources().some((record) => record.outlet?.toLowerCase() === outlet)) {
      const known = this.outlets();
      throw new UserError(
        "UNKNOWN_OUTLET",
        `No indexed article is from the outlet "${options.outlet}". ` +
          (known.length > 0 ? `Known outlets: ${known.join(", ")}.` : "No article has an outlet yet; add one in a sidecar <id>.json."),
      );
    }
    if (options.articleId !== undefined && !this.articles.has(options.articleId)) {
      throw new UserError("UNKNOWN_ARTICLE", `No indexed article has the id "${options.articleId}". List them with /sources or the index manifest.`);
    }
    const rows: number[] = [];
    this.index.passages.forEach((passage, row) => {
      const record = this.articles.get(passage.articleId);
      if (outlet !== undefined && record?.outlet?.toLowerCase() !== outlet) return;
      if (options.articleId !== undefined && passage.articleId !== options.articleId) return;
      rows.push(row);
    });
    return rows;
  }

  /** Hybrid retrieval: dense and BM25 rankings fused, near-duplicates merged, best first. */
  async retrieve(question: string, options: AskOptions = {}): Promise<RetrievedPassage[]> {
    return this.retrieveWith(question, options, passageReader(this.forward));
  }

  private async retrieveWith(question: string, options: AskOptions, read: PassageReader): Promise<RetrievedPassage[]> {
    const k = Math.min(options.k ?? DEFAULT_K, MAX_K);
    const rows = this.allowedRows(options);
    const [queryVector] = await this.embedder.embed([question]);
    if (!queryVector) throw new Error("The encoder returned no vector for the question.");
    const { passages, vectors, manifest, keywords } = this.index;
    const dense = denseSearch(vectors, manifest.encoder.dimensions, queryVector, CANDIDATES, rows);
    const allowedIds = rows ? new Set(rows.map((row) => (passages[row] as Passage).id)) : undefined;
    const keyword = keywords.query(question, CANDIDATES, allowedIds);

    const denseScores = new Map(dense.map((hit) => [(passages[hit.row] as Passage).id, hit.score]));
    const keywordScores = new Map(keyword.map((hit) => [hit.id, hit.score]));
    const fused = fuseScores(denseScores, keywordScores);
    const ranked: RetrievedPassage[] = fused.map(({ id, score }) => ({
      passage: passages[this.rowsById.get(id) as number] as Passage,
      score,
      denseScore: denseScores.get(id) ?? 0,
      keywordScore: keywordScores.get(id) ?? 0,
      duplicates: [],
    }));
    const reranked = rerank(question, ranked, (term) => keywords.idf(term), read);
    return mergeNearDuplicates(reranked, { limit: k, read });
  }

  /** Answers a question from the articles, or says plainly that they do not answer it. */
  async ask(rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    const { keywords } = this.index;
    const idf = (term: string) => keywords.idf(term);

    const missing = unknownNames(question, (word) => keywords.mentions(word));
    if (missing.length > 0) {
      return this.notCovered(question, `The articles do not mention ${missing.join(" ")}.`);
    }
    const read = passageReader(this.forward);
    const retrieved = await this.retrieveWith(question, options, read);
    const quoted = this.answerFromSpeakers(question, retrieved, options, read);
    if (quoted) return quoted;
    if (retrieved.length === 0 || bestCoverage(question, retrieved, idf, read) < MIN_COVERAGE) {
      return this.notCovered(question, "The articles do not answer this question.");
    }
    const answer = composeAnswer(question, retrieved, {
      idf,
      article: (articleId, section) => this.describe(articleId, section),
      ...DEFAULT_COMPOSE,
      read,
    });
    return answer.answered ? answer : this.notCovered(question, "The articles do not answer this question.");
  }

  /** Who-said-what questions are answered from the quote index when it knows the speaker. */
  private answerFromSpeakers(question: string, retrieved: RetrievedPassage[], options: AskOptions, read: PassageReader): Answer | null {
    const parsed = parseSpeakerQuestion(question);
    if (!parsed) return null;
    const speakers = matchSpeakers(parsed.who, this.index.quotes.speakers);
    if (speakers.length === 0) return null;
    const allowed = new Set(this.allowedArticleIds(options));
    const quotes = this.quotesOf(speakers).filter((quote) => allowed.has(quote.articleId));
    const answer = answerFromQuotes(question, parsed.topic, speakers, quotes, {
      passages: this.index.passages,
      describe: (articleId, section) => this.describe(articleId, section),
      idf: (term) => this.index.keywords.idf(term),
      k: Math.min(options.k ?? DEFAULT_K, MAX_K),
      retrieved,
      maxAnswerChars: DEFAULT_COMPOSE.maxAnswerChars,
      read,
    });
    return answer?.answered ? answer : null;
  }

  private allowedArticleIds(options: AskOptions): string[] {
    const outlet = options.outlet?.trim().toLowerCase();
    return this.sources()
      .filter((record) => (outlet === undefined || record.outlet?.toLowerCase() === outlet) && (options.articleId === undefined || record.id === options.articleId))
      .map((record) => record.id);
  }

  /** Everyone the articles quote, most quoted first. */
  speakers(): Speaker[] {
    return this.index.quotes.speakers;
  }

  /** A speaker's quotes in article order, for listing them (e.g. Discord's /quote). */
  quotesBy(speakerId: string): Quote[] {
    return this.quotesOf([{ id: speakerId }]);
  }

  /** The speakers' quotes in the quote index's order. */
  private quotesOf(speakers: ReadonlyArray<Pick<Speaker, "id">>): Quote[] {
    const positions = speakers.flatMap((speaker) => this.quotesBySpeaker.get(speaker.id) ?? []);
    if (speakers.length > 1) positions.sort((a, b) => a - b);
    return positions.map((position) => this.index.quotes.quotes[position] as Quote);
  }

  private notCovered(question: string, reason: string): Answer {
    const titles = this.sources().map((record) => record.title);
    const shown = titles.slice(0, 5).map((title) => `"${title}"`).join("; ");
    const more = titles.length > 5 ? ` and ${titles.length - 5} more` : "";
    return {
      question,
      answered: false,
      answer: `${reason} The ${titles.length} indexed article${titles.length === 1 ? "" : "s"} cover: ${shown}${more}.`,
      citations: [],
    };
  }

  /** Title (of the section when a file holds several articles), outlet and date of a passage. */
  describe(articleId: string, section: number) {
    const record = this.articles.get(articleId);
    const sectionTitle = record?.sections.find((candidate) => candidate.index === section)?.title;
    return {
      title: sectionTitle || record?.title || articleId,
      outlet: record?.outlet ?? null,
      published: record?.published ?? null,
      url: record?.url ?? null,
    };
  }
}

import { combineParts, type PartAnswer } from "../answer/combine.js";
import { compareArticles } from "../answer/compare.js";
import { composeAnswer, DEFAULT_COMPOSE } from "../answer/compose.js";
import { citationOf, sourceRef } from "../answer/sources.js";
import { announcesOnly, answersInKind, CONFIDENCE, FRAME_WORDS, countsWhatIsNamed, namesTheDoer, judgeLead, judgeQuotes, namesWhichKind, onAnotherDay, refusal, saysWhatBefell, topicConcepts, unnamedSpeaker } from "../answer/judge.js";
import { UsageError, UserError } from "../errors.js";
import type { IndexContents } from "../index/contents.js";
import type { ArticleRecord } from "../index/manifest.js";
import { mergeNearDuplicates } from "../retrieve/dedupe.js";
import { fuseScores } from "../retrieve/fusion.js";
import { passageReader, type ForwardIndex, type PassageReader } from "../retrieve/passageText.js";
import { newestFirst } from "../retrieve/newest.js";
import { rerank } from "../retrieve/rerank.js";
import { asksForOrganisation, measureAsked } from "../retrieve/answerType.js";
import type { IndexStore } from "../retrieve/store.js";
import { contentTerms } from "../text/terms.js";
import { conceptCoverage, conceptHeld, conceptWeight, type Coverage } from "../retrieve/coverage.js";
import { answerFromQuotes } from "../quotes/answerFromQuotes.js";
import { matchSpeakers, parseSpeakerQuestion } from "../quotes/speakerQuestion.js";
import type { Quote, Speaker } from "../ingest/quotes/speakers.js";
import type { QuestionAnalyser, QuestionPart } from "../question/analyse.js";
import { outletsNamedIn } from "../question/outlets.js";
import type { Answer, ArticleDescription, AskOptions, Concept, Embedder, Passage, RetrievedPassage } from "../types.js";
import { visibleText } from "../util/visible.js";
import { buildAnalyser, personNameWords, placeNameWords } from "./lexicon.js";
import { SubjectCheck } from "./subject.js";

export const MAX_QUESTION_CHARS = 500;

/**
 * A "who" answer whose sentence covers less than this share of what the best-covering sentence
 * does was chosen for naming someone, not for saying the thing asked: "Who is the Western
 * official who said…" is not answered by a sentence naming Putin when the sentence quoting the
 * official names no one.
 */
const OUTCOVERED = 0.5;
export const DEFAULT_K = 5;
export const MAX_K = 20;
/** Candidates each retriever contributes before fusion. */
const CANDIDATES = 30;
/** What a question in another language is told. */
const IN_ENGLISH = "The indexed articles are in English, and I can only read questions in English. Ask, for example, “What did Grushko say?”";
/** Passages a comparison looks through for each article's version. */
const COMPARE_DEPTH = 20;
/** How many passages further on in its article a "which company" answer looks for the name. */
const NAMED_FURTHER_ON = 6;

export interface EngineOptions {
  /**
   * The articles not to cite now, asked before each question: those whose files changed or
   * were deleted since the index was built, whose passages no longer match the file.
   */
  withheldArticles?: () => Promise<ReadonlySet<string>>;
}

/** Checks a question at the edge; the message says what is wrong and how to fix it. */
export function validateQuestion(question: string): string {
  // A question of zero-width characters alone is as empty as one of spaces.
  const trimmed = visibleText(question).trim();
  if (trimmed === "") throw new UsageError("QUESTION_EMPTY", "The question is empty. Ask something, e.g. \"What did Grushko say?\"");
  if (trimmed.length > MAX_QUESTION_CHARS) {
    throw new UsageError(
      "QUESTION_TOO_LONG",
      `The question is ${trimmed.length} characters long; the limit is ${MAX_QUESTION_CHARS}. Shorten it.`,
    );
  }
  return trimmed;
}

/**
 * The retrieval and answer core: an index store plus the encoder that built its index. The
 * store ranks passages (in memory or in a database); everything above the two rankings happens
 * here, the same for every backend. No Discord.
 */
export class Engine {
  /** What the engine holds of the index: the store's contents. */
  readonly index: IndexContents;
  private readonly articles: Map<string, ArticleRecord>;
  private readonly rowsById: Map<string, number>;
  private readonly forward: ForwardIndex | undefined;
  private outletNames: string[] | undefined;
  private readonly subject: SubjectCheck;
  /** The words of the names of the people the articles quote or name with a role. */
  private readonly personWords: ReadonlySet<string>;
  /** Whether a word is part of the name of someone the articles quote or name with a role. */
  private readonly isPersonWord = (word: string): boolean => this.personWords.has(word);
  /** Words the articles write as places' names ("odesa"): no company's. */
  private readonly placeWords: ReadonlySet<string>;
  private readonly isPlaceWord = (word: string): boolean => this.placeWords.has(word);
  /** Made on the first question: it reads the whole vocabulary. */
  private questionAnalyser: QuestionAnalyser | undefined;

  /** Articles not cited now: their files changed or went since the index was built. */
  private withheld: ReadonlySet<string> = new Set();

  constructor(
    private readonly store: IndexStore,
    private readonly embedder: Embedder,
    private readonly options: EngineOptions = {},
  ) {
    const index = (this.index = store.contents);
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
    const personWords = (this.personWords = personNameWords(index));
    this.placeWords = placeNameWords(index, personWords);
    this.subject = new SubjectCheck(
      index.passages,
      (term) => index.keywords.idf(term),
      (concept) => concept.kind === "name" && concept.text.split(/\s+/).every((word) => personWords.has(word.toLowerCase())),
      (passage) => this.sectionTitle(passage.articleId, passage.section) || undefined,
    );
  }

  get encoderId(): string {
    return this.embedder.id;
  }

  /** The indexed articles, in file order. */
  sources(): ArticleRecord[] {
    return this.index.manifest.articles;
  }

  /** When the index this engine answers from was built (ISO time). */
  builtAt(): string {
    return this.index.manifest.builtAt;
  }

  /** Distinct outlet names known to the index, for filters and autocomplete (worked out once: an engine's index never changes). */
  outlets(): string[] {
    this.outletNames ??= [...new Set(this.sources().flatMap((record) => (record.outlet ? [record.outlet] : [])))].sort();
    return [...this.outletNames];
  }

  /** Asks which articles must not be cited now, before answering (see EngineOptions). */
  private async checkFreshness(): Promise<void> {
    if (this.options.withheldArticles) this.withheld = await this.options.withheldArticles();
  }

  private allowedRows(options: AskOptions): number[] | undefined {
    if (options.outlet === undefined && options.articleId === undefined && this.withheld.size === 0) return undefined;
    const outlet = options.outlet?.trim().toLowerCase();
    if (outlet !== undefined && !this.sources().some((record) => record.outlet?.toLowerCase() === outlet)) {
      const known = this.outlets();
      throw new UsageError(
        "UNKNOWN_OUTLET",
        `No indexed article is from the outlet "${options.outlet}". ` +
          (known.length > 0 ? `Known outlets: ${known.join(", ")}.` : "No article has an outlet yet; add one in a sidecar <id>.json."),
      );
    }
    if (options.articleId !== undefined && !this.articles.has(options.articleId)) {
      throw new UsageError("UNKNOWN_ARTICLE", `No indexed article has the id "${options.articleId}". List them with /sources or the index manifest.`);
    }
    const admits = this.articleFilter(options);
    const rows: number[] = [];
    this.index.passages.forEach((passage, row) => {
      if (admits(passage.articleId)) rows.push(row);
    });
    return rows;
  }

  /** Whether an article may be cited for these options: from the outlet and with the id asked for, and not withheld. */
  private articleFilter(options: AskOptions): (articleId: string) => boolean {
    const outlet = options.outlet?.trim().toLowerCase();
    return (articleId) =>
      (outlet === undefined || this.articles.get(articleId)?.outlet?.toLowerCase() === outlet) &&
      (options.articleId === undefined || articleId === options.articleId) &&
      !this.withheld.has(articleId);
  }

  /** Hybrid retrieval: dense and BM25 rankings fused, near-duplicates merged, best first. */
  async retrieve(question: string, options: AskOptions = {}): Promise<RetrievedPassage[]> {
    await this.checkFreshness();
    const part = this.analyser().analyse(validateQuestion(question)).parts[0] as QuestionPart;
    return this.retrieveWith(part, options, passageReader(this.forward));
  }

  private analyser(): QuestionAnalyser {
    this.questionAnalyser ??= buildAnalyser(this.index, this.personWords);
    return this.questionAnalyser;
  }

  private coverageOf(concepts: readonly Concept[]): Coverage {
    return conceptCoverage(concepts, (term) => this.index.keywords.idf(term));
  }

  private async retrieveWith(part: QuestionPart, options: AskOptions, read: PassageReader, depth?: number): Promise<RetrievedPassage[]> {
    const k = depth ?? Math.min(options.k ?? DEFAULT_K, MAX_K);
    const rows = this.allowedRows(options);
    const [queryVector] = await this.embedder.embed([part.searchText]);
    if (!queryVector) throw new Error("The encoder returned no vector for the question.");
    const { passages } = this.index;
    const allowedIds = rows ? new Set(rows.map((row) => (passages[row] as Passage).id)) : undefined;
    const [dense, keyword] = await Promise.all([
      this.store.denseTopK(queryVector, CANDIDATES, rows),
      this.store.keywordTopK(part.searchText, CANDIDATES, allowedIds),
    ]);

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
    const reranked = rerank(part, ranked, this.coverageOf(part.concepts), read);
    // "The latest on…": among the relevant passages, the newest article's first.
    const ordered = newestFirst(part.text, reranked, (articleId) => this.articles.get(articleId)?.published ?? null);
    return mergeNearDuplicates(ordered, { limit: k, read });
  }

  /**
   * Answers a question from the articles: part by part for a two-part question, article by
   * article for a comparison, with how sure it is (`high`, `low` with the closest passages, or
   * `none` when nothing in the articles is about it).
   */
  async ask(rawQuestion: string, asked: AskOptions = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    await this.checkFreshness();
    const analysed = this.analyser().analyse(question);
    // "What did the Evening Paper report about…" is answered from that outlet's articles, when the index knows it (two
    // outlets named are compared, from both).
    const named = asked.outlet === undefined && asked.articleId === undefined ? outletsNamedIn(analysed.corrected, this.outlets()) : [];
    const only = named.length === 1 ? named[0] : undefined;
    const options: AskOptions = only === undefined ? asked : { ...asked, outlet: only };
    const read = passageReader(this.forward);
    const k = Math.min(options.k ?? DEFAULT_K, MAX_K);
    const parts: PartAnswer[] = [];
    if (analysed.foreign) {
      parts.push({ question, confidence: "none", text: IN_ENGLISH, citations: [] });
    } else if (analysed.comparison) {
      parts.push(await this.compare(analysed.parts, options, read));
    } else {
      for (const part of analysed.parts) parts.push(await this.answerPart(part, options, read));
    }
    // Spacing alone ("OTAN ?" read as "OTAN?") is no correction worth showing.
    const changed = analysed.corrected.replace(/\s+/g, "") !== question.replace(/\s+/g, "");
    const answer = combineParts(question, parts, k, changed ? analysed.corrected : undefined);
    const explain = answer.confidence === "none" && parts.length === 1 && !analysed.foreign;
    return explain ? { ...answer, answer: this.coverageNote(answer.answer) } : answer;
  }

  private async answerPart(part: QuestionPart, options: AskOptions, read: PassageReader): Promise<PartAnswer> {
    const speaker = parseSpeakerQuestion(part.text);
    const refused = refusal(part, speaker, (word) => this.analyser().isUnknownWord(word));
    if (refused !== null) return notCovered(part, refused);
    const retrieved = await this.retrieveWith(part, options, read);
    // "What did Medvedev call Macron" asks for a label, which his quotes rarely hold.
    if (speaker && part.type !== "label") {
      const quoted = await this.answerFromSpeakers(part, speaker, retrieved, options, read);
      if (quoted) return quoted;
    }
    return this.answerFromSentences(part, speaker, retrieved, read);
  }

  /** A part answered from the retrieved passages' sentences: the one that best covers it leads, judged for how sure it is. */
  private answerFromSentences(part: QuestionPart, speaker: { who: string } | null, retrieved: RetrievedPassage[], read: PassageReader): PartAnswer {
    const names = part.concepts.filter((concept) => concept.kind !== "word");
    const asked = part.concepts.filter((concept) => concept.kind !== "word" || !FRAME_WORDS.has(concept.text.toLowerCase()));
    // "How much money has the West poured into Kyiv": a sum in the sentence answers "money" and "poured" in any words,
    // so a sentence counts as covering the question without them, or with them where it has them.
    const measure = measureAsked(part.text);
    const coverage =
      measure === undefined
        ? this.coverageOf(asked)
        : eitherCoverage(this.coverageOf(asked), this.coverageOf(asked.filter((concept) => concept.kind !== "word" || !measure.frameWords.has(concept.text.toLowerCase()))));
    const composed = composeAnswer(part.text, retrieved, {
      idf: (term) => this.index.keywords.idf(term),
      article: (articleId, section) => this.describe(articleId, section),
      ...DEFAULT_COMPOSE,
      read,
      coverage,
      type: part.type,
      holdsAnswer: (sentence) => answersInKind(part, sentence, this.isPersonWord, this.isPlaceWord),
      onSubject: this.subject.about(names, read),
    });
    const lead = composed.lead;
    if (lead === null || composed.bestCoverage < CONFIDENCE.noneBelow) return notCovered(part, "The articles do not answer this question.");
    // A quoted label given by the person asked about ("dismissed as “garbage”") is the topic's answer in any words.
    // The sentence before counts too: "The new contracts total nearly £30m" follows the one naming them.
    const leadTerms = new Set(contentTerms(`${lead.before} ${lead.text}`));
    // A word the articles never use ("characterise", "hurl") is the asker's own wording: no passage can hold it.
    const topicShareOf = (topicWords: Concept[]) => {
      const topic = topicWords.some((concept) => concept.known) ? topicWords.filter((concept) => concept.known) : topicWords;
      return topic.length === 0 || part.type === "label" ? 1 : this.coverageOf(topic)(leadTerms);
    };
    const topicShare = Math.max(topicShareOf(topicConcepts(part.concepts, part.type)), measure === undefined ? 0 : topicShareOf(topicConcepts(part.concepts, part.type, measure)));
    const outcovered = (part.type === "person" || part.type === "reason") && lead.coverage < OUTCOVERED * composed.bestCoverage;
    const holds = (concept: Concept) => conceptHeld(concept, leadTerms);
    const facts = { ...lead, holds, typed: lead.typed && !outcovered && countsWhatIsNamed(part, leadTerms, new Set(contentTerms(lead.text))) && namesTheDoer(part, leadTerms), topicShare, announced: announcesOnly(part.text, lead.text, part.type), kindNamed: namesWhichKind(part, leadTerms, lead.text, this.isPersonWord, this.isPlaceWord), otherDay: onAnotherDay(part.text, lead.text), befell: saysWhatBefell(part, leadTerms) };
    // "What did Denmark's prime minister say": an office the articles give no one has no words in them.
    const speakerMissing =
      speaker === null ? undefined : (this.analyser().unheldRoles(speaker.who)[0] ?? unnamedSpeaker(names, speaker.who, lead, (text) => this.analyser().peopleNamed(text)));
    // "Which company…" matched by "…signed a deal with an Anglo-American security firm": the article may name it further on.
    const leadPassage = retrieved[lead.index]?.passage;
    const named = part.type === "name" && !facts.kindNamed && asksForOrganisation(part.text) ? this.namedFurtherOn(part, leadPassage, read) : null;
    let { answer: text, citations } = composed;
    if (named !== null) {
      const at = retrieved.findIndex((item) => item.passage === named.passage);
      const n = at >= 0 ? at + 1 : citations.length + 1;
      if (at < 0) citations = [...citations, citationOf({ passage: named.passage, score: 0, denseScore: 0, keywordScore: 0, duplicates: [] }, n, (articleId, section) => this.describe(articleId, section))];
      // The matching sentence alone, then the one that names it: what follows the first is about something else.
      const first = leadPassage === undefined ? undefined : read(leadPassage).sentences.find((sentence) => lead.text.startsWith(sentence.text));
      text = `${first?.text ?? lead.text} [${lead.index + 1}] ${named.sentence} [${n}]`;
    }
    const judged = named === null ? facts : { ...facts, kindNamed: true, typed: true };
    const { confidence, doubt } = judgeLead(part, { ...judged, ...(speakerMissing === undefined ? {} : { speakerMissing }) }, (concept) => conceptWeight(concept, (term) => this.index.keywords.idf(term)));
    return { question: part.text, confidence, ...(doubt === null ? {} : { doubt }), text, citations };
  }

  /**
   * The first sentence after a passage, in the same article, that names the kind of thing a
   * "which company" question asks for and holds one of the question's own topic words ("deal",
   * or the "agreement" the articles write for it): "Britain’s agreement with Anduril will see…"
   * a few paragraphs after "Britain has signed a deal with an Anglo-American security firm".
   */
  private namedFurtherOn(part: QuestionPart, passage: Passage | undefined, read: PassageReader): { passage: Passage; sentence: string } | null {
    if (passage === undefined) return null;
    // What it must be about: the question's topic words or its names ("Britain’s agreement…" for "the UK").
    const topic = [...topicConcepts(part.concepts, part.type), ...part.concepts.filter((concept) => concept.kind !== "word")].filter((concept) => concept.known);
    const { passages } = this.index;
    const row = this.rowsById.get(passage.id);
    if (row === undefined || topic.length === 0) return null;
    for (let next = row + 1; next < passages.length && next <= row + NAMED_FURTHER_ON; next++) {
      const later = passages[next] as Passage;
      if (later.articleId !== passage.articleId || later.section !== passage.section || this.withheld.has(later.articleId)) break;
      for (const sentence of read(later).sentences) {
        const terms = sentence.terms;
        if (topic.some((concept) => conceptHeld(concept, terms)) && namesWhichKind(part, terms, sentence.text, this.isPersonWord, this.isPlaceWord)) {
          return { passage: later, sentence: sentence.text };
        }
      }
    }
    return null;
  }

  /** "How do the reports differ on…": each article's own version, side by side. */
  private async compare(parts: readonly QuestionPart[], options: AskOptions, read: PassageReader): Promise<PartAnswer> {
    const part = parts[0] as QuestionPart;
    const retrieved = await this.retrieveWith(part, options, read, COMPARE_DEPTH);
    const topic = topicConcepts(part.concepts, part.type);
    const topicCoverage = this.coverageOf(topic);
    return compareArticles(part, retrieved, {
      k: Math.min(options.k ?? DEFAULT_K, MAX_K),
      coverage: this.coverageOf(part.concepts),
      topic: (sentence) => (topic.length === 0 ? 1 : topicCoverage(new Set(contentTerms(sentence)))),
      onSubject: this.subject.about(part.concepts.filter((concept) => concept.kind !== "word"), read),
      read,
      describe: (articleId, section) => this.describe(articleId, section),
      idf: (term) => this.index.keywords.idf(term),
    });
  }

  /** Who-said-what questions are answered from the quote index when it knows the speaker. */
  private async answerFromSpeakers(
    part: QuestionPart,
    speaker: { who: string; topic: string },
    retrieved: RetrievedPassage[],
    options: AskOptions,
    read: PassageReader,
  ): Promise<PartAnswer | null> {
    const byRole = this.analyser().peopleNamed(speaker.who);
    const speakers = byRole.length > 0 ? byRole.flatMap((name) => matchSpeakers(name, this.index.quotes.speakers)) : matchSpeakers(speaker.who, this.index.quotes.speakers);
    if (speakers.length === 0) return null;
    const allowed = new Set(this.allowedArticleIds(options));
    const quotes = (await this.store.quotesOf(speakers.map((one) => one.id))).filter((quote) => allowed.has(quote.articleId));
    const topic = speaker.topic.toLowerCase();
    const onTopicConcepts = part.concepts.filter((concept) => topic.includes(concept.text.toLowerCase()));
    const answer = answerFromQuotes(
      part.text,
      speaker.topic,
      speakers,
      quotes,
      {
        passages: this.index.passages,
        cite: (passage) => sourceRef(passage, (articleId, section) => this.describe(articleId, section)),
        idf: (term) => this.index.keywords.idf(term),
        k: Math.min(options.k ?? DEFAULT_K, MAX_K),
        retrieved,
        maxAnswerChars: DEFAULT_COMPOSE.maxAnswerChars,
        read,
      },
      onTopicConcepts.length > 0 ? { terms: onTopicConcepts.flatMap((concept) => concept.alternatives.flat()), coverage: this.coverageOf(onTopicConcepts) } : undefined,
    );
    if (!answer?.answered) return null;
    const quoted = answer.citations.filter((citation) => answer.answer.includes(`[${citation.n}]`));
    const quotedTerms = new Set(quoted.flatMap((citation) => contentTerms(citation.text)));
    const { confidence, doubt } = judgeQuotes(part, {
      who: speakers[0]?.name ?? speaker.who,
      topic: speaker.topic,
      topicConcepts: onTopicConcepts,
      topicShare: answer.topicShare,
      quotedTerms,
      headlineTerms: new Set(quoted.flatMap((citation) => contentTerms(citation.title))),
      isPerson: (concept) => (concept.alternatives[0] ?? []).some(this.isPersonWord),
      otherDay: onAnotherDay(part.text, answer.answer),
    });
    return { question: part.text, confidence, ...(doubt === null ? {} : { doubt }), text: answer.answer, citations: answer.citations };
  }

  private allowedArticleIds(options: AskOptions): string[] {
    return this.sources()
      .map((record) => record.id)
      .filter(this.articleFilter(options));
  }

  /** Everyone the articles quote, most quoted first. */
  speakers(): Speaker[] {
    return this.index.quotes.speakers;
  }

  /** A speaker's quotes in article order, for listing them (e.g. Discord's /quote). */
  async quotesBy(speakerId: string): Promise<Quote[]> {
    return (await this.store.quotesOf([speakerId])).filter((quote) => !this.withheld.has(quote.articleId));
  }

  /** A "not covered" statement followed by what the articles do cover. */
  private coverageNote(reason: string): string {
    const titles = this.sources().map((record) => record.title);
    const shown = titles.slice(0, 5).map((title) => `"${title}"`).join("; ");
    const more = titles.length > 5 ? ` and ${titles.length - 5} more` : "";
    return `${reason} The ${titles.length} indexed article${titles.length === 1 ? "" : "s"} cover: ${shown}${more}.`;
  }

  /** The headline of one section of a file that holds several articles; undefined when it has none. */
  private sectionTitle(articleId: string, section: number): string | undefined {
    return this.articles.get(articleId)?.sections.find((candidate) => candidate.index === section)?.title;
  }

  /** Title (of the section when a file holds several articles), outlet and date of a passage. */
  describe(articleId: string, section: number): ArticleDescription {
    const record = this.articles.get(articleId);
    return {
      title: this.sectionTitle(articleId, section) || record?.title || articleId,
      outlet: record?.outlet ?? null,
      published: record?.published ?? null,
      url: record?.url ?? null,
    };
  }
}

/** Coverage by the better of two weighings of a question: with the words a measure answers, or without them. */
function eitherCoverage(withAll: Coverage, without: Coverage): Coverage {
  return (present) => Math.max(withAll(present), without(present));
}

/** A part the articles do not answer at all: why, and no citations. */
function notCovered(part: QuestionPart, text: string): PartAnswer {
  return { question: part.text, confidence: "none", text, citations: [] };
}

import { sentenceWords, type PassageTokens } from "../index/passageTokens.js";
import type { Passage } from "../types.js";
import { contentTerm } from "../text/terms.js";

/**
 * Word ids for one question: the forward index's vocabulary, plus ids from its length up for
 * words of passages it does not hold (an index without a forward index, a test's passages).
 */
class Words {
  private readonly extraIds = new Map<string, number>();
  private readonly extraTerms: Array<string | null> = [];
  private readonly base: number;

  constructor(private readonly forward: PassageTokens | null) {
    this.base = forward?.vocabulary.length ?? 0;
  }

  idOf(word: string): number | undefined {
    return this.forward?.idOf(word) ?? this.extraIds.get(word);
  }

  add(word: string): number {
    let id = this.idOf(word);
    if (id === undefined) {
      id = this.base + this.extraIds.size;
      this.extraIds.set(word, id);
      this.extraTerms.push(contentTerm(word));
    }
    return id;
  }

  term(id: number): string | null {
    return (id < this.base ? this.forward?.termOf(id) : this.extraTerms[id - this.base]) ?? null;
  }
}

/** One sentence of a passage, with `[start, end)` offsets into the passage's text. */
export class PassageSentence {
  private sentenceText: string | undefined;
  private contentTerms: ReadonlySet<string> | undefined;

  constructor(
    private readonly passageText: string,
    readonly start: number,
    readonly end: number,
    /** The sentence's words (`words` of its text) as ids, equal words equal ids: `wordIds[from..to)`. */
    readonly wordIds: ArrayLike<number>,
    readonly from: number,
    readonly to: number,
    private readonly vocabulary: Words,
  ) {}

  get text(): string {
    this.sentenceText ??= this.passageText.slice(this.start, this.end);
    return this.sentenceText;
  }

  get wordCount(): number {
    return this.to - this.from;
  }

  /** Stemmed words without stopwords, as `contentTerms` gives them. */
  get terms(): ReadonlySet<string> {
    if (this.contentTerms === undefined) {
      const terms = new Set<string>();
      this.eachTerm((term) => terms.add(term));
      this.contentTerms = terms;
    }
    return this.contentTerms;
  }

  /** Calls `visit` with each content term, repeats included, without building a set of them. */
  eachTerm(visit: (term: string) => void): void {
    for (let i = this.from; i < this.to; i++) {
      const term = this.vocabulary.term(this.wordIds[i] as number);
      if (term !== null) visit(term);
    }
  }

  hasWord(id: number): boolean {
    for (let i = this.from; i < this.to; i++) if (this.wordIds[i] === id) return true;
    return false;
  }
}

/** What re-ranking, merging and composing need to know about a passage's text. */
class PassageText {
  constructor(
    /** Sentences line by line: a line break always ends a sentence. */
    readonly sentences: readonly PassageSentence[],
    private readonly vocabulary: Words,
  ) {}

  /** Whether any sentence has this word (lower-cased, as `words` gives it). */
  has(word: string): boolean {
    const id = this.vocabulary.idOf(word);
    return id !== undefined && this.sentences.some((sentence) => sentence.hasWord(id));
  }

  /** Which of `wanted` (content terms) the given sentences hold, all sentences by default. */
  termsAmong(wanted: ReadonlySet<string>, sentences: readonly PassageSentence[] = this.sentences): Set<string> {
    const found = new Set<string>();
    for (const sentence of sentences) sentence.eachTerm((term) => wanted.has(term) && found.add(term));
    return found;
  }
}

export type PassageReader = (passage: Passage) => PassageText;

/** Where a reader finds passages already tokenised: the forward index and a passage's row in it. */
export interface ForwardIndex {
  tokens: PassageTokens;
  rowOf: (passage: Passage) => number | undefined;
}

/**
 * Reads passages for one question: each passage is split and tokenised once, however many of
 * the question's steps look at it, and not at all when the forward index holds it. Made per
 * question, so nothing outlives it.
 */
export function passageReader(forward?: ForwardIndex): PassageReader {
  const vocabulary = new Words(forward?.tokens ?? null);
  const read = new Map<Passage, PassageText>();
  const analyse = (passage: Passage): PassageText => {
    const row = forward?.rowOf(passage);
    if (forward !== undefined && row !== undefined) {
      const { wordIds } = forward.tokens;
      const sentences = forward.tokens.sentences(row).map(({ start, end, from, to }) => new PassageSentence(passage.text, start, end, wordIds, from, to, vocabulary));
      return new PassageText(sentences, vocabulary);
    }
    const sentences = sentenceWords(passage.text).map(({ start, end, words }) => {
      const ids = words.map((word) => vocabulary.add(word));
      return new PassageSentence(passage.text, start, end, ids, 0, ids.length, vocabulary);
    });
    return new PassageText(sentences, vocabulary);
  };
  return (passage) => {
    let text = read.get(passage);
    if (text === undefined) read.set(passage, (text = analyse(passage)));
    return text;
  };
}

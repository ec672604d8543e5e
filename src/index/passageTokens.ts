import { splitSentencesByLine } from "../text/sentences.js";
import { contentTerm, words } from "../text/terms.js";

/**
 * The forward index: every passage's sentences and the words of each, as ids into one
 * vocabulary, worked out once at index time so that answering a question never tokenises the
 * candidate passages again. Bump TOKENS_VERSION whenever `words` or sentence splitting changes
 * what they would produce; a file of another version is ignored.
 */
export const TOKENS_VERSION = 2;
const MAGIC = 0x4e435446; // "NCTF", read back reversed on a machine of the other byte order
const HEADER_WORDS = 6;

/** One sentence of a passage: `[start, end)` in the passage's text; its word ids are `wordIds[from..to)`. */
export interface SentenceTokens {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** A text's sentences, line by line, each with its words: what the forward index holds of a passage. */
export function sentenceWords(text: string): Array<{ start: number; end: number; words: string[] }> {
  return splitSentencesByLine(text).map(({ start, end }) => ({ start, end, words: words(text.slice(start, end)) }));
}

export class PassageTokens {
  private readonly ids: Map<string, number>;
  private readonly terms: Array<string | null | undefined>;

  private constructor(
    readonly vocabulary: readonly string[],
    /** Passage `r`'s sentences are `firstSentence[r]` up to `firstSentence[r + 1]`. */
    private readonly firstSentence: Uint32Array,
    /** Start and end of each sentence in its passage's text. */
    private readonly spans: Uint32Array,
    /** Sentence `s`'s words are `wordIds[firstToken[s]]` up to `wordIds[firstToken[s + 1]]`. */
    private readonly firstToken: Uint32Array,
    /** Every sentence's word ids, one after another. */
    readonly wordIds: Uint32Array,
  ) {
    this.ids = new Map(vocabulary.map((word, id) => [word, id]));
    this.terms = new Array(vocabulary.length);
  }

  static build(texts: readonly string[]): PassageTokens {
    const ids = new Map<string, number>();
    const firstSentence = [0];
    const spans: number[] = [];
    const firstToken = [0];
    const tokens: number[] = [];
    for (const text of texts) {
      for (const sentence of sentenceWords(text)) {
        spans.push(sentence.start, sentence.end);
        for (const word of sentence.words) {
          let id = ids.get(word);
          if (id === undefined) ids.set(word, (id = ids.size));
          tokens.push(id);
        }
        firstToken.push(tokens.length);
      }
      firstSentence.push(spans.length / 2);
    }
    return new PassageTokens([...ids.keys()], Uint32Array.from(firstSentence), Uint32Array.from(spans), Uint32Array.from(firstToken), Uint32Array.from(tokens));
  }

  get passageCount(): number {
    return this.firstSentence.length - 1;
  }

  /** The sentences of the passage in row `row`. */
  sentences(row: number): SentenceTokens[] {
    const result: SentenceTokens[] = [];
    const last = this.firstSentence[row + 1] ?? 0;
    for (let s = this.firstSentence[row] ?? last; s < last; s++) {
      result.push({ start: this.spans[2 * s] as number, end: this.spans[2 * s + 1] as number, from: this.firstToken[s] as number, to: this.firstToken[s + 1] as number });
    }
    return result;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** The content term of a word (stemmed), or null for a stopword; each word worked out once. */
  termOf(id: number): string | null {
    let term = this.terms[id];
    if (term === undefined) {
      this.terms[id] = term = contentTerm(this.vocabulary[id] ?? "");
    }
    return term;
  }

  encode(): Uint8Array {
    const vocabulary = new TextEncoder().encode(this.vocabulary.join("\n"));
    const vocabularyWords = Math.ceil(vocabulary.length / 4);
    const arrays = [this.firstSentence, this.spans, this.firstToken, this.wordIds];
    const all = new Uint32Array(HEADER_WORDS + vocabularyWords + arrays.reduce((sum, array) => sum + array.length, 0));
    all.set([MAGIC, TOKENS_VERSION, this.passageCount, this.spans.length / 2, this.wordIds.length, vocabulary.length]);
    new Uint8Array(all.buffer).set(vocabulary, HEADER_WORDS * 4);
    let offset = HEADER_WORDS + vocabularyWords;
    for (const array of arrays) {
      all.set(array, offset);
      offset += array.length;
    }
    return new Uint8Array(all.buffer);
  }

  /**
   * Reads an encoded forward index; null when it was written by another version or on a machine
   * of the other byte order (the caller tokenises instead). Damage throws, naming the problem.
   */
  static decode(bytes: Uint8Array): PassageTokens | null {
    const aligned = bytes.byteOffset % 4 === 0 && bytes.byteLength % 4 === 0 ? bytes : bytes.slice(0, bytes.byteLength - (bytes.byteLength % 4));
    const all = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    if (all.length < HEADER_WORDS) throw new Error("the forward index is shorter than its header");
    const [magic, version, passages, sentences, tokens, vocabularyBytes] = all as unknown as number[];
    if (magic !== MAGIC || version !== TOKENS_VERSION) return null;
    const vocabularyWords = Math.ceil((vocabularyBytes as number) / 4);
    const expected = HEADER_WORDS + vocabularyWords + (passages as number) + 1 + 2 * (sentences as number) + (sentences as number) + 1 + (tokens as number);
    if (all.length !== expected) throw new Error(`the forward index holds ${all.length * 4} bytes, expected ${expected * 4}`);
    const text = new TextDecoder().decode(new Uint8Array(all.buffer, all.byteOffset + HEADER_WORDS * 4, vocabularyBytes));
    const vocabulary = text === "" ? [] : text.split("\n");
    let offset = HEADER_WORDS + vocabularyWords;
    const take = (length: number) => all.subarray(offset, (offset += length));
    const forward = new PassageTokens(vocabulary, take((passages as number) + 1), take(2 * (sentences as number)), take((sentences as number) + 1), take(tokens as number));
    forward.check();
    return forward;
  }

  /** Reading trusts these bounds, so a damaged file must fail here rather than answer with garbage. */
  private check(): void {
    const ascending = (array: Uint32Array, last: number) =>
      array[0] === 0 && array[array.length - 1] === last && array.every((value, i) => i === 0 || value >= (array[i - 1] as number));
    if (!ascending(this.firstSentence, this.spans.length / 2) || !ascending(this.firstToken, this.wordIds.length)) {
      throw new Error("the forward index's offsets are out of order");
    }
    for (const id of this.wordIds) if (id >= this.vocabulary.length) throw new Error(`word id ${id} of ${this.vocabulary.length}`);
  }
}

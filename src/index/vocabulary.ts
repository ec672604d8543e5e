/**
 * What the engine knows about the words of the passages, whatever store holds the index: how
 * many passages hold each stemmed term (for IDF) and every word used, unstemmed (for "is this
 * name ever mentioned?" and spelling). Loaded in full by every backend; the BM25 postings that
 * rank passages are the store's own business (see retrieve/store.ts).
 */
export class Vocabulary {
  private readonly vocabularySet: Set<string>;

  constructor(
    private readonly documentFrequency: Record<string, number>,
    readonly passageCount: number,
    /** Every word of every passage and title, unstemmed, sorted. */
    readonly vocabulary: readonly string[],
  ) {
    this.vocabularySet = new Set(vocabulary);
  }

  /** How many passages hold a stemmed term. */
  passagesWith(term: string): number {
    return this.documentFrequency[term] ?? 0;
  }

  /** Every stemmed term of the passages. */
  terms(): string[] {
    return Object.keys(this.documentFrequency);
  }

  /** Inverse document frequency of a stemmed term; unseen terms get the highest value. */
  idf(term: string): number {
    const df = this.documentFrequency[term] ?? 0;
    return Math.log(1 + (this.passageCount - df + 0.5) / (df + 0.5));
  }

  /** Whether a word (or a close spelling of it, such as Zelenskyy for Zelensky) appears anywhere. */
  mentions(word: string): boolean {
    return this.vocabularySet.has(word.toLowerCase()) || this.spellingsOf(word).length > 0;
  }

  /**
   * The articles' spellings of a word: itself when used, and words that share all but its last
   * two letters, within two letters of its length (Zelenskyy, Zelenskiy for Zelensky).
   */
  spellingsOf(word: string): string[] {
    const lower = word.toLowerCase();
    const found = this.vocabularySet.has(lower) ? [lower] : [];
    if (lower.length < 5) return found;
    const prefix = lower.slice(0, 5);
    // The vocabulary is sorted: the words sharing the prefix are one run of it.
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.vocabulary[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.vocabulary.length && (this.vocabulary[i] as string).startsWith(prefix); i++) {
      const known = this.vocabulary[i] as string;
      if (known !== lower && Math.abs(known.length - lower.length) <= 2 && sharedPrefix(known, lower) >= lower.length - 2) found.push(known);
    }
    return found;
  }
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

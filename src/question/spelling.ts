/**
 * Typo correction against the articles' own vocabulary: a word the articles never use, and
 * that is not an English word, becomes the corpus word it is closest to (one edit for short
 * words, two for long ones), the more common one when several are as close. A word the
 * vocabulary has is never rewritten.
 */

/** Edits allowed for a word of this length: none under 4 letters, where one edit makes another word. */
function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), or `limit + 1` once past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rows reused for the whole table: this runs for every close-enough word of the vocabulary.
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, (before[j - 2] as number) + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}

export interface SpellingLexicon {
  /** Lower-case words of the articles with how many passages use them. */
  frequencies: ReadonlyMap<string, number>;
  /** Words that are right as they are although the articles never use them (English words, places). */
  isKnownWord: (word: string) => boolean;
}

export class SpellingCorrector {
  /**
   * Corpus words by first letter and length: a typo rarely changes the first letter, and only
   * words within the allowed edits in length can be close, which keeps the search small in a
   * large archive's vocabulary.
   */
  private readonly byInitialAndLength = new Map<string, string[]>();

  constructor(private readonly lexicon: SpellingLexicon) {
    for (const word of lexicon.frequencies.keys()) {
      if (!/^\p{L}+$/u.test(word)) continue;
      const key = `${word[0]}${word.length}`;
      const list = this.byInitialAndLength.get(key);
      if (list) list.push(word);
      else this.byInitialAndLength.set(key, [word]);
    }
  }

  /** The corpus word meant by `word`, or null when it is fine as it is or nothing is close enough. */
  correct(word: string): string | null {
    const lower = word.toLowerCase();
    if (!/^\p{L}+$/u.test(lower) || this.lexicon.frequencies.has(lower) || this.lexicon.isKnownWord(lower)) return null;
    const limit = maxEdits(lower.length);
    if (limit === 0) return null;
    let best: { word: string; distance: number; frequency: number } | null = null;
    const candidates: string[] = [];
    for (let length = Math.max(4, lower.length - limit); length <= lower.length + limit; length++) {
      candidates.push(...(this.byInitialAndLength.get(`${lower[0]}${length}`) ?? []));
    }
    for (const candidate of candidates) {
      const distance = editDistance(lower, candidate, limit);
      if (distance > limit) continue;
      const frequency = this.lexicon.frequencies.get(candidate) ?? 0;
      if (best === null || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
        best = { word: candidate, distance, frequency };
      }
    }
    return best?.word ?? null;
  }
}

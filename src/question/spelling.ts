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
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] as number) + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
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
  /** Corpus words by first letter: a typo rarely changes the first letter, and this keeps the search small. */
  private readonly byInitial = new Map<string, string[]>();

  constructor(private readonly lexicon: SpellingLexicon) {
    for (const word of lexicon.frequencies.keys()) {
      if (!/^\p{L}+$/u.test(word)) continue;
      const initial = word[0] as string;
      const list = this.byInitial.get(initial);
      if (list) list.push(word);
      else this.byInitial.set(initial, [word]);
    }
  }

  /** The corpus word meant by `word`, or null when it is fine as it is or nothing is close enough. */
  correct(word: string): string | null {
    const lower = word.toLowerCase();
    if (!/^\p{L}+$/u.test(lower) || this.lexicon.frequencies.has(lower) || this.lexicon.isKnownWord(lower)) return null;
    const limit = maxEdits(lower.length);
    if (limit === 0) return null;
    let best: { word: string; distance: number; frequency: number } | null = null;
    for (const candidate of this.byInitial.get(lower[0] as string) ?? []) {
      const distance = editDistance(lower, candidate, limit);
      if (distance > limit || candidate.length < 4) continue;
      const frequency = this.lexicon.frequencies.get(candidate) ?? 0;
      if (best === null || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
        best = { word: candidate, distance, frequency };
      }
    }
    return best?.word ?? null;
  }
}

/**
 * A sorted JSON array of plain words (`["a","aa",…]`, no escapes, no commas inside a word),
 * searched in its text. For a list of hundreds of thousands of words this costs a read and
 * about twenty comparisons a lookup, where parsing it into a Set costs a third of a second of
 * CPU, on every question asked from the command line.
 */
export class SortedWordList {
  /** Where the array's closing bracket is: no entry starts at or after it. */
  private readonly end: number;
  private readonly first: number;

  constructor(private readonly text: string) {
    this.first = text.indexOf('"');
    this.end = text.lastIndexOf("]");
    if (this.first < 0 || this.end < this.first) throw new Error("A sorted word list must be a JSON array of strings.");
  }

  /** Whether the list holds a word (compared as JavaScript compares strings, as the list is sorted). */
  has(word: string): boolean {
    // Invariant: `lo` is the opening quote of an entry, `hi` an entry's opening quote or the end.
    let lo = this.first;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const comma = this.text.lastIndexOf(",", mid - 1);
      const start = comma < lo ? lo : comma + 1;
      const close = this.text.indexOf('"', start + 1);
      const candidate = this.text.slice(start + 1, close);
      if (candidate === word) return true;
      if (candidate < word) lo = close + 2;
      else hi = start;
    }
    return false;
  }
}

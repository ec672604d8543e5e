/** Whether a word starts with a capital letter, as a name does wherever it stands. */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Words the texts write with a capital inside a sentence and never in lower case: names
 * ("Peskov", "Kursk", "Anduril"), so a question typed all in lower case still names them.
 */
export function properNounsIn(texts: Iterable<string>): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/([.!?:;\n"“‘]\s*|^)?([\p{L}][\p{L}'’-]*)/gu)) {
      const word = match[2] as string;
      if (match[1] !== undefined) continue; // sentence-initial: capitalised either way
      const key = word.toLowerCase().replace(/['’]s$/u, "");
      if (isCapitalised(word)) capitalised.add(key);
      else lower.add(key);
    }
  }
  return new Set([...capitalised].filter((word) => !lower.has(word)));
}

/**
 * The capitalised words a sentence writes past its start (and past any opening of a quotation
 * within it): "Mr Hegseth meanwhile dismissed … Washington" gives Mr, Hegseth and Washington.
 */
export function namesWithin(sentence: string): string[] {
  const names: string[] = [];
  for (const match of sentence.matchAll(/([.!?:;"“‘]\s*)?([\p{L}][\p{L}'’-]*)/gu)) {
    if (match.index > 0 && match[1] === undefined && isCapitalised(match[2] as string)) names.push(match[2] as string);
  }
  return names;
}

import { contentTerms } from "./terms.js";

/**
 * How much of a question's (idf-weighted) content terms a set of terms holds, from 0 to 1; given
 * several sets (the sentences of a passage), a term counts when any of them holds it.
 */
export type Coverage = (present: ReadonlySet<string> | readonly ReadonlySet<string>[]) => number;

/** Weighs the question's distinct content terms once, for scoring many sentences against them. */
export function coverageOf(questionTerms: readonly string[], idf: (term: string) => number): Coverage {
  const weighted = [...new Set(questionTerms)].map((term) => ({ term, weight: idf(term) }));
  const total = weighted.reduce((sum, { weight }) => sum + weight, 0);
  return (present) => {
    if (total === 0) return 0;
    const sets = present instanceof Set ? [present] : (present as readonly ReadonlySet<string>[]);
    let found = 0;
    for (const { term, weight } of weighted) if (sets.some((set) => set.has(term))) found += weight;
    return found / total;
  };
}

/** Share of the question's (idf-weighted) content terms that a text contains. */
export function coverage(questionTerms: readonly string[], text: string, idf: (term: string) => number): number {
  return coverageOf(questionTerms, idf)(new Set(contentTerms(text)));
}

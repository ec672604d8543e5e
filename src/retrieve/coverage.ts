/** How much of a question's (idf-weighted) content terms a set of terms holds, from 0 to 1. */
export type Coverage = (present: ReadonlySet<string>) => number;

/** Weighs the question's distinct content terms once, for scoring many sentences against them. */
export function coverageOf(questionTerms: readonly string[], idf: (term: string) => number): Coverage {
  const weighted = [...new Set(questionTerms)].map((term) => ({ term, weight: idf(term) }));
  const total = weighted.reduce((sum, { weight }) => sum + weight, 0);
  return (present) => {
    if (total === 0) return 0;
    let found = 0;
    for (const { term, weight } of weighted) if (present.has(term)) found += weight;
    return found / total;
  };
}

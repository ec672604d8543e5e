import type { Concept } from "../types.js";

/** How much of a question's (idf-weighted) content terms a set of terms holds, from 0 to 1. */
export type Coverage = (present: ReadonlySet<string>) => number;

/**
 * Share of a question's weight an alternative wording earns: "Kremlin" for "Moscow", "Peskov"
 * for "the Kremlin spokesman", "calling" for "call". Less than the question's own words, so a
 * passage in the question's wording still leads; chosen by hand, not tuned.
 */
const ALIAS_CREDIT = 0.8;
/**
 * Weight of an ordinary word the articles never use, against its idf. Such a word is often the
 * user's synonym ("soldiers" for "troops") and then no passage can hold it; at full weight it
 * would sink every answer to a reworded question. A name the articles never use keeps its weight.
 */
const UNKNOWN_WORD_WEIGHT = 0.5;

/** How much a concept weighs: the idf of the rarest term of its own wording. */
export function conceptWeight(concept: Concept, idf: (term: string) => number): number {
  return Math.max(...(concept.alternatives[0] ?? []).map(idf));
}

/** Whether a set of terms holds a concept in any of its wordings. */
export function conceptHeld(concept: Concept, terms: ReadonlySet<string>): boolean {
  return concept.alternatives.some((alternative) => alternative.every((term) => terms.has(term)));
}

/** Weighs the question's distinct content terms once, for scoring many sentences against them. */
export function coverageOf(questionTerms: readonly string[], idf: (term: string) => number): Coverage {
  return conceptCoverage(
    [...new Set(questionTerms)].map((term) => ({ text: term, alternatives: [[term]], kind: "word", known: true })),
    idf,
  );
}

/**
 * Coverage of a question's concepts: each weighs as much as the rarest term of its own
 * wording, and counts when any of its alternatives is wholly present.
 */
export function conceptCoverage(concepts: readonly Concept[], idf: (term: string) => number): Coverage {
  const weighted = concepts
    .filter((concept) => concept.alternatives.length > 0)
    .map((concept) => ({
      alternatives: concept.alternatives,
      weight: conceptWeight(concept, idf) * (concept.known || concept.kind !== "word" ? 1 : UNKNOWN_WORD_WEIGHT),
    }));
  const total = weighted.reduce((sum, { weight }) => sum + weight, 0);
  return (present) => {
    if (total === 0) return 0;
    let found = 0;
    for (const { alternatives, weight } of weighted) {
      for (let i = 0; i < alternatives.length; i++) {
        if ((alternatives[i] as string[]).every((term) => present.has(term))) {
          found += i === 0 ? weight : weight * ALIAS_CREDIT;
          break;
        }
      }
    }
    return found / total;
  };
}

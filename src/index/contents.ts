import type { Passage } from "../types.js";
import type { Manifest } from "./manifest.js";
import type { PassageTokens } from "./passageTokens.js";
import type { QuoteIndexData } from "./quoteIndex.js";
import type { Vocabulary } from "./vocabulary.js";

/**
 * What the engine holds in memory of an index, whichever backend stores it (a build folder, a
 * Postgres database): the manifest, the passages in row order (row `i` is `passages[i]`), the
 * quote index, the vocabulary and, when the build has one, the forward index. Ranking passages
 * is not here: it goes through an IndexStore (retrieve/store.ts), which may run it elsewhere.
 */
export interface IndexContents {
  manifest: Manifest;
  passages: Passage[];
  quotes: QuoteIndexData;
  keywords: Vocabulary;
  /** Every passage's sentences and words, row `i` for `passages[i]`; null in builds made before it existed. */
  tokens: PassageTokens | null;
}

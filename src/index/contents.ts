import type { Passage } from "../types.js";
import type { Manifest } from "./manifest.js";
import type { PassageTokens } from "./passageTokens.js";
import type { QuoteDirectory } from "./quoteIndex.js";
import type { Vocabulary } from "./vocabulary.js";

/**
 * What the engine holds in memory of an index, whichever backend stores it (a build folder, a
 * Postgres database): the manifest, the passages in row order (row `i` is `passages[i]`), the
 * speakers and people of the quote index, the vocabulary and, when the build has one, the
 * forward index. Ranking passages and a speaker's quotes are not here: they come through an
 * IndexStore (retrieve/store.ts), which may keep them elsewhere.
 */
export interface IndexContents {
  manifest: Manifest;
  passages: Passage[];
  quotes: QuoteDirectory;
  keywords: Vocabulary;
  /** Every passage's sentences and words, row `i` for `passages[i]`; null in builds made before it existed. */
  tokens: PassageTokens | null;
}

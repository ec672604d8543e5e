/**
 * The names of the files in one build folder (`<INDEX_DIR>/builds/<id>/`), written once for
 * the modules that write and read them and for anything that measures a build. vectra's own
 * files are named by `shardFileName` in vectraShards.ts.
 */
export const BUILD_FILES = {
  manifest: "manifest.json",
  passages: "passages.json",
  quotes: "quotes.json",
  /** The forward index: each passage's tokens. */
  tokens: "tokens.bin",
  /** The keyword index's metadata and vocabulary. */
  keywordsJson: "keywords.json",
  /** The keyword index's postings, raw uint32 arrays. */
  keywordsPostings: "keywords.bin",
  /** The binary copy of the vectors (see vectorCache.ts). */
  vectorMatrix: "vectors.f32",
  /** What the binary copy was made from, and its checksum. */
  vectorSignature: "vectors.f32.json",
} as const;

import { CHUNKER_VERSION } from "../ingest/chunk.js";
import { INDEX_FORMAT_VERSION, type Manifest } from "./manifest.js";
import { QUOTES_VERSION } from "./quoteIndex.js";

type Versions = Pick<Manifest, "chunkerVersion" | "formatVersion" | "quotesVersion">;

/**
 * Whether a build was made by this version of the code: same chunker, same on-disk format,
 * same quote extraction. A build that is not must be rebuilt before it is read.
 */
export function madeByThisVersion(manifest: Versions): boolean {
  return (
    manifest.chunkerVersion === CHUNKER_VERSION &&
    manifest.formatVersion === INDEX_FORMAT_VERSION &&
    manifest.quotesVersion === QUOTES_VERSION
  );
}

/**
 * Whether a build's vectors can be kept for a new build with `encoderId`: they embed the same
 * passages (same chunker) in the same space (same encoder). Format and quote changes do not
 * touch vectors.
 */
export function vectorsReusable(manifest: Pick<Manifest, "chunkerVersion" | "encoder">, encoderId: string): boolean {
  return manifest.encoder.id === encoderId && manifest.chunkerVersion === CHUNKER_VERSION;
}

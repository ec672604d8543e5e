import { describe, expect, it } from "vitest";
import { CHUNKER_VERSION } from "../../src/ingest/chunk.js";
import { madeByThisVersion, vectorsReusable } from "../../src/index/buildCurrency.js";
import { INDEX_FORMAT_VERSION } from "../../src/index/manifest.js";
import { QUOTES_VERSION } from "../../src/index/quoteIndex.js";

const current = {
  chunkerVersion: CHUNKER_VERSION,
  formatVersion: INDEX_FORMAT_VERSION,
  quotesVersion: QUOTES_VERSION,
  encoder: { id: "offline:universal-sentence-encoder-lite", dimensions: 512 },
};

describe("build currency", () => {
  it("calls a build current only when chunker, format and quotes all match", () => {
    expect(madeByThisVersion(current)).toBe(true);
    expect(madeByThisVersion({ ...current, chunkerVersion: CHUNKER_VERSION - 1 })).toBe(false);
    expect(madeByThisVersion({ ...current, formatVersion: INDEX_FORMAT_VERSION - 1 })).toBe(false);
    expect(madeByThisVersion({ ...current, quotesVersion: QUOTES_VERSION - 1 })).toBe(false);
  });

  it("keeps vectors across format and quote changes, not across encoder or chunker changes", () => {
    const id = current.encoder.id;
    const olderFormatAndQuotes = { ...current, formatVersion: 0, quotesVersion: 0 };
    expect(vectorsReusable(olderFormatAndQuotes, id)).toBe(true);
    expect(vectorsReusable(current, "transformers:other/model:q8")).toBe(false);
    expect(vectorsReusable({ ...current, chunkerVersion: CHUNKER_VERSION - 1 }, id)).toBe(false);
  });
});

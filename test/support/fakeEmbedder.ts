import { createHash } from "node:crypto";
import type { Embedder } from "../../src/types.js";
import { contentTerms } from "../../src/text/terms.js";

/**
 * A deterministic bag-of-words embedder (feature hashing): texts that share content words get
 * similar vectors. It implements the real interface so the whole pipeline runs in tests
 * without loading a model.
 */
export function createFakeEmbedder(dimensions = 64, id = "fake:hashing-64"): Embedder & { calls: number } {
  const embedder = {
    id,
    dimensions,
    calls: 0,
    async embed(texts: readonly string[]) {
      embedder.calls += texts.length;
      return texts.map((text) => {
        const vector = new Float32Array(dimensions);
        for (const term of contentTerms(text)) {
          const digest = createHash("md5").update(term).digest();
          const slot = digest.readUInt32LE(0) % dimensions;
          vector[slot] = (vector[slot] as number) + (digest[4]! % 2 === 0 ? 1 : -1);
        }
        let norm = 0;
        for (const value of vector) norm += value * value;
        norm = Math.sqrt(norm) || 1;
        return vector.map((value) => value / norm);
      });
    },
  };
  return embedder;
}

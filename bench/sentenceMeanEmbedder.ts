import { splitSentences } from "../src/text/sentences.js";
import type { Embedder } from "../src/types.js";
import { hashString, seededRandom, SYNTHETIC_HEADLINE_PREFIX } from "./support/syntheticCorpus.js";

/**
 * Embeds synthetic passages without running a model: each passage's vector is the normalised
 * mean of its sentences' real vectors (embedded once by the real encoder) plus a small
 * perturbation seeded by the passage text, so recombined passages are near but not equal to
 * each other. Only for benchmarks: embedding 100k passages with the real encoder would take hours.
 */
export interface SentenceMeanEmbedder extends Embedder {
  /** Body sentences found in the table, and those that were not (they are left out of the mean). */
  readonly counts: { matched: number; unmatched: number };
}

/** Standard deviation of the whole perturbation vector relative to the unit mean. */
const DEFAULT_NOISE = 0.1;

export function syntheticEncoderId(baseId: string): string {
  return `synthetic-sentence-mean:${baseId}`;
}

function normaliseInPlace(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}

export function createSentenceMeanEmbedder(
  sentenceVectors: ReadonlyMap<string, Float32Array>,
  base: { id: string; dimensions: number },
  noise = DEFAULT_NOISE,
): SentenceMeanEmbedder {
  const { dimensions } = base;
  const counts = { matched: 0, unmatched: 0 };
  const embedOne = (text: string): Float32Array => {
    const mean = new Float32Array(dimensions);
    let found = 0;
    for (const line of text.split("\n")) {
      if (line.trim() === "" || line.startsWith(SYNTHETIC_HEADLINE_PREFIX)) continue;
      for (const span of splitSentences(line)) {
        const vector = sentenceVectors.get(line.slice(span.start, span.end));
        if (vector === undefined) {
          counts.unmatched++;
          continue;
        }
        counts.matched++;
        found++;
        for (let d = 0; d < dimensions; d++) mean[d] = (mean[d] as number) + (vector[d] as number);
      }
    }
    if (found === 0) throw new Error(`No known seed sentence in synthetic passage "${text.slice(0, 60)}…"`);
    normaliseInPlace(mean);
    const random = seededRandom(hashString(text));
    const scale = noise / Math.sqrt(dimensions);
    for (let d = 0; d < dimensions; d += 2) {
      // Box–Muller: two independent standard normals from two uniforms.
      const radius = Math.sqrt(-2 * Math.log(1 - random()));
      const angle = 2 * Math.PI * random();
      mean[d] = (mean[d] as number) + scale * radius * Math.cos(angle);
      if (d + 1 < dimensions) mean[d + 1] = (mean[d + 1] as number) + scale * radius * Math.sin(angle);
    }
    return normaliseInPlace(mean);
  };
  return {
    id: syntheticEncoderId(base.id),
    dimensions,
    counts,
    async embed(texts) {
      return texts.map(embedOne);
    },
  };
}

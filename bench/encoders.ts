import { loadEngineConfig, type EngineConfig } from "../src/config.js";
import { loadEmbedder, planEncoder, type EncoderPlan } from "../src/embed/chooseEmbedder.js";
import { isUserError } from "../src/errors.js";
import { silentLogger } from "../src/log.js";
import type { Embedder } from "../src/types.js";

export type EncoderKind = "offline" | "transformers";
const ENCODER_KINDS: readonly EncoderKind[] = ["transformers", "offline"];

/** The engine configuration with one encoder forced and no downloads: a benchmark never fetches. */
export function benchConfig(kind: EncoderKind, env: NodeJS.ProcessEnv = process.env): EngineConfig {
  return loadEngineConfig({ ...env, EMBEDDINGS: kind, ALLOW_MODEL_DOWNLOAD: "false" });
}

export interface EncoderChoice {
  kind: EncoderKind;
  plan: EncoderPlan | null;
  /** Why the encoder cannot be measured here, when it cannot. */
  unavailable: string | null;
}

/** Which encoders this machine can run now, each with its plan or the reason it cannot. */
export async function encoderChoices(): Promise<EncoderChoice[]> {
  return Promise.all(
    ENCODER_KINDS.map(async (kind) => {
      try {
        return { kind, plan: await planEncoder(benchConfig(kind)), unavailable: null };
      } catch (error) {
        if (!isUserError(error)) throw error;
        return { kind, plan: null, unavailable: error.message };
      }
    }),
  );
}

/** Loads a planned encoder without logging. */
export function loadBenchEmbedder(plan: EncoderPlan, kind: EncoderKind): Promise<Embedder> {
  return loadEmbedder(plan, benchConfig(kind), silentLogger);
}

/** The same encoder under another id: queries a synthetic index with real query vectors. */
export function withEncoderId(embedder: Embedder, id: string): Embedder {
  return { id, dimensions: embedder.dimensions, embed: (texts) => embedder.embed(texts) };
}

/** Adds the time spent in `embed` to `onTime`, for throughput figures. */
export function timedEmbedder(embedder: Embedder, onTime: (ms: number, texts: number) => void): Embedder {
  return {
    id: embedder.id,
    dimensions: embedder.dimensions,
    async embed(texts) {
      const start = performance.now();
      const vectors = await embedder.embed(texts);
      onTime(performance.now() - start, texts.length);
      return vectors;
    },
  };
}

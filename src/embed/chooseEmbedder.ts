import { DEFAULT_EMBEDDING_MODEL, type EngineConfig } from "../config.js";
import { UserError } from "../errors.js";
import type { Embedder } from "../types.js";
import type { Logger } from "../log.js";
import { OFFLINE_ENCODER_ID, transformersEncoderId } from "./encoderIds.js";
import { createOfflineEmbedder } from "./offlineEmbedder.js";
import { createTransformersEmbedder, isModelCached } from "./transformersEmbedder.js";

/** Which encoder to load and why, decided without loading anything heavy. */
export interface EncoderPlan {
  kind: "transformers" | "offline";
  id: string;
  modelId: string | null;
  reason: string;
}

async function hostReachable(config: EngineConfig, modelId: string): Promise<boolean> {
  const url = new URL(`${modelId}/resolve/main/config.json`, config.MODEL_HOST);
  try {
    const response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(config.MODEL_PROBE_TIMEOUT_MS) });
    return response.ok || response.status === 302;
  } catch {
    return false;
  }
}

/**
 * Decides the encoder. `indexEncoderId`, when given, is the encoder an existing index was
 * built with: queries must use that one, so `auto` follows it.
 */
export async function planEncoder(config: EngineConfig, indexEncoderId?: string): Promise<EncoderPlan> {
  const modelId = config.EMBEDDING_MODEL;
  const cached = isModelCached(modelId, config.MODELS_DIR, true);
  const transformers: EncoderPlan = {
    kind: "transformers",
    id: transformersEncoderId(modelId, true),
    modelId,
    reason: cached ? `cached in ${config.MODELS_DIR}/` : `downloading to ${config.MODELS_DIR}/`,
  };
  const offline: EncoderPlan = { kind: "offline", id: OFFLINE_ENCODER_ID, modelId: null, reason: "" };

  if (config.EMBEDDINGS === "offline") return { ...offline, reason: "EMBEDDINGS=offline" };
  if (config.EMBEDDINGS === "transformers") {
    if (!cached && !config.ALLOW_MODEL_DOWNLOAD) {
      throw new UserError(
        "MODEL_MISSING",
        `EMBEDDINGS=transformers but ${modelId} is not in ${config.MODELS_DIR}/ and ALLOW_MODEL_DOWNLOAD=false. ` +
          "Allow the download, copy the model there, or set EMBEDDINGS=auto.",
      );
    }
    return transformers;
  }
  if (indexEncoderId === OFFLINE_ENCODER_ID) {
    // A model asked for by name is not quietly ignored: it takes a re-index to use it.
    const ignored = modelId === DEFAULT_EMBEDDING_MODEL ? "" : `; EMBEDDING_MODEL=${modelId} is used once you re-index with: npm run index -- --rebuild`;
    return { ...offline, reason: `the index was built with it${ignored}` };
  }
  if (indexEncoderId !== undefined && indexEncoderId !== transformers.id) {
    throw new UserError(
      "ENCODER_MISMATCH",
      `The index was built with ${indexEncoderId} but EMBEDDING_MODEL is ${modelId}. ` +
        "Re-index with: npm run index -- --rebuild",
    );
  }
  if (cached) return transformers;
  if (config.ALLOW_MODEL_DOWNLOAD && (await hostReachable(config, modelId))) return transformers;
  if (indexEncoderId !== undefined) {
    throw new UserError(
      "ENCODER_UNAVAILABLE",
      `The index was built with ${indexEncoderId}, which is not in ${config.MODELS_DIR}/ and cannot be downloaded now. ` +
        "Restore the model folder, or re-index with the offline encoder: EMBEDDINGS=offline npm run index -- --rebuild",
    );
  }
  const why = config.ALLOW_MODEL_DOWNLOAD ? `${new URL(config.MODEL_HOST).host} unreachable` : "downloads disabled";
  return { ...offline, reason: `no ${modelId} in ${config.MODELS_DIR}/ and ${why}` };
}

/** Loads the planned encoder and says which one in a single log line. */
export async function loadEmbedder(plan: EncoderPlan, config: EngineConfig, log: Logger): Promise<Embedder> {
  if (plan.kind === "offline") {
    log.info(`Embeddings: offline Universal Sentence Encoder lite (${plan.reason})`);
    return createOfflineEmbedder();
  }
  log.info(`Embeddings: transformers.js ${plan.modelId} (${plan.reason})`);
  const embedder = await createTransformersEmbedder({
    modelId: plan.modelId ?? config.EMBEDDING_MODEL,
    modelsDir: config.MODELS_DIR,
    allowDownload: config.ALLOW_MODEL_DOWNLOAD,
    remoteHost: config.MODEL_HOST,
    quantized: true,
  });
  return embedder;
}

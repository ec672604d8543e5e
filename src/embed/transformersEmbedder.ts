import { existsSync } from "node:fs";
import path from "node:path";
import type { Embedder } from "../types.js";
import { transformersEncoderId } from "./encoderIds.js";
import { explainDownloadFailure } from "./modelDownloadError.js";

export interface TransformersEmbedderOptions {
  /** Hugging Face model id, e.g. `Xenova/all-MiniLM-L6-v2`. */
  modelId: string;
  /** Folder where models are looked up and downloaded to (`<modelsDir>/<modelId>/...`). */
  modelsDir: string;
  /** Whether files missing from `modelsDir` may be downloaded. */
  allowDownload: boolean;
  /** The hub models are downloaded from (default: the Hugging Face Hub). */
  remoteHost?: string;
  quantized: boolean;
  /** Called with download progress events while a model is fetched. */
  onProgress?: (event: { file: string; progress: number }) => void;
}

/** The files a feature-extraction model needs before it can run offline. */
function modelFiles(modelId: string, modelsDir: string, quantized: boolean): string[] {
  const root = path.join(modelsDir, modelId);
  return [
    path.join(root, "config.json"),
    path.join(root, "tokenizer.json"),
    path.join(root, "tokenizer_config.json"),
    path.join(root, "onnx", quantized ? "model_quantized.onnx" : "model.onnx"),
  ];
}

export function isModelCached(modelId: string, modelsDir: string, quantized: boolean): boolean {
  return modelFiles(modelId, modelsDir, quantized).every((file) => existsSync(file));
}

interface FeatureTensor {
  dims: number[];
  data: Float32Array;
}
type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<FeatureTensor>;

/**
 * Embeds with a transformers.js feature-extraction pipeline (mean pooling, L2-normalised).
 * transformers.js is imported here, lazily, so nothing else pays for loading it.
 */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const transformers = await import("@xenova/transformers");
  const { env } = transformers;
  const modelsDir = path.resolve(options.modelsDir);
  env.localModelPath = modelsDir;
  env.cacheDir = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowDownload;
  if (options.remoteHost !== undefined) env.remoteHost = options.remoteHost;
  env.useBrowserCache = false;
  env.useFSCache = true;

  const onProgress = options.onProgress;
  const pipelineOptions = {
    quantized: options.quantized,
    local_files_only: !options.allowDownload,
    ...(onProgress
      ? {
          progress_callback: (event: { status: string; file?: string; progress?: number }) => {
            if (event.status === "progress" && event.file !== undefined) {
              onProgress({ file: event.file, progress: event.progress ?? 0 });
            }
          },
        }
      : {}),
  };
  let extractor: FeatureExtractor;
  try {
    extractor = (await transformers.pipeline("feature-extraction", options.modelId, pipelineOptions)) as unknown as FeatureExtractor;
  } catch (error) {
    throw explainDownloadFailure(error, { modelId: options.modelId, modelsDir, remoteHost: env.remoteHost });
  }

  const probe = await extractor(["dimension probe"], { pooling: "mean", normalize: true });
  const dimensions = probe.dims[probe.dims.length - 1];
  if (dimensions === undefined || dimensions <= 0) {
    throw new Error(`Model ${options.modelId} returned no embedding dimensions.`);
  }

  return {
    id: transformersEncoderId(options.modelId, options.quantized),
    dimensions,
    async embed(texts) {
      if (texts.length === 0) return [];
      const output = await extractor([...texts], { pooling: "mean", normalize: true });
      const vectors: Float32Array[] = [];
      for (let row = 0; row < texts.length; row++) {
        vectors.push(Float32Array.from(output.data.subarray(row * dimensions, (row + 1) * dimensions)));
      }
      return vectors;
    },
  };
}

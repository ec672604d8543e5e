import { UserError } from "../errors.js";

/** Where a transformers.js model was to come from and go to. */
export interface ModelSource {
  modelId: string;
  /** Absolute path of the models folder (MODELS_DIR). */
  modelsDir: string;
  /** The hub (MODEL_HOST). */
  remoteHost: string;
}

/** Node's fetch puts the socket's error code on `cause`; these are the ones that mean "no network". */
const NETWORK_FAILURES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed",
  ENETUNREACH: "network unreachable",
  EHOSTUNREACH: "host unreachable",
  ETIMEDOUT: "timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection lost",
};

/** transformers.js reports an HTTP refusal as `<what the status means>: "<url>".` */
const HUB_REFUSAL = /^(.+): "(https?:\/\/[^"]+)"\.$/;

function networkCause(error: TypeError): { code: string | undefined; message: string } {
  const cause = error.cause as (NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] }) | undefined;
  return { code: cause?.code ?? cause?.errors?.[0]?.code, message: cause?.message ?? "no connection" };
}

/**
 * Turns a failed model download into a UserError that names the model, what went wrong and how
 * to fix it; any other error (a damaged model, a bug) is returned unchanged.
 */
export function explainDownloadFailure(error: unknown, source: ModelSource): unknown {
  const failed = `Could not download the model ${source.modelId} from ${source.remoteHost}`;
  if (error instanceof TypeError && error.message === "fetch failed") {
    const cause = networkCause(error);
    const offline = cause.code === undefined ? undefined : NETWORK_FAILURES[cause.code];
    return new UserError(
      "MODEL_OFFLINE",
      `${failed} (${offline ?? cause.code ?? cause.message}): ` +
        `${offline === undefined ? "the hub could not be reached" : "this machine appears to be offline"}. ` +
        `Download it once where there is network (npm run index with EMBEDDINGS=transformers saves it under MODELS_DIR) ` +
        `and copy it to ${source.modelsDir}/${source.modelId}/, set MODELS_DIR to a folder that already holds it, ` +
        "or use EMBEDDINGS=offline (an encoder that needs no download).",
      { cause: error },
    );
  }
  const refusal = error instanceof Error ? HUB_REFUSAL.exec(error.message) : null;
  if (refusal !== null) {
    return new UserError(
      "MODEL_DOWNLOAD_REFUSED",
      `${failed}: it answered "${refusal[1]}" for ${refusal[2]}. ` +
        "Check EMBEDDING_MODEL (a transformers.js model id such as Xenova/all-MiniLM-L6-v2) and MODEL_HOST (a Hugging Face-style hub), " +
        "or use EMBEDDINGS=offline.",
      { cause: error },
    );
  }
  return error;
}

/**
 * Encoder ids, as recorded in an index manifest: the one place they are spelled, so the
 * id a plan expects and the id a loaded encoder reports cannot drift apart.
 */

/** The offline Universal Sentence Encoder lite. */
export const OFFLINE_ENCODER_ID = "offline:universal-sentence-encoder-lite";

/** A transformers.js model, with `:q8` when its quantised weights are used. */
export function transformersEncoderId(modelId: string, quantized: boolean): string {
  return `transformers:${modelId}${quantized ? ":q8" : ""}`;
}

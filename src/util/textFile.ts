/** Why a file's bytes are not text: zero bytes (a binary file), or bytes that are not UTF-8. */
export type TextProblem = "binary" | "not-utf8";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes a file that should be UTF-8 text, or says why it is not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: TextProblem } {
  // Text never holds a zero byte; binary formats (images, archives, models) almost always do.
  if (bytes.includes(0)) return { problem: "binary" };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: "not-utf8" };
  }
}

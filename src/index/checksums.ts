import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";

/** SHA-256 of some bytes, in hex: what a build records for each of its files. */
export function checksumOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The checksum of each named file of a folder, read as a stream (vector files can be hundreds of megabytes). */
export async function checksumFiles(folder: string, files: readonly string[]): Promise<Record<string, string>> {
  const checksums: Record<string, string> = {};
  for (const file of files) {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(path.join(folder, file))) hash.update(chunk as Buffer);
    checksums[file] = hash.digest("hex");
  }
  return checksums;
}

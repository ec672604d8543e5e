import { open, readFile, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BUILD_FILES } from "./buildFiles.js";
import { checksumOf } from "./checksums.js";

/**
 * A binary copy of a build's vectors (float32 rows, native byte order) beside the vectra files,
 * so loading 100k vectors is one read instead of parsing hundreds of megabytes of JSON. vectra
 * stays the store of record: the copy records the size and modification time of every file it
 * was made from, and is ignored the moment any of them differs, or its own bytes no longer match
 * the checksum it was written with.
 */
const { vectorMatrix: MATRIX, vectorSignature: SIGNATURE } = BUILD_FILES;
const CACHE_FORMAT = 2;
/** Large reads in pieces: one 200 MB read is slower than 16 MB ones on this kind of machine. */
const READ_CHUNK = 16 * 1024 * 1024;

interface SourceStamp {
  file: string;
  size: number;
  mtimeMs: number;
}

interface Signature {
  format: number;
  endianness: string;
  rows: number;
  dimensions: number;
  sources: SourceStamp[];
  /** SHA-256 of the matrix file. */
  checksum: string;
}

async function stampsOf(folder: string, files: readonly string[]): Promise<SourceStamp[]> {
  return Promise.all(
    files.map(async (file) => {
      const info = await stat(path.join(folder, file));
      return { file, size: info.size, mtimeMs: info.mtimeMs };
    }),
  );
}

/**
 * Writes the cache for `matrix`, made from `sources` (files in `folder`). The signature goes
 * last, through a rename, so a half-written matrix is never trusted.
 */
export async function writeVectorCache(
  folder: string,
  matrix: Float32Array,
  dimensions: number,
  sources: readonly string[],
): Promise<void> {
  const bytes = new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength);
  const signature: Signature = {
    format: CACHE_FORMAT,
    endianness: os.endianness(),
    rows: dimensions === 0 ? 0 : matrix.length / dimensions,
    dimensions,
    sources: await stampsOf(folder, sources),
    checksum: checksumOf(bytes),
  };
  await writeFile(path.join(folder, MATRIX), bytes);
  const temporary = path.join(folder, `${SIGNATURE}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(signature));
  await rename(temporary, path.join(folder, SIGNATURE));
}

/**
 * Fills `matrix` (`rows` × `dimensions`) from the cache when it exists and still matches
 * `sources`; returns false otherwise, and the caller reads vectra.
 */
export async function readVectorCache(
  folder: string,
  matrix: Float32Array,
  dimensions: number,
  sources: readonly string[],
): Promise<boolean> {
  const rows = dimensions === 0 ? 0 : matrix.length / dimensions;
  let signature: Signature;
  try {
    signature = JSON.parse(await readFile(path.join(folder, SIGNATURE), "utf8")) as Signature;
  } catch {
    return false;
  }
  if (
    signature.format !== CACHE_FORMAT ||
    signature.endianness !== os.endianness() ||
    signature.rows !== rows ||
    signature.dimensions !== dimensions ||
    !Array.isArray(signature.sources) ||
    signature.sources.length !== sources.length
  ) {
    return false;
  }
  let current: SourceStamp[];
  try {
    current = await stampsOf(folder, sources);
  } catch {
    return false;
  }
  const unchanged = current.every((stamp, index) => {
    const recorded = signature.sources[index];
    return recorded?.file === stamp.file && recorded.size === stamp.size && recorded.mtimeMs === stamp.mtimeMs;
  });
  if (!unchanged) return false;

  const bytes = new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength);
  const handle = await open(path.join(folder, MATRIX), "r").catch(() => null);
  if (handle === null) return false;
  try {
    if ((await handle.stat()).size !== bytes.byteLength) return false;
    let filled = 0;
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, Math.min(READ_CHUNK, bytes.byteLength - filled), filled);
      if (bytesRead === 0) return false;
      filled += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return checksumOf(bytes) === signature.checksum;
}

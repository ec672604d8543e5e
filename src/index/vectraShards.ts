import { readdir } from "node:fs/promises";

/**
 * Rows per vectra index file. vectra keeps a whole index in one JSON string, and V8 caps a
 * string at about 512 MiB: 100k × 512 floats would not fit, so large builds use several files.
 */
export const SHARD_ROWS = 8192;

/**
 * Decimals kept for each stored vector component. Components of an L2-normalised vector lie in
 * [-1, 1], so 1e-8 is below float32 resolution for all but the smallest values, and the JSON
 * holds ~11 characters a number instead of the ~19 a widened float32 prints as.
 */
const VECTOR_DECIMALS = 1e8;

/** A vector component as it is written to and read back from vectra. */
export function storedComponent(value: number): number {
  return Math.round(value * VECTOR_DECIMALS) / VECTOR_DECIMALS;
}

/** Shard 0 keeps vectra's default file name, so a small build is a plain vectra index. */
export function shardFileName(shard: number): string {
  return shard === 0 ? "index.json" : `index-${shard}.json`;
}

const SHARD_FILE = /^index(?:-(\d+))?\.json$/;

/** The vectra index files of a build folder, in shard order. */
export async function listShardFiles(folder: string): Promise<string[]> {
  const shards = (await readdir(folder))
    .map((name) => ({ name, match: SHARD_FILE.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ name, shard: match[1] === undefined ? 0 : Number(match[1]) }))
    .sort((a, b) => a.shard - b.shard);
  shards.forEach((entry, index) => {
    if (entry.shard !== index) throw new Error(`vector shard ${shardFileName(index)} is missing`);
  });
  return shards.map((entry) => entry.name);
}

// vectra's package entry loads OpenAI, cheerio and a GPT tokenizer (~0.6 s); the LocalIndex
// module alone is all the store needs, and it is loaded only when vectors are read or written.
async function localIndexClass() {
  return (await import("vectra/lib/LocalIndex.js")).LocalIndex;
}

export interface StoredRow {
  id: string;
  articleId: string;
  vector: Float32Array;
}

/** Writes rows through vectra's own API, `SHARD_ROWS` to an index file. Returns the file names. */
export async function writeShards(folder: string, rows: readonly StoredRow[]): Promise<string[]> {
  const LocalIndex = await localIndexClass();
  const files: string[] = [];
  const shardCount = Math.max(1, Math.ceil(rows.length / SHARD_ROWS));
  for (let shard = 0; shard < shardCount; shard++) {
    const name = shardFileName(shard);
    const index = new LocalIndex(folder, name);
    await index.createIndex({ version: 1 });
    await index.batchInsertItems(
      rows.slice(shard * SHARD_ROWS, (shard + 1) * SHARD_ROWS).map((row) => ({
        id: row.id,
        vector: Array.from(row.vector, storedComponent),
        metadata: { articleId: row.articleId },
      })),
    );
    files.push(name);
  }
  return files;
}

/**
 * Reads every shard through vectra and calls `visit` with each item, one shard in memory at a
 * time. Throws when a file is missing or not valid JSON.
 */
export async function readShards(
  folder: string,
  visit: (id: string, vector: readonly number[]) => void,
): Promise<string[]> {
  const LocalIndex = await localIndexClass();
  const files = await listShardFiles(folder);
  if (files.length === 0) throw new Error("no vector file index.json");
  for (const name of files) {
    for (const item of await new LocalIndex(folder, name).listItems()) visit(item.id, item.vector);
  }
  return files;
}

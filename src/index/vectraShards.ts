import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

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

/** Whether a file of a build folder is one of vectra's index files (see shardFileName). */
export function isShardFile(name: string): boolean {
  return SHARD_FILE.test(name);
}

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

/**
 * vectra's `LocalIndex` file, as its 0.12.3 `createIndex({ version: 1 })` and
 * `batchInsertItems` write it (`lib/LocalIndex.js`): the keys in this order, `norm` the
 * Euclidean length of the stored vector. Written here rather than through `LocalIndex`
 * because vectra's package entry, the only public way to load it, also loads OpenAI, cheerio and
 * a GPT tokenizer (~0.55 s of CPU, on every build); `test/index/vectraShards.test.ts` checks
 * that vectra's own public `LocalIndex` opens these files and writes the same bytes.
 */
interface VectraIndexFile {
  version: 1;
  metadata_config: Record<string, never>;
  items: VectraItem[];
}

interface VectraItem {
  id: string;
  metadata: { articleId: string };
  vector: number[];
  norm: number;
}

/** vectra's `ItemSelector.normalize`: summed in index order, so the float is the same. */
function vectorNorm(vector: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  return Math.sqrt(sum);
}

export interface StoredRow {
  id: string;
  articleId: string;
  vector: Float32Array;
}

/** Writes rows as vectra index files, `SHARD_ROWS` to a file. Returns the file names. */
export async function writeShards(folder: string, rows: readonly StoredRow[]): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  const seen = new Set<string>();
  const shardCount = Math.max(1, Math.ceil(rows.length / SHARD_ROWS));
  for (let shard = 0; shard < shardCount; shard++) {
    const items = rows.slice(shard * SHARD_ROWS, (shard + 1) * SHARD_ROWS).map((row): VectraItem => {
      // vectra refuses an id a file already holds; ids are unique across shards too.
      if (seen.has(row.id)) throw new Error(`Item with id ${row.id} already exists`);
      seen.add(row.id);
      const vector = Array.from(row.vector, storedComponent);
      return { id: row.id, metadata: { articleId: row.articleId }, vector, norm: vectorNorm(vector) };
    });
    const name = shardFileName(shard);
    const file: VectraIndexFile = { version: 1, metadata_config: {}, items };
    await writeFile(path.join(folder, name), JSON.stringify(file));
    files.push(name);
  }
  return files;
}

/**
 * Reads every shard as vectra's `LocalIndex.listItems` would and calls `visit` with each item,
 * one shard in memory at a time. Throws when a file is missing or not a vectra index.
 */
export async function readShards(
  folder: string,
  visit: (id: string, vector: readonly number[]) => void,
): Promise<string[]> {
  const files = await listShardFiles(folder);
  if (files.length === 0) throw new Error("no vector file index.json");
  for (const name of files) {
    const { items } = JSON.parse(await readFile(path.join(folder, name), "utf8")) as Partial<VectraIndexFile>;
    if (!Array.isArray(items)) throw new Error(`${name} is not a vectra index: it has no items`);
    for (const item of items) visit(item.id, item.vector);
  }
  return files;
}

import { stat } from "node:fs/promises";
import path from "node:path";
import type { ArticleSource } from "../ingest/articleSource.js";
import type { ArticleRecord, FileStamp, Manifest } from "./manifest.js";

/**
 * Whether the articles an index was built from are still what it holds. Citations point at
 * `[start, end)` of the file as indexed: once a file is edited or deleted they would quote text
 * that is no longer there. Checked cheaply (size and modification time of each file and its
 * sidecar, recorded at indexing); only an article whose stamp differs is hashed again.
 */

/** The size and modification time of an article file and its sidecar, or null when the file is gone. */
async function stampNow(folder: string, record: Pick<ArticleRecord, "id" | "file">): Promise<FileStamp | null> {
  const file = await stat(path.join(folder, record.file)).catch(() => null);
  if (file === null || !file.isFile()) return null;
  const sidecar = await stat(path.join(folder, `${record.id}.json`)).catch(() => null);
  return { size: file.size, mtimeMs: file.mtimeMs, sidecarMtimeMs: sidecar?.mtimeMs ?? null };
}

/**
 * The stamp to record for an article read at `readSince`, or undefined when it was modified
 * since (its content may be newer than what was read, so it is hashed next time instead).
 */
export async function stampOf(folder: string, record: Pick<ArticleRecord, "id" | "file">, readSince: number): Promise<FileStamp | undefined> {
  const stamp = await stampNow(folder, record);
  if (stamp === null || stamp.mtimeMs >= readSince || (stamp.sidecarMtimeMs ?? 0) >= readSince) return undefined;
  return stamp;
}

const sameStamp = (a: FileStamp, b: FileStamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.sidecarMtimeMs === b.sidecarMtimeMs;

/** Articles of an index whose files changed or disappeared since it was built (ids). */
export interface StaleArticles {
  changed: string[];
  removed: string[];
}

/** Which indexed articles no longer match their files in `folder`. */
export async function staleArticles(manifest: Pick<Manifest, "articles">, folder: string, source: ArticleSource): Promise<StaleArticles> {
  const removed: string[] = [];
  const suspects: ArticleRecord[] = [];
  for (const record of manifest.articles) {
    const now = await stampNow(folder, record);
    if (now === null) removed.push(record.id);
    else if (record.stamp === undefined || !sameStamp(record.stamp, now)) suspects.push(record);
  }
  if (suspects.length === 0) return { changed: [], removed };
  // A stamp differs: the content decides (a file saved unchanged, or copied, is still fresh).
  const fingerprints = await source.fingerprints().catch(() => null);
  // No article readable at all: none of them can be cited as indexed.
  if (fingerprints === null) return { changed: [], removed: manifest.articles.map((record) => record.id) };
  const hashes = new Map(fingerprints.articles.map((article) => [article.id, article.hash]));
  const changed = suspects.filter((record) => hashes.has(record.id) && hashes.get(record.id) !== record.hash).map((record) => record.id);
  removed.push(...suspects.filter((record) => !hashes.has(record.id)).map((record) => record.id));
  return { changed, removed };
}

/** The stale articles in a sentence: "002_… changed; 004_… was deleted". Empty when none. */
export function describeStale(stale: StaleArticles): string {
  const parts = [
    ...(stale.changed.length > 0 ? [`${stale.changed.join(", ")} changed`] : []),
    ...(stale.removed.length > 0 ? [`${stale.removed.join(", ")} ${stale.removed.length === 1 ? "was" : "were"} deleted`] : []),
  ];
  return parts.join("; ");
}

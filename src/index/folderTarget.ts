import { statfs } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.js";
import type { Passage } from "../types.js";
import { checkWritable, loadIndex, readManifest, writeIndex, type BuildContents } from "./indexStore.js";
import { acquireIndexLock } from "./lock.js";
import type { Manifest } from "./manifest.js";
import type { IndexTarget, IndexWriter } from "./target.js";

/**
 * Bytes a build takes on disk, per vector component (vectra's JSON, ~11 characters each, and
 * the binary copy) and per character of passage text (passages, keywords, forward index).
 */
const BYTES_PER_COMPONENT = 20;
const BYTES_PER_TEXT_CHAR = 4;

/** The files backend's target: build folders under `indexDir`, published by moving CURRENT (indexStore.ts). */
export class FolderTarget implements IndexTarget {
  constructor(private readonly indexDir: string) {}

  get where(): string {
    return this.indexDir;
  }

  async exclusive<T>(work: (writer: IndexWriter) => Promise<T>, options: { waitMs: number; onWait: (holder: string) => void }): Promise<T> {
    const lock = await acquireIndexLock(this.indexDir, {
      waitMs: options.waitMs,
      onWait: (owner) => options.onWait(owner ? ` (process ${owner.pid} on ${owner.host})` : ""),
    });
    try {
      return await work(new FolderWriter(this.indexDir));
    } finally {
      await lock.release();
    }
  }
}

class FolderWriter implements IndexWriter {
  constructor(private readonly indexDir: string) {}

  readManifest(): Promise<Manifest | null> {
    return readManifest(this.indexDir);
  }

  async vectorsOf(manifest: Manifest, articleIds: readonly string[]): Promise<ReadonlyMap<string, Float32Array>> {
    const index = await loadIndex(this.indexDir);
    if (index === null) throw new Error(`the index in ${this.indexDir} disappeared`);
    const wanted = new Set(articleIds);
    const dims = manifest.encoder.dimensions;
    const vectors = new Map<string, Float32Array>();
    index.passages.forEach((passage, row) => {
      if (wanted.has(passage.articleId)) vectors.set(passage.id, index.vectors.slice(row * dims, (row + 1) * dims));
    });
    return vectors;
  }

  /**
   * Checks that the index folder can take a build of these passages: it can be written, and its
   * disk has room. A UserError names the folder, the problem and the fix.
   */
  async checkRoomFor(passages: readonly Passage[], dimensions: number): Promise<void> {
    await checkWritable(this.indexDir);
    const text = passages.reduce((sum, passage) => sum + passage.text.length, 0);
    const needed = passages.length * dimensions * BYTES_PER_COMPONENT + text * BYTES_PER_TEXT_CHAR;
    const disk = await statfs(this.indexDir).catch(() => null);
    const free = disk === null ? Infinity : disk.bavail * disk.bsize;
    if (free < needed) {
      const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
      throw new UserError(
        "INDEX_NO_SPACE",
        `The index needs about ${mb(needed)} in ${path.resolve(this.indexDir)} but only ${mb(free)} is free. Free some space there, or set INDEX_DIR to another folder.`,
      );
    }
  }

  async write(contents: BuildContents): Promise<void> {
    await writeIndex(this.indexDir, contents);
  }
}

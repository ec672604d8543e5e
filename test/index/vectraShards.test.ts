import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LocalIndex } from "vectra";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readShards, SHARD_ROWS, shardFileName, storedComponent, writeShards, type StoredRow } from "../../src/index/vectraShards.js";

const DIMENSIONS = 6;

/** Deterministic unit-length rows, with components that need the stored rounding. */
function rows(count: number): StoredRow[] {
  return Array.from({ length: count }, (_, row) => {
    const raw = Array.from({ length: DIMENSIONS }, (_, d) => Math.sin(row * 7.1 + d * 1.3 + 0.2));
    const length = Math.hypot(...raw);
    return { id: `a${row % 5}#${row}`, articleId: `a${row % 5}`, vector: Float32Array.from(raw, (value) => value / length) };
  });
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "vectra-shards-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("vector shards in vectra's own index format", () => {
  it("GIVEN rows written by writeShards THEN vectra's public LocalIndex lists the same items, vectors as stored", async () => {
    const written = rows(40);
    expect(await writeShards(folder, written)).toEqual(["index.json"]);

    const index = new LocalIndex(folder);
    expect(await index.isIndexCreated()).toBe(true);
    expect(await index.getIndexStats()).toEqual({ version: 1, metadata_config: {}, items: 40 });
    const items = await index.listItems();
    expect(items.map((item) => item.id)).toEqual(written.map((row) => row.id));
    items.forEach((item, i) => {
      expect(item.metadata).toEqual({ articleId: written[i]!.articleId });
      expect(item.vector).toEqual(Array.from(written[i]!.vector, storedComponent));
    });
  });

  it("GIVEN the same rows THEN the file is byte for byte the one vectra's createIndex and batchInsertItems write", async () => {
    const written = rows(40);
    await writeShards(path.join(folder, "ours"), written);
    const theirs = new LocalIndex(path.join(folder, "vectra"));
    await theirs.createIndex({ version: 1 });
    await theirs.batchInsertItems(
      written.map((row) => ({ id: row.id, vector: Array.from(row.vector, storedComponent), metadata: { articleId: row.articleId } })),
    );
    expect(await readFile(path.join(folder, "ours", "index.json"), "utf8")).toBe(await readFile(path.join(folder, "vectra", "index.json"), "utf8"));
  });

  it("GIVEN written shards THEN vectra's queryItems ranks with the stored norms: each row finds itself first", async () => {
    const written = rows(12);
    await writeShards(folder, written);
    const index = new LocalIndex(folder);
    for (const row of written) {
      const [best] = await index.queryItems(Array.from(row.vector), "", 1);
      expect(best?.item.id).toBe(row.id);
      expect(best?.score).toBeCloseTo(1, 6);
    }
  });

  it("GIVEN more rows than a shard holds THEN each file is a vectra index of its own and readShards reads them all in order", async () => {
    const written = rows(SHARD_ROWS + 3);
    expect(await writeShards(folder, written)).toEqual([shardFileName(0), shardFileName(1)]);
    expect(await new LocalIndex(folder, shardFileName(1)).getIndexStats()).toMatchObject({ items: 3 });

    const read: string[] = [];
    await readShards(folder, (id, vector) => {
      read.push(id);
      expect(vector).toHaveLength(DIMENSIONS);
    });
    expect(read).toEqual(written.map((row) => row.id));
  });

  it("GIVEN an index written by vectra itself THEN readShards returns its items", async () => {
    const index = new LocalIndex(folder);
    await index.createIndex({ version: 1 });
    await index.batchInsertItems([{ id: "x#0", vector: [0.6, 0.8], metadata: { articleId: "x" } }]);
    const read: Array<[string, readonly number[]]> = [];
    await readShards(folder, (id, vector) => read.push([id, vector]));
    expect(read).toEqual([["x#0", [0.6, 0.8]]]);
  });

  it("GIVEN a repeated id THEN writing refuses it, as vectra does", async () => {
    const [row] = rows(1);
    await expect(writeShards(folder, [row!, row!])).rejects.toThrow(`Item with id ${row!.id} already exists`);
  });
});

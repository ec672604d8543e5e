import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diskUsage } from "../../bench/scale.js";

let folder = "";
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("diskUsage", () => {
  it("sums a build folder's files by what holds them", async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "disk-usage-"));
    const files: Record<string, number> = {
      "index.json": 10,
      "index-1.json": 20,
      "vectors.f32": 40,
      "vectors.f32.json": 3,
      "passages.json": 7,
      "keywords.json": 5,
      "keywords.bin": 6,
      "tokens.bin": 8,
      "quotes.json": 1,
      "manifest.json": 2,
    };
    for (const [name, size] of Object.entries(files)) await writeFile(path.join(folder, name), "x".repeat(size));
    expect(await diskUsage(folder)).toEqual({ total: 102, vectraJson: 30, vectorCache: 43, passages: 7, keywords: 11, tokens: 8, other: 3 });
  });
});

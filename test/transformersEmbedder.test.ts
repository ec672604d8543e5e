import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainDownloadFailure } from "../src/embed/modelDownloadError.js";
import { createTransformersEmbedder, isModelCached } from "../src/embed/transformersEmbedder.js";
import type { Embedder } from "../src/types.js";
import { TINY_DIMENSIONS, TINY_VOCAB, tinyEmbeddingRow, writeTinyModel } from "./support/tinyModel.js";

const MODEL_ID = "test/tiny-bert";

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function tokenId(token: string): number {
  const id = TINY_VOCAB.indexOf(token);
  if (id < 0) throw new Error(`"${token}" is not in the tiny vocabulary`);
  return id;
}

/** What the pipeline should return for these WordPiece tokens: [CLS] tokens [SEP], mean-pooled, L2-normalised. */
function expectedEmbedding(tokens: string[], dimensions = TINY_DIMENSIONS): number[] {
  const ids = ["[CLS]", ...tokens, "[SEP]"].map(tokenId);
  const sum = new Array<number>(dimensions).fill(0);
  for (const id of ids) {
    tinyEmbeddingRow(id, dimensions).forEach((value, k) => (sum[k] = (sum[k] ?? 0) + value));
  }
  const mean = sum.map((value) => value / ids.length);
  const norm = Math.hypot(...mean);
  return mean.map((value) => value / norm);
}

function expectClose(actual: Float32Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, k) => expect(value).toBeCloseTo(expected[k] ?? Number.NaN, 5));
}

describe("createTransformersEmbedder with a tiny local ONNX model", () => {
  let modelsDir = "";
  let embedder: Embedder;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), "tiny-bert-"));
    expect(isModelCached(MODEL_ID, modelsDir, true)).toBe(false);
    await writeTinyModel(modelsDir, MODEL_ID);
    expect(isModelCached(MODEL_ID, modelsDir, true)).toBe(true);
    embedder = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir, allowDownload: false, quantized: true });
  });

  afterAll(async () => {
    if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
  });

  it("reports the model's width and id", () => {
    expect(embedder.dimensions).toBe(TINY_DIMENSIONS);
    expect(embedder.id).toContain(MODEL_ID);
  });

  it("returns one unit-length vector per text", async () => {
    const vectors = await embedder.embed(["Grushko said NATO troops", "peace", "Ukraine war talks with Russia"]);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(TINY_DIMENSIONS);
      expect(Math.abs(Math.sqrt(dot(vector, vector)) - 1)).toBeLessThan(1e-5);
    }
  });

  it("matches the mean of the table rows for the tokenizer's ids, [CLS] and [SEP] included", async () => {
    // The batch pads the shorter texts, so this also checks the attention mask is honoured.
    const [long, short, unknown] = await embedder.embed(["Grushko said NATO troops.", "PEACE", "Grushko, hello"]);
    // Lower-casing, punctuation splitting and [UNK] for out-of-vocabulary words all come from tokenizer.json.
    expectClose(long!, expectedEmbedding(["grushko", "said", "nato", "troops", "[UNK]"]));
    expectClose(short!, expectedEmbedding(["peace"]));
    expectClose(unknown!, expectedEmbedding(["grushko", "[UNK]", "[UNK]"]));
  });

  it("gives identical texts identical vectors, within and across batches", async () => {
    const [a, b] = await embedder.embed(["Ukraine war", "Ukraine war"]);
    const [alone] = await embedder.embed(["Ukraine war"]);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expectClose(alone!, Array.from(a!));
  });

  it("scores texts that share words above texts that share none", async () => {
    const [troops, moreTroops, peace] = await embedder.embed([
      "NATO troops border",
      "Russia troops border",
      "peace talks minister",
    ]);
    expect(dot(troops!, moreTroops!)).toBeGreaterThan(dot(troops!, peace!) + 0.3);
  });

  it("loads model.onnx when not quantized, at the width it was written with", async () => {
    await writeTinyModel(modelsDir, "test/tiny-bert-8", { quantized: false, dimensions: 8 });
    expect(isModelCached("test/tiny-bert-8", modelsDir, false)).toBe(true);
    expect(isModelCached("test/tiny-bert-8", modelsDir, true)).toBe(false);
    const small = await createTransformersEmbedder({
      modelId: "test/tiny-bert-8",
      modelsDir,
      allowDownload: false,
      quantized: false,
    });
    expect(small.dimensions).toBe(8);
    const [vector] = await small.embed(["war"]);
    expectClose(vector!, expectedEmbedding(["war"], 8));
  });

  it("rejects a model that is not in the folder without touching the network", async () => {
    const realFetch = globalThis.fetch;
    let fetchCalls = 0;
    globalThis.fetch = async () => {
      fetchCalls++;
      throw new Error("network access in a test");
    };
    try {
      await expect(
        createTransformersEmbedder({ modelId: "test/not-here", modelsDir, allowDownload: false, quantized: true }),
      ).rejects.toThrow(/not found locally|local_files_only/);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetchCalls).toBe(0);
  });
});

describe("explainDownloadFailure", () => {
  const source = { modelId: "Xenova/all-MiniLM-L6-v2", modelsDir: "/models", remoteHost: "https://huggingface.co/" };

  it("names a host name that does not resolve as being offline", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND huggingface.co"), { code: "ENOTFOUND" }) });
    expect(explainDownloadFailure(error, source)).toMatchObject({
      code: "MODEL_OFFLINE",
      message: expect.stringMatching(/^Could not download the model Xenova\/all-MiniLM-L6-v2 from https:\/\/huggingface.co\/ \(host name not found\): this machine appears to be offline\. .*\/models\/Xenova\/all-MiniLM-L6-v2\/.*EMBEDDINGS=offline/),
    });
  });

  it("leaves errors that are not about the download as they are", () => {
    const damaged = new Error("Protobuf parsing failed.");
    expect(explainDownloadFailure(damaged, source)).toBe(damaged);
  });
});

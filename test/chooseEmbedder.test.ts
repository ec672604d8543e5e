import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEngineConfig } from "../src/config.js";
import { planEncoder } from "../src/embed/chooseEmbedder.js";
import { OFFLINE_ENCODER_ID } from "../src/embed/encoderIds.js";
import { openEngine, runIndexer } from "../src/engine/openEngine.js";
import { UserError } from "../src/errors.js";
import type { Logger } from "../src/log.js";
import { SEEDS_DIR } from "./support/engineFixture.js";
import { writeTinyModel } from "./support/tinyModel.js";

let root: string;
let modelsDir: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "choose-"));
  modelsDir = path.join(root, "models");
  await writeTinyModel(modelsDir, "test/tiny-bert");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Port 9 on loopback: nothing listens, so the probe fails at once without leaving the machine.
const unreachable = "http://127.0.0.1:9/";

function config(env: Record<string, string>) {
  return loadEngineConfig({ MODELS_DIR: modelsDir, MODEL_HOST: unreachable, MODEL_PROBE_TIMEOUT_MS: "500", ...env });
}

describe("planEncoder", () => {
  it("uses a cached transformers.js model in auto mode", async () => {
    const plan = await planEncoder(config({ EMBEDDING_MODEL: "test/tiny-bert" }));
    expect(plan).toMatchObject({ kind: "transformers", id: "transformers:test/tiny-bert:q8", reason: expect.stringContaining("cached") });
  });

  it("falls back to the offline encoder when the model is missing and the hub unreachable", async () => {
    const plan = await planEncoder(config({ EMBEDDING_MODEL: "test/absent" }));
    expect(plan).toMatchObject({ kind: "offline", id: OFFLINE_ENCODER_ID, reason: expect.stringContaining("127.0.0.1:9 unreachable") });
    const noDownload = await planEncoder(config({ EMBEDDING_MODEL: "test/absent", ALLOW_MODEL_DOWNLOAD: "false" }));
    expect(noDownload.reason).toContain("downloads disabled");
  });

  it("follows the encoder an existing index was built with", async () => {
    const plan = await planEncoder(config({ EMBEDDING_MODEL: "test/tiny-bert" }), OFFLINE_ENCODER_ID);
    expect(plan.kind).toBe("offline");
    // …and says that a model set by name is not used until a re-index, rather than ignoring it.
    expect(plan.reason).toBe("the index was built with it; EMBEDDING_MODEL=test/tiny-bert is used once you re-index with: npm run index -- --rebuild");
    expect((await planEncoder(loadEngineConfig({ MODEL_HOST: unreachable }), OFFLINE_ENCODER_ID)).reason).toBe("the index was built with it");
  });

  it("explains what to do when the forced or recorded encoder cannot be had", async () => {
    const forced = await planEncoder(config({ EMBEDDINGS: "transformers", EMBEDDING_MODEL: "test/absent", ALLOW_MODEL_DOWNLOAD: "false" })).catch((error: unknown) => error);
    expect((forced as UserError).code).toBe("MODEL_MISSING");
    const changed = await planEncoder(config({ EMBEDDING_MODEL: "test/tiny-bert" }), "transformers:other/model:q8").catch((error: unknown) => error);
    expect((changed as UserError).code).toBe("ENCODER_MISMATCH");
    expect((changed as UserError).message).toContain("npm run index -- --rebuild");
  });
});

describe("the transformers.js path end to end", () => {
  it("indexes the seeds and answers with the cached model, saying which encoder in one line", async () => {
    const lines: string[] = [];
    const log: Logger = { info: (line) => lines.push(line), warn: (line) => lines.push(line), error: (line) => lines.push(line) };
    const engineConfig = config({ EMBEDDING_MODEL: "test/tiny-bert", ARTICLES_DIR: SEEDS_DIR, INDEX_DIR: path.join(root, "index") });
    const { result } = await runIndexer(engineConfig, log, { rebuild: false, progress: false });
    expect(result.status).toBe("built");
    expect(lines.filter((line) => line.startsWith("Embeddings:"))).toEqual(["Embeddings: transformers.js test/tiny-bert (cached in " + modelsDir + "/)"]);
    const engine = await openEngine(engineConfig, log);
    expect(engine.encoderId).toBe("transformers:test/tiny-bert:q8");
    const answer = await engine.ask("What did Grushko say?");
    expect(answer.answered).toBe(true);
    expect(answer.citations.some((citation) => citation.text.includes("Grushko"))).toBe(true);
  });
});

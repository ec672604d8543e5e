import { createServer, type Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { runCli } from "../support/runCli.js";

/**
 * EMBEDDINGS=transformers with a model that is not cached and a hub that cannot be had: a
 * closed port on loopback stands for a machine without network, a local server that knows no
 * models for a hub without this one. Nothing leaves the machine.
 */
let root: string;
let hub: Server;
let hubUrl = "";
/** A loopback port nothing listens on: the connection is refused at once, as on a machine without network. */
let closedPort = 0;
const hubRequests: string[] = [];
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "model-download-"));
  hub = createServer((request, response) => {
    hubRequests.push(request.url ?? "");
    response.writeHead(404).end("Entry not found");
  });
  await new Promise<void>((resolve) => hub.listen(0, "127.0.0.1", resolve));
  const address = hub.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  hubUrl = `http://127.0.0.1:${address.port}/`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
  await new Promise((resolve) => hub.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

function run(script: string, args: string[], modelHost: string) {
  return runCli(script, args, {
    env: {
      EMBEDDINGS: "transformers",
      EMBEDDING_MODEL: "Xenova/all-MiniLM-L6-v2",
      MODEL_HOST: modelHost,
      MODELS_DIR: path.join(root, "models"),
      ARTICLES_DIR: SEEDS_DIR,
      INDEX_DIR: path.join(root, "index"),
    },
    timeoutMs: 30_000,
  });
}

describe.concurrent("a transformers.js model that cannot be downloaded", () => {
  it.each([
    ["npm run index", "scripts/index.ts", []],
    ["npm run ask", "src/cli/ask.ts", ["What did Grushko say?"]],
  ])("%s without network names the model, says the machine looks offline and how to fix it, status 1", async (_name, script, args) => {
    const host = `http://127.0.0.1:${closedPort}/`;
    const result = await run(script, args, host);
    expect(result.stderr).toContain(`Could not download the model Xenova/all-MiniLM-L6-v2 from ${host} (connection refused): this machine appears to be offline.`);
    expect(result.stderr).toMatch(/MODELS_DIR/);
    expect(result.stderr).toMatch(/EMBEDDINGS=offline/);
    expect(result.stderr).not.toMatch(/fetch failed/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
  });

  it("a hub without the model says what it answered and which settings to check, status 1", async () => {
    const result = await run("scripts/index.ts", [], hubUrl);
    expect(hubRequests.some((url) => url.startsWith("/Xenova/all-MiniLM-L6-v2/resolve/main/"))).toBe(true);
    expect(result.stderr).toMatch(
      new RegExp(`Could not download the model Xenova/all-MiniLM-L6-v2 from ${hubUrl}: it answered "Could not locate file" for ${hubUrl}Xenova/all-MiniLM-L6-v2/resolve/main/\\S+\\. Check EMBEDDING_MODEL .*and MODEL_HOST .*EMBEDDINGS=offline`),
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SEEDS_DIR } from "./engineFixture.js";
import { runCli } from "./runCli.js";

export interface SeedIndex {
  /** The variables that point a command at this index, built with the offline encoder. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** Indexes the seed articles into a temporary folder with the real `npm run index` entry point. */
export async function buildSeedIndex(): Promise<SeedIndex> {
  const root = await mkdtemp(path.join(os.tmpdir(), "seed-index-"));
  const env = { ARTICLES_DIR: SEEDS_DIR, INDEX_DIR: path.join(root, "index"), EMBEDDINGS: "offline" };
  const built = await runCli("scripts/index.ts", [], { env, timeoutMs: 110_000 });
  if (built.code !== 0) throw new Error(`indexing the seeds failed (${built.code}):\n${built.stderr}`);
  return { env, cleanup: () => rm(root, { recursive: true, force: true }) };
}

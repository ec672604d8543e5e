import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { SEEDS_DIR } from "./engineFixture.js";
import { runCli } from "./runCli.js";

export interface SeedIndex {
  /** The variables that point a command at this index, built with the offline encoder. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** Long enough for the offline encoder to embed the seeds on a loaded 2-core machine. */
const BUILD_MS = 110_000;

const exists = (file: string) => stat(file).then(() => true, () => false);

/**
 * The seed articles indexed once per test run with the real `npm run index` entry point, in the
 * folder seedIndexCache.ts provides: the first caller (in whichever worker) takes the `building`
 * folder as a lock and builds; the others wait for `index` to appear, or for `failed` to say why not.
 */
async function sharedSeedBuild(): Promise<string> {
  const cache = inject("seedIndexCache");
  const built = path.join(cache, "index");
  const failed = path.join(cache, "failed");
  const building = path.join(cache, "building");
  if (await mkdir(building).then(() => true, () => false)) {
    const env = { ARTICLES_DIR: SEEDS_DIR, INDEX_DIR: path.join(building, "index"), EMBEDDINGS: "offline" };
    const result = await runCli("scripts/index.ts", [], { env, timeoutMs: BUILD_MS });
    if (result.code !== 0) {
      await writeFile(failed, `indexing the seeds failed (${result.code}):\n${result.stderr}`);
    } else {
      await rename(env.INDEX_DIR, built);
    }
  }
  const deadline = Date.now() + BUILD_MS;
  for (;;) {
    if (await exists(built)) return built;
    if (await exists(failed)) throw new Error(await readFile(failed, "utf8"));
    if (Date.now() > deadline) throw new Error(`timed out after ${BUILD_MS} ms waiting for the seed index another test is building`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The seed articles indexed with the offline encoder by `npm run index`, in a temporary folder of
 * the caller's own: a copy of the one build the run shares, so a test may change it freely.
 */
export async function buildSeedIndex(): Promise<SeedIndex> {
  const shared = await sharedSeedBuild();
  const root = await mkdtemp(path.join(os.tmpdir(), "seed-index-"));
  const env = { ARTICLES_DIR: SEEDS_DIR, INDEX_DIR: path.join(root, "index"), EMBEDDINGS: "offline" };
  await cp(shared, env.INDEX_DIR, { recursive: true });
  return { env, cleanup: () => rm(root, { recursive: true, force: true }) };
}

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the first test that asks for the seed index builds it for all (see seedIndex.ts). */
    seedIndexCache: string;
  }
}

/** An empty folder for the run's one build of the seed index, removed when the run ends. */
export default async function seedIndexCache(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "seed-index-cache-"));
  project.provide("seedIndexCache", folder);
  return () => rm(folder, { recursive: true, force: true });
}

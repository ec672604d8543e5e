import path from "node:path";
import type { EncoderChoice, EncoderKind } from "./encoders.js";
import { serveFigures, type ServeFigures } from "./scale.js";
import { spreadOf, type Spread } from "./stats.js";
import { runWorker } from "./workerClient.js";
import type { BuildMeasurement, ServeMeasurement } from "./workerProtocol.js";

/** Cold builds of the seeds with one encoder, or why it could not be measured. */
export interface EncoderBuildFigures {
  kind: EncoderKind;
  encoderId: string | null;
  unavailable: string | null;
  passages: number;
  buildMs: Spread | null;
  modelLoadMs: Spread | null;
  passagesPerSecond: Spread | null;
  /** Where the last build was written, for the runs that load it. */
  indexDir: string | null;
}

/** `repeats` cold `--rebuild`s per available encoder, each in a fresh process, model load included. */
export async function coldBuilds(
  choices: readonly EncoderChoice[],
  options: { articlesDir: string; workDir: string; repeats: number; onProgress: (message: string) => void },
): Promise<EncoderBuildFigures[]> {
  const figures: EncoderBuildFigures[] = [];
  for (const choice of choices) {
    if (choice.plan === null) {
      figures.push({ kind: choice.kind, encoderId: null, unavailable: choice.unavailable, passages: 0, buildMs: null, modelLoadMs: null, passagesPerSecond: null, indexDir: null });
      continue;
    }
    const indexDir = path.join(options.workDir, `seed-${choice.kind}`);
    const runs: BuildMeasurement[] = [];
    for (let run = 0; run < options.repeats; run++) {
      options.onProgress(`seeds: cold build with ${choice.plan.id}, run ${run + 1} of ${options.repeats}`);
      runs.push(await runWorker({ task: "build", articlesDir: options.articlesDir, indexDir, encoder: choice.kind }));
    }
    figures.push({
      kind: choice.kind,
      encoderId: choice.plan.id,
      unavailable: null,
      passages: runs[0]?.passages ?? 0,
      buildMs: spreadOf(runs.map((run) => run.buildMs)),
      modelLoadMs: spreadOf(runs.map((run) => run.modelLoadMs)),
      passagesPerSecond: spreadOf(runs.map((run) => (run.embedded * 1000) / run.embedMs)),
      indexDir,
    });
  }
  return figures;
}

/**
 * Loads the seed index and answers the question set warm, `repeats` times in fresh processes:
 * from the build folder `indexDir`, or from the Postgres database at `databaseUrl` when given.
 */
export async function seedServe(
  indexDir: string,
  encoder: EncoderKind,
  options: { questionsFile: string; repeats: number; passes: number; onProgress: (message: string) => void; databaseUrl?: string },
): Promise<ServeFigures> {
  const runs: ServeMeasurement[] = [];
  const { databaseUrl } = options;
  const where = databaseUrl === undefined ? "" : " (postgres)";
  for (let run = 0; run < options.repeats; run++) {
    options.onProgress(`seeds${where}: load and query, run ${run + 1} of ${options.repeats}`);
    const task = { task: "serve", indexDir, encoder, questionsFile: options.questionsFile, warmupPasses: 1, passes: options.passes } as const;
    runs.push(await runWorker(databaseUrl === undefined ? task : { ...task, databaseUrl }));
  }
  return serveFigures(runs);
}

import type { EncoderKind } from "./encoders.js";
import type { PairMeasurement } from "./paired.js";
import type { SystemMeasurement, SystemName } from "./sideBySide.js";

/** What a worker prints before its one JSON result line. */
export const RESULT_MARKER = "BENCH_RESULT ";

/** A cold `--rebuild` of an articles folder, model load included. */
export interface BuildTask {
  task: "build";
  articlesDir: string;
  indexDir: string;
  encoder: EncoderKind;
  /** Write into the Postgres database at this URL instead of `indexDir` (--backend postgres). */
  databaseUrl?: string;
}

/** Load an index and answer a question set warm. */
export interface ServeTask {
  task: "serve";
  indexDir: string;
  encoder: EncoderKind;
  questionsFile: string;
  warmupPasses: number;
  passes: number;
  /** Answer from the Postgres database at this URL instead of `indexDir` (--backend postgres). */
  databaseUrl?: string;
}

/** Build one system of the side-by-side comparison and answer the question set with it. */
export interface SideTask {
  task: "side";
  system: SystemName;
  articlesDir: string;
  workDir: string;
  encoder: EncoderKind;
  questionsFile: string;
  repeats: number;
  passes: number;
}

/** Build ours and one peer in one process and time them on the same queries, back to back. */
export interface PairTask {
  task: "pair";
  ours: SystemName;
  theirs: SystemName;
  articlesDir: string;
  workDir: string;
  encoder: EncoderKind;
  questionsFile: string;
  passes: number;
}

export type WorkerTask = BuildTask | ServeTask | SideTask | PairTask;
export type { PairMeasurement };
export type SideMeasurement = SystemMeasurement;

export interface BuildMeasurement {
  encoderId: string;
  buildMs: number;
  modelLoadMs: number;
  embedMs: number;
  embedded: number;
  passages: number;
}

export interface ServeMeasurement {
  passages: number;
  loadMs: number;
  modelLoadMs: number;
  /** Resident memory (MiB) before loading anything, after loading the index, after the queries. */
  baselineMiB: number;
  afterLoadMiB: number;
  afterQueriesMiB: number;
  /** Highest resident memory of the process (MiB). */
  peakMiB: number;
  askP50: number;
  askP95: number;
  retrieveP50: number;
  recallAt5: number;
  queries: number;
}

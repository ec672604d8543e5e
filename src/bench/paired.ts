import { buildContender, type SystemName, type SystemRun } from "./sideBySide.js";
import { collectGarbage } from "./gc.js";
import { elapsedMs, percentile, spreadOf, type Spread } from "./stats.js";

/**
 * Ours against one peer on the same queries in one process: each question goes to both systems
 * back to back, once in each order, so a slow moment of a shared machine lands on both and
 * neither gains from going first or second. What one fresh process measured:
 */
export interface PairMeasurement {
  ours: string;
  theirs: string;
  /** Per query of every timed pass, in the same order for both systems (ms). */
  oursMs: number[];
  theirsMs: number[];
}

/** Several processes' pairs as figures; each ratio is ours/theirs of one process's p50s. */
export interface PairFigures {
  ours: string;
  theirs: string;
  queries: number;
  oursP50Ms: Spread;
  theirsP50Ms: Spread;
  ratio: Spread;
  /** Share of paired queries on which ours answered first. */
  oursFasterShare: number;
}

export type PairRun = Omit<SystemRun, "system"> & { ours: SystemName; theirs: SystemName };

export async function measurePair(run: PairRun): Promise<PairMeasurement> {
  const ours = await buildContender({ ...run, system: run.ours, repeats: 1 });
  const theirs = await buildContender({ ...run, system: run.theirs, repeats: 1 });
  const time = async (query: (question: string) => Promise<unknown>, question: string) => {
    const start = performance.now();
    await query(question);
    return elapsedMs(start);
  };
  for (const question of run.questions) {
    await ours.query(question.question);
    await theirs.query(question.question);
  }
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  for (let pass = 0; pass < run.passes; pass++) {
    collectGarbage();
    for (const [index, question] of run.questions.entries()) {
      // Both orders for every question (ours then theirs, theirs then ours), so whichever
      // position is faster on this machine favours neither system.
      const oursFirst = (index + pass) % 2 === 0;
      for (const first of [oursFirst, !oursFirst]) {
        if (first) {
          oursMs.push(await time(ours.query, question.question));
          theirsMs.push(await time(theirs.query, question.question));
        } else {
          theirsMs.push(await time(theirs.query, question.question));
          oursMs.push(await time(ours.query, question.question));
        }
      }
    }
  }
  return { ours: ours.label, theirs: theirs.label, oursMs, theirsMs };
}

export function combinePairs(runs: readonly PairMeasurement[]): PairFigures {
  const first = runs[0];
  if (first === undefined) throw new Error("no paired runs to combine");
  const oursP50s = runs.map((run) => percentile(run.oursMs, 50));
  const theirsP50s = runs.map((run) => percentile(run.theirsMs, 50));
  const pairs = runs.flatMap((run) => run.oursMs.map((ms, index) => [ms, run.theirsMs[index] ?? Number.NaN] as const));
  return {
    ours: first.ours,
    theirs: first.theirs,
    queries: first.oursMs.length,
    oursP50Ms: spreadOf(oursP50s),
    theirsP50Ms: spreadOf(theirsP50s),
    ratio: spreadOf(oursP50s.map((ms, index) => ms / (theirsP50s[index] as number))),
    oursFasterShare: pairs.filter(([ours, theirs]) => ours < theirs).length / Math.max(1, pairs.length),
  };
}

import { buildContender, type SystemName, type SystemRun } from "./sideBySide.js";
import { collectGarbage } from "./gc.js";
import { percentile, spreadOf, timed, type Spread } from "./stats.js";

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
  const questions = run.questions.map((question) => question.question);
  return { ours: ours.label, theirs: theirs.label, ...(await timePairs(ours.query, theirs.query, questions, run.passes)) };
}

type Query = (question: string) => Promise<unknown>;

/**
 * Times two systems on the same questions: one warm-up round, then `passes` rounds in which
 * every question goes to both back to back, once in each order (ours then theirs, theirs then
 * ours), so whichever position is faster on this machine favours neither.
 */
export async function timePairs(ours: Query, theirs: Query, questions: readonly string[], passes: number): Promise<{ oursMs: number[]; theirsMs: number[] }> {
  const time = async (query: Query, question: string) => (await timed(() => query(question))).ms;
  for (const question of questions) {
    await ours(question);
    await theirs(question);
  }
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    collectGarbage();
    for (const [index, question] of questions.entries()) {
      const oursFirst = (index + pass) % 2 === 0;
      for (const first of [oursFirst, !oursFirst]) {
        if (first) {
          oursMs.push(await time(ours, question));
          theirsMs.push(await time(theirs, question));
        } else {
          theirsMs.push(await time(theirs, question));
          oursMs.push(await time(ours, question));
        }
      }
    }
  }
  return { oursMs, theirsMs };
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

import { describe, expect, it } from "vitest";
import { combinePairs, timePairs, type PairMeasurement } from "../../bench/paired.js";
import { spreadOf } from "../../bench/stats.js";
import type { BenchReport } from "../../bench/report.js";
import { checkTargets } from "../../bench/targets.js";
import { benchReport, TARGETS } from "./targetsFixture.js";

const OURS = "ours: engine.ask (full answer)";
const VECTRA = "vectra LocalDocumentIndex (dense)";

function run(oursMs: number[], theirsMs: number[]): PairMeasurement {
  return { ours: OURS, theirs: VECTRA, oursMs, theirsMs };
}

function report(runs: PairMeasurement[], recall: { ours: number; theirs: number }): Omit<BenchReport, "targets"> {
  const figures = (system: string, recallAt5: number, ms: number) => ({ system, detail: "", recallAt5, queryP50Ms: spreadOf([ms]), buildMs: spreadOf([1]), failure: null });
  return benchReport({
    settings: { repeats: runs.length, passes: 1, scales: [], questions: 3 },
    sideBySide: [figures(OURS, recall.ours, 14), figures(VECTRA, recall.theirs, 13)],
    paired: combinePairs(runs),
  });
}

const verdictOf = (checks: ReturnType<typeof checkTargets>) => checks.find((check) => check.target.includes(VECTRA))?.verdict;

describe("paired comparison", () => {
  it("takes each process's p50s, their ratio, and the share of queries ours answered first", () => {
    const figures = combinePairs([run([10, 12, 14], [11, 13, 13]), run([20, 21, 22], [25, 24, 26])]);
    expect(figures.oursP50Ms.median).toBe(16.5);
    expect(figures.theirsP50Ms.median).toBe(19);
    expect(figures.ratio.min).toBeCloseTo(21 / 25, 10);
    expect(figures.ratio.max).toBeCloseTo(12 / 13, 10);
    expect(figures.oursFasterShare).toBeCloseTo(5 / 6, 10);
    expect(figures.queries).toBe(3);
  });

  it("judges the target on the paired ratio: met in every process, within noise, or not met", () => {
    const recall = { ours: 0.95, theirs: 0.67 };
    expect(verdictOf(checkTargets(report([run([9], [10]), run([9.5], [10])], recall), TARGETS))).toBe("met");
    expect(verdictOf(checkTargets(report([run([9], [10]), run([9.5], [10]), run([10.5], [10])], recall), TARGETS))).toBe("within noise");
    expect(verdictOf(checkTargets(report([run([11], [10]), run([10.5], [10])], recall), TARGETS))).toBe("not met");
    expect(verdictOf(checkTargets(report([run([9], [10])], { ours: 0.5, theirs: 0.67 }), TARGETS))).toBe("not met");
  });

  it("sends every question to both systems in both orders, after one warm-up round", async () => {
    const calls: string[] = [];
    const system = (name: string) => async (question: string) => void calls.push(`${name}:${question}`);
    const { oursMs, theirsMs } = await timePairs(system("ours"), system("theirs"), ["a", "b", "c"], 2);
    expect(oursMs).toHaveLength(12);
    expect(theirsMs).toHaveLength(12);
    const timed = calls.slice(6);
    const orders = new Map<string, string[]>();
    for (let at = 0; at < timed.length; at += 2) {
      const [first, second] = [timed[at] as string, timed[at + 1] as string];
      const question = first.split(":")[1] as string;
      expect(second).toBe(`${first.startsWith("ours") ? "theirs" : "ours"}:${question}`);
      orders.set(question, [...(orders.get(question) ?? []), first.split(":")[0] as string]);
    }
    // Two passes, both orders in each: every question led twice by each system.
    for (const question of ["a", "b", "c"]) expect([...(orders.get(question) ?? [])].sort()).toEqual(["ours", "ours", "theirs", "theirs"]);
  });
});

import { describe, expect, it } from "vitest";
import type { BenchReport } from "../../bench/report.js";
import type { ScaleFigures, ServeFigures } from "../../bench/scale.js";
import { spreadOf } from "../../bench/stats.js";
import { checkTargets, parseTargets, readTargets, TARGETS_FILE } from "../../bench/targets.js";
import { benchReport, TARGETS, TARGETS_MARKDOWN } from "./targetsFixture.js";

/** The fixture with one line replaced (found by its text), and that line's number. */
function withLine(find: string, replace: string | null): { markdown: string; line: number } {
  const lines = TARGETS_MARKDOWN.split("\n");
  const index = lines.findIndex((line) => line.includes(find));
  if (index === -1) throw new Error(`no line with ${find}`);
  if (replace === null) lines.splice(index, 1);
  else lines[index] = replace;
  return { markdown: lines.join("\n"), line: index + 1 };
}

const serve = (ms: number, mib: number) => ({ loadMs: spreadOf([ms]), askP50Ms: spreadOf([ms]), peakMiB: spreadOf([mib]) }) as unknown as ServeFigures;
const seed = (p50: number, reindex: number): BenchReport["seed"] => ({
  encoderId: "test",
  passages: 71,
  serve: serve(p50, 100),
  reindex: { npmMs: spreadOf([reindex]) } as unknown as NonNullable<BenchReport["seed"]>["reindex"],
});

describe("the targets table", () => {
  it("is read from BENCHMARKS.md, one row for every check", () => {
    expect(TARGETS_FILE).toMatch(/BENCHMARKS\.md$/);
    const targets = readTargets();
    expect(Object.keys(targets).sort()).toEqual(Object.keys(TARGETS).sort());
  });

  it("converts limits to ms, MiB and plain ratios, keeping the operator", () => {
    expect(TARGETS["seed-answer-p50"]).toEqual({ limit: { op: "≤", value: 50, text: "≤ 50 ms" }, passages: null });
    expect(TARGETS["scale-load"]).toEqual({ limit: { op: "≤", value: 3000, text: "≤ 3 s" }, passages: 100_000 });
    expect(TARGETS["scale-memory"].limit.value).toBe(1e9 / 2 ** 20);
    expect(TARGETS["vectra-ratio"].limit).toEqual({ op: "<", value: 1, text: "< 1" });
    expect(TARGETS["postgres-ratio"]).toEqual({ limit: { op: "≤", value: 2, text: "≤ 2" }, passages: null });
    expect(TARGETS.reindex.limit).toEqual({ op: "<", value: 1000, text: "< 1 s" });
  });

  it("names the file and line of a malformed table", () => {
    const cases: Array<[string, string | null, RegExp]> = [
      ["| check | limit |", "| check | limit | what |", /columns must be \| check \| limit \| corpus \| what \|/],
      ["`scale-load`", "| `scale-load` | ≤ 3 seconds | 100000 passages | index load |", /"scale-load": the limit "≤ 3 seconds" should be .*ms, s/],
      ["`vectra-ratio`", "| `vectra-ratio` | < 1 ms | seeds | ratio |", /"vectra-ratio": the limit "< 1 ms" should be .*without a unit/],
      ["`scale-memory`", "| `scale-memory` | ≤ 1 GB | seeds | peak RSS |", /"scale-memory": the corpus "seeds" should be a synthetic corpus size/],
      ["`reindex`", "| `reindex` | < 1 s | 1000 passages | again |", /"reindex": the corpus "1000 passages" should be "seeds"/],
      ["`reindex`", "| `re-index` | < 1 s | seeds | again |", /unknown check "re-index"; the bench knows .*reindex/],
      ["`reindex`", "| `scale-load` | < 1 s | seeds |", /a row needs 4 cells, found 3/],
      ["`reindex`", "| `scale-load` | ≤ 3 s | 100000 passages | again |", /"scale-load" is stated twice/],
    ];
    for (const [find, replace, problem] of cases) {
      const { markdown, line } = withLine(find, replace);
      expect(() => parseTargets(markdown, "BENCHMARKS.md")).toThrow(`BENCHMARKS.md:${line}: `);
      expect(() => parseTargets(markdown, "BENCHMARKS.md")).toThrow(problem);
    }
    const { markdown, line } = withLine("`reindex`", null);
    expect(() => parseTargets(markdown, "BENCHMARKS.md")).toThrow(`BENCHMARKS.md:${line - 1}: no row for reindex`);
    expect(() => parseTargets("# Benchmarks\n", "BENCHMARKS.md")).toThrow(/BENCHMARKS\.md: no "## Targets the bench checks" heading/);
    expect(() => readTargets("/nonexistent/BENCHMARKS.md")).toThrow(/Cannot read the bench's targets from \/nonexistent\/BENCHMARKS\.md/);
  });
});

describe("checkTargets", () => {
  it("words each target with the table's limit and corpus", () => {
    expect(checkTargets(benchReport(), TARGETS).map((check) => `${check.target}: ${check.verdict}`)).toEqual([
      "warm answer p50 ≤ 50 ms at seed scale: not measured",
      "warm answer p50 ≤ 150 ms at 100000 passages: not measured",
      "index load ≤ 3 s at 100000 passages: not measured",
      "resident memory ≤ 1 GB at 100000 passages (peak RSS of the serving process): not measured",
      "re-running `npm run index` on an unchanged corpus < 1 s: not measured",
    ]);
  });

  it("judges `≤` limits inclusive and `<` limits exclusive, at the table's corpus size", () => {
    const scale = (target: number, ms: number, mib: number) => ({ target, serve: serve(ms, mib) }) as unknown as ScaleFigures;
    const verdicts = (report: Omit<BenchReport, "targets">) => checkTargets(report, TARGETS).map((check) => check.verdict);
    expect(verdicts(benchReport({ seed: seed(50, 1000), scales: [scale(100_000, 150, 953)] }))).toEqual(["met", "met", "met", "met", "not met"]);
    expect(verdicts(benchReport({ seed: seed(50.5, 999), scales: [scale(100_000, 3001, 954)] }))).toEqual(["not met", "not met", "not met", "not met", "met"]);
    const elsewhere = checkTargets(benchReport({ scales: [scale(10_000, 1, 1)] }), TARGETS)[1];
    expect(elsewhere).toEqual({ target: "warm answer p50 ≤ 150 ms at 100000 passages", figure: "not run (scale 100000 not in --scales)", verdict: "not measured" });
  });

  it("judges postgres's warm answer p50 against the files backend's only when --backend postgres ran", () => {
    const postgres = (p50: number) => ({ database: "postgres://127.0.0.1/postgres", pglite: true, passages: 71, serve: serve(p50, 100) });
    const check = (filesP50: number, postgresP50: number) =>
      checkTargets(benchReport({ seed: seed(filesP50, 1000), postgres: postgres(postgresP50) }), TARGETS).find((each) => each.target.startsWith("postgres"));
    expect(checkTargets(benchReport({ seed: seed(10, 1000) }), TARGETS).some((each) => each.target.startsWith("postgres"))).toBe(false);
    expect(check(10, 20)).toEqual({ target: "postgres warm answer p50 ≤ 2× files at seed scale", figure: "20.0 ms vs 10.0 ms (ratio 2.00)", verdict: "met" });
    expect(check(10, 20.5)?.verdict).toBe("not met");
    expect(check(0, 5)?.verdict).toBe("not measured");
  });
});

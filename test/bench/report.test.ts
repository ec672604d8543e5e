import { describe, expect, it } from "vitest";
import { renderReport, type BenchReport } from "../../bench/report.js";
import type { ServeFigures } from "../../bench/scale.js";
import { spreadOf } from "../../bench/stats.js";
import { benchReport } from "./targetsFixture.js";

const serve = (p50: number): ServeFigures => {
  const ms = spreadOf([p50]);
  return { loadMs: ms, modelLoadMs: ms, afterLoadMiB: ms, afterQueriesMiB: ms, peakMiB: ms, askP50Ms: ms, askP95Ms: ms, retrieveP50Ms: ms, recallAt5: 0.5 };
};
const seed: BenchReport["seed"] = { encoderId: "test", passages: 71, serve: serve(10), reindex: { npmMs: spreadOf([1]), tsxMs: spreadOf([1]) } as NonNullable<BenchReport["seed"]>["reindex"] };

describe("renderReport", () => {
  it("puts the postgres backend's seed figures beside the files backend's, with the ratio, only when it ran", () => {
    const files = renderReport({ ...benchReport({ seed }), targets: [] });
    expect(files).not.toMatch(/postgres/i);
    const postgres = { database: "postgres://postgres@127.0.0.1:5432/postgres", pglite: true, passages: 71, serve: serve(15) };
    const both = renderReport({ ...benchReport({ seed, postgres }), targets: [] });
    expect(both).toContain("## Seeds: files vs postgres backend (71 passages in Postgres, same encoder and questions)");
    expect(both).toContain("| figure | files | postgres | postgres/files |");
    expect(both).toContain("| answer latency p50 (`engine.ask`, warm) | 10.0 ms | 15.0 ms | 1.50 |");
    expect(both).toContain("PGlite + pgvector in the bench's process");
  });
});

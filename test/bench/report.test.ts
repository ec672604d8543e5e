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

  it("puts each synthetic scale's postgres figures beside the files backend's, with throughput, size and ratios, only when it ran", () => {
    const disk = { total: 100 * 1024 * 1024, vectraJson: 0, vectorCache: 0, passages: 0, keywords: 0, tokens: 0, other: 0 };
    const scale = { target: 1000, passages: 1000, articles: 100, buildMs: 2000, disk, serve: serve(20), reindexMs: spreadOf([1]), sentences: { matched: 1, unmatched: 0 } };
    expect(renderReport({ ...benchReport({ scales: [scale] }), targets: [] })).not.toMatch(/postgres/i);
    const postgres = { database: "postgres://postgres@127.0.0.1:5432/postgres", pglite: true, buildMs: 8000, databaseBytes: 300 * 1024 * 1024, serve: serve(50) };
    const both = renderReport({ ...benchReport({ scales: [{ ...scale, postgres }] }), targets: [] });
    expect(both).toContain("## Scale: files vs postgres backend (the same SYNTHETIC corpus and vectors)");
    expect(both).toContain("| 1000 | build, cold (in process) | 2.00 s (500 passages/s) | 8.00 s (125 passages/s) | 4.00 |");
    expect(both).toContain("|  | size (build folder / database) | 100 MiB | 300 MiB | 3.00 |");
    expect(both).toContain("|  | answer p50 | 20.0 ms | 50.0 ms | 2.50 |");
  });
});

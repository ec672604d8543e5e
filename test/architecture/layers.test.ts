import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { folderCycles, importEdges, topLevel, type ImportEdge } from "./importGraph.js";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));
const BENCH = fileURLToPath(new URL("../../bench", import.meta.url));

/**
 * The README's layer order ("Project layout"): a folder imports only folders of a lower rank
 * (or of its own, for the front ends) and the shared leaves.
 */
const RANK: Readonly<Record<string, number>> = {
  text: 0,
  ingest: 1,
  embed: 1,
  index: 2,
  retrieve: 3,
  question: 4,
  answer: 5,
  quotes: 5,
  engine: 6,
  cli: 7,
  discord: 7,
  eval: 7,
};
/** Imported from any layer; they import only one another. */
const SHARED_LEAVES = new Set(["types", "errors", "log", "config", "util"]);

describe("the import graph of src/", () => {
  const edges = importEdges(SRC);

  it("reads the imports", () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: "index/keywordIndex.ts", to: "text/terms.ts" });
  });

  it("has no cycle between top-level folders", () => {
    const cycles = folderCycles(edges);
    expect(cycles, `import cycles between folders of src/:\n\n${cycles.join("\n\n")}\n`).toEqual([]);
  });

  it("imports only down the layers", () => {
    const upward = edges.filter(({ from, to }) => {
      const [a, b] = [topLevel(from), topLevel(to)];
      if (a === b || SHARED_LEAVES.has(b)) return false;
      if (SHARED_LEAVES.has(a)) return true;
      const [rankA, rankB] = [RANK[a], RANK[b]];
      if (rankA === undefined || rankB === undefined) return true;
      return rankB > rankA || (rankB === rankA && rankA < RANK.cli!);
    });
    expect(upward.map((edge) => `${edge.from} imports ${edge.to}`), "a new folder needs a rank in RANK and the README").toEqual([]);
  });

  it("imports nothing from outside src/: not bench/, not test/", () => {
    // The product is src/ alone (dist/ compiles it with scripts/); the benchmarks and the tests use it, never the reverse.
    const outside = edges.filter((edge) => edge.to.startsWith("../"));
    expect(outside.map((edge) => `${edge.from} imports ${edge.to}`)).toEqual([]);
  });

  it("keeps src/text free of the rest of the project", () => {
    const outward = edges.filter((edge) => topLevel(edge.from) === "text" && topLevel(edge.to) !== "text");
    expect(outward.map((edge) => `${edge.from} imports ${edge.to}`)).toEqual([]);
  });
});

describe("the import graph of bench/", () => {
  it("uses src/ and itself, never test/ (tests import bench/support/, so the reverse would be a cycle)", () => {
    const edges = importEdges(BENCH);
    expect(edges).toContainEqual({ from: "scale.ts", to: "support/syntheticCorpus.ts" });
    expect(edges).toContainEqual({ from: "scale.ts", to: "../src/index/buildIndex.ts" });
    const outside = edges.filter((edge) => edge.to.startsWith("../") && !edge.to.startsWith("../src/"));
    expect(outside.map((edge) => `bench/${edge.from} imports ${edge.to}`)).toEqual([]);
  });
});

describe("folderCycles", () => {
  it("names a cycle and the imports that make it", () => {
    const edges: ImportEdge[] = [
      { from: "index/keywordIndex.ts", to: "retrieve/terms.ts" },
      { from: "retrieve/dense.ts", to: "index/vectorMatrix.ts" },
      { from: "retrieve/dense.ts", to: "types.ts" },
    ];
    expect(folderCycles(edges)).toEqual([
      "index → retrieve → index\n  index/keywordIndex.ts imports retrieve/terms.ts\n  retrieve/dense.ts imports index/vectorMatrix.ts",
    ]);
  });

  it("finds cycles through several folders and ignores imports inside a folder", () => {
    const edges: ImportEdge[] = [
      { from: "a/x.ts", to: "a/y.ts" },
      { from: "a/x.ts", to: "b/x.ts" },
      { from: "b/x.ts", to: "c/x.ts" },
      { from: "c/x.ts", to: "a/y.ts" },
    ];
    expect(folderCycles(edges)[0]).toMatch(/^a → b → c → a\n/);
    expect(folderCycles(edges.slice(0, 3))).toEqual([]);
  });
});

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { folderCycles, importEdges, topLevel, type ImportEdge } from "./importGraph.js";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

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

  it("keeps src/text free of the rest of the project", () => {
    const outward = edges.filter((edge) => topLevel(edge.from) === "text" && topLevel(edge.to) !== "text");
    expect(outward.map((edge) => `${edge.from} imports ${edge.to}`)).toEqual([]);
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

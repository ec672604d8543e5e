import { describe, expect, it } from "vitest";
import { fuseScores } from "../../src/retrieve/fusion.js";

describe("fuseScores", () => {
  it("ranks a passage both retrievers like above one only one of them found", () => {
    const dense = new Map([["a", 0.9], ["b", 0.8], ["c", 0.1]]);
    const keyword = new Map([["b", 10], ["d", 9]]);
    const fused = fuseScores(dense, keyword);
    expect(fused.map((item) => item.id)).toEqual(["b", "a", "d", "c"]);
    expect(fused[0]?.score).toBeCloseTo(0.5 * (0.7 / 0.8) + 0.5, 6);
  });

  it("keeps a decisive keyword hit on top even when dense similarity is flat", () => {
    const dense = new Map([["a", 0.51], ["b", 0.5], ["c", 0.49]]);
    const keyword = new Map([["c", 60], ["a", 5]]);
    expect(fuseScores(dense, keyword)[0]?.id).toBe("c");
  });

  it("works with one empty ranking and weighs by the dense share", () => {
    expect(fuseScores(new Map(), new Map([["x", 2], ["y", 1]])).map((item) => item.id)).toEqual(["x", "y"]);
    const denseOnly = fuseScores(new Map([["x", 0.2], ["y", 0.4]]), new Map(), 1);
    expect(denseOnly.map((item) => [item.id, item.score])).toEqual([["y", 1], ["x", 0]]);
  });
});

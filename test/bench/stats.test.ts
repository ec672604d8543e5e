import { describe, expect, it } from "vitest";
import { percentile, spreadOf } from "../../bench/stats.js";

describe("percentile", () => {
  it("interpolates between closest ranks, like NumPy's default", () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 0)).toBe(15);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 25)).toBe(20);
    expect(percentile(values, 95)).toBeCloseTo(48, 10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
  });

  it("does not depend on input order and leaves the input alone", () => {
    const values = [9, 1, 5, 3];
    expect(percentile(values, 50)).toBe(percentile([1, 3, 5, 9], 50));
    expect(values).toEqual([9, 1, 5, 3]);
  });

  it("is NaN for no values and refuses a percentile outside [0, 100]", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(/\[0, 100\]/);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});

describe("spreadOf", () => {
  it("gives median, min–max and quartiles of repeated runs", () => {
    expect(spreadOf([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, q1: 15, q3: 25, n: 3 });
  });

  it("reports one run as a spread of zero width", () => {
    expect(spreadOf([7])).toEqual({ median: 7, min: 7, max: 7, q1: 7, q3: 7, n: 1 });
  });

  it("marks an empty series as not measured", () => {
    const spread = spreadOf([]);
    expect(spread.n).toBe(0);
    expect(spread.median).toBeNaN();
  });
});

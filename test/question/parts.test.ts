import { describe, expect, it } from "vitest";
import { isComparison, splitParts } from "../../src/question/parts.js";

describe("splitParts", () => {
  it("splits at a new question after a comma and 'and', a question mark or a semicolon", () => {
    expect(splitParts("What did Healey say about peace, and how did Hegseth respond?")).toEqual(["What did Healey say about peace", "how did Hegseth respond?"]);
    expect(splitParts("How many drones did Ukraine shoot down? How many did Russia destroy?")).toEqual(["How many drones did Ukraine shoot down", "How many did Russia destroy?"]);
    expect(splitParts("Who is Grushko; what did he say?")).toEqual(["Who is Grushko", "what did he say?"]);
  });

  it("keeps one question whole, and an afterthought with the part before it", () => {
    expect(splitParts("What did Grushko say?")).toEqual(["What did Grushko say?"]);
    expect(splitParts("how many drones did ukraine shoot down overnight?? out of how many")).toEqual(["how many drones did ukraine shoot down overnight?? out of how many"]);
    expect(splitParts("Did Britain and France agree?")).toEqual(["Did Britain and France agree?"]);
  });
});

describe("isComparison", () => {
  it("recognises questions about how articles or outlets differ", () => {
    expect(isComparison("How do the reports differ on what Lavrov said?")).toBe(true);
    expect(isComparison("What figures do the different articles give for the force?")).toBe(true);
    expect(isComparison("Which outlets reported the drone attack?")).toBe(true);
    expect(isComparison("What did Lavrov say?")).toBe(false);
  });
});

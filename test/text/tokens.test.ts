import { describe, expect, it } from "vitest";
import { isWordToken, tokenise } from "../../src/text/tokens.js";

describe("tokenise", () => {
  it("keeps every character, so a text can be put back together", () => {
    const text = "Russia's ex-leader — 30,000 “troops”?";
    expect(tokenise(text).join("")).toBe(text);
    expect(tokenise(text)).toContain("Russia's");
    expect(tokenise(text)).toContain("30,000");
    expect(tokenise(text).filter(isWordToken)).toEqual(["Russia's", "ex-leader", "30,000", "troops"]);
  });
});

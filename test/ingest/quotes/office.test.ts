import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/ingest/parseArticle.js";
import { officeBefore } from "../../../src/ingest/quotes/names.js";
import { buildQuoteIndex } from "../../../src/index/quoteIndex.js";

describe("an office set before a comma and a name", () => {
  it("is read as the named person's role, not the rank beside the name", () => {
    const article = parseArticle(
      "a",
      "a.txt",
      "Aid pause\n\nAnd Mr Trump’s special envoy to Ukraine and Russia, retired Lt Gen Keith Kellogg, said the suspension of military help is already having an impact.\n",
    );
    const kellogg = buildQuoteIndex([article]).people.find((person) => person.name === "Keith Kellogg");
    expect(kellogg?.roles).toEqual(["trump special envoy to ukraine and russia"]);
  });

  it("is no office when the phrase heads none, or is too long to be one", () => {
    expect(officeBefore("And Mr Trump’s special envoy to Ukraine and Russia")).toBe("trump special envoy to ukraine and russia");
    // "…plus representatives from the EU and NATO, Sir Keir said" gives Sir Keir no office
    expect(officeBefore("plus representatives from the EU and NATO")).toBeNull();
    expect(officeBefore("Reiterating his readiness to deploy British military personnel to the conflict zone")).toBeNull();
    expect(officeBefore("the minister who has spent years arguing with everyone in the room")).toBeNull();
  });
});

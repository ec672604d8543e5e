import { describe, expect, it } from "vitest";
import { compareReports, mergeNearDuplicates } from "../../src/retrieve/dedupe.js";
import type { Passage } from "../../src/types.js";

function passage(id: string, articleId: string, text: string): Passage {
  return { id, articleId, section: 0, start: 0, end: text.length, text };
}

const mirror = passage(
  "m#1",
  "mirror",
  "Alexander Grushko, the country’s deputy foreign minister, said: “We absolutely do not care under what label Nato contingents may be deployed on the territory of Ukraine.\n“In any case, if they appear there, it means that they are deployed in a conflict zone.”",
);
const fuller = passage(
  "f#3",
  "fuller",
  "Grushko said any force must be ‘unarmed’.\n‘We absolutely do not care under what label NATO contingents may be deployed on the territory of Ukraine,’ he said.\n‘In any case, if they appear there, it means that they are deployed in a conflict zone.’\nHe said ‘unarmed observers’ might be acceptable.",
);
const other = passage("o#0", "other", "Ukraine’s air force shot down 90 drones launched by Russia overnight, the military said on Monday.");

describe("near-duplicate reports", () => {
  it("recognises the same quote across outlets despite other quote marks and capitals", () => {
    expect(compareReports(mirror, fuller)).toEqual({ keepSecond: true });
    expect(compareReports(fuller, mirror)).toEqual({ keepSecond: false });
    expect(compareReports(mirror, other)).toBeNull();
  });

  it("never merges two passages of the same article", () => {
    expect(compareReports(mirror, { ...fuller, articleId: "mirror" })).toBeNull();
  });

  it("merges into one result at the best rank, keeping the fuller text and citing both", () => {
    const ranked = [mirror, other, fuller].map((item, index) => ({ passage: item, score: 1 - index / 10, duplicates: [] as Passage[] }));
    const merged = mergeNearDuplicates(ranked);
    expect(merged).toHaveLength(2);
    expect(merged[0]?.passage.id).toBe("f#3");
    expect(merged[0]?.score).toBe(1);
    expect(merged[0]?.duplicates.map((item) => item.id)).toEqual(["m#1"]);
    expect(merged[1]?.passage.id).toBe("o#0");
  });
});

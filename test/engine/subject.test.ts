import { describe, expect, it } from "vitest";
import { SubjectCheck } from "../../src/engine/subject.js";
import { passageReader } from "../../src/retrieve/passageText.js";
import type { Concept, Passage } from "../../src/types.js";

const passage = (id: string, section: number, text: string): Passage => ({ id, articleId: "a", section, start: 0, end: text.length, text });
const kursk: Concept = { text: "Kursk", alternatives: [["kursk"]], kind: "name", known: true };

describe("SubjectCheck", () => {
  const opening = passage("p0", 0, "Talks on a ceasefire went on in Riyadh.");
  const lede = passage("p1", 1, "Russia battled to drive the last Ukrainian soldiers out after a seven-month incursion.");
  const later = passage("p2", 1, "One-fifth of Ukraine's territory is under Russian control.");
  const mention = passage("p3", 1, "The fighting in Kursk went on.");
  const headlines = ["Ceasefire talks", "Russian troops battle last Ukrainian forces in Kursk region"];
  const check = (headline?: (passage: Passage) => string | undefined) =>
    new SubjectCheck([opening, lede, later, mention], () => 1, () => false, headline).about([kursk], passageReader());

  it("takes a thing the headline names as what the first paragraph under it is about", () => {
    const about = check((item) => headlines[item.section]);
    expect(about(lede)).toBe(true);
    // Later paragraphs need the name themselves (or in the paragraph before them).
    expect(about(later)).toBe(false);
    expect(about(opening)).toBe(false);
  });

  it("needs the name in or just before the passage when sections have no headline", () => {
    const about = check();
    expect(about(lede)).toBe(false);
    expect(about(mention)).toBe(true);
  });
});

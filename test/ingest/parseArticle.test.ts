import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle, shortTitle } from "../../src/ingest/parseArticle.js";
import { SEEDS_DIR } from "../support/engineFixture.js";

function seed(id: string) {
  const file = `${id}.txt`;
  return parseArticle(id, file, readFileSync(path.join(SEEDS_DIR, file), "utf8"));
}

function keptText(article: ReturnType<typeof seed>): string {
  return article.paragraphs.map((paragraph) => article.text.slice(paragraph.start, paragraph.end)).join("\n");
}

describe("parseArticle on the seeds", () => {
  it("keeps the two pieces of a two-article file apart, each under its own headline", () => {
    const article = seed("001_1272ebf6c73cbd1c");
    expect(article.sections.map((section) => [section.label, section.title])).toEqual([
      ["RUSSIAN PERSPECTIVE", "NATO ‘peacekeepers’ in Ukraine mean war – Medvedev"],
      ["WESTERN PERSPECTIVE", "Russian troops battle last Ukrainian forces in Kursk region"],
    ]);
    const second = article.sections[1]!;
    const kursk = article.paragraphs.find((paragraph) => article.text.slice(paragraph.start, paragraph.end).includes("110 square km"));
    expect(kursk?.section).toBe(1);
    expect(second.start).toBe(article.text.indexOf("WESTERN PERSPECTIVE"));
    expect(keptText(article)).not.toContain("CEASEFIRE?");
  });

  it("drops the donation appeal, comment form and social counters of a scraped page", () => {
    const article = seed("002_c302f7dcb7028b66");
    const kept = keptText(article);
    for (const furniture of ["Your support", "The Independent is trusted", "reproductive rights", "Source link", "Related Articles", "LEAVE A REPLY", "Please enter", "Stay Connected", "FansLike", "Latest Articles"]) {
      expect(kept).not.toContain(furniture);
    }
    expect(kept).toContain("Russia has hit out at Sir Keir Starmer’s plan");
    expect(kept).toContain("You got their attention.");
    expect(article.title).toBe("Russia warns Starmer’s peacekeeping troops plan would amount to ‘direct war’");
  });

  it("drops a radio strap and a caption, and reads the dateline as the publication date", () => {
    const article = seed("004_a0944345dc9b0cb6");
    const kept = keptText(article);
    expect(kept).not.toContain("James O'Brien 10am");
    expect(kept).not.toContain("Mike Martin tells Iain Dale");
    expect(kept).not.toContain("20 February 2025");
    expect(article.published).toBe("2025-02-20");
  });

  it("titles an article without a headline by a short form of its first sentence", () => {
    const article = seed("000_c2c287abe968920d");
    expect(article.title).toBe("The Kremlin has threatened a full-scale war with NATO states if Britain…");
    expect(article.published).toBeNull();
    expect(article.outlet).toBeNull();
  });

  it("never guesses an outlet, but takes title, outlet and date from metadata", () => {
    const article = parseArticle("x", "x.txt", "Body sentence one.\n", { outlet: "Reuters", published: "2025-03-17", title: "Given" });
    expect(article).toMatchObject({ outlet: "Reuters", published: "2025-03-17", title: "Given" });
  });
});

describe("parseArticle on other layouts", () => {
  it("reads Markdown headings as headlines and starts a new section at each", () => {
    const text = "# First story\n\nIt happened on Monday.\n\n## Background\n\nMore detail here.\n\n# Second story\n\nSomething else happened.\n";
    const article = parseArticle("md", "md.md", text);
    expect(article.sections.map((section) => section.title)).toEqual(["First story", "Second story"]);
    expect(keptText(article)).toBe("It happened on Monday.\nMore detail here.\nSomething else happened.");
  });

  it("keeps offsets right with Windows line endings and a byte-order mark", () => {
    const text = "\uFEFFHeadline here\r\n\r\nFirst paragraph.\r\nSecond paragraph.\r\n";
    const article = parseArticle("crlf", "crlf.txt", text);
    expect(article.title).toBe("Headline here");
    expect(article.paragraphs.map((paragraph) => text.slice(paragraph.start, paragraph.end))).toEqual(["First paragraph.", "Second paragraph."]);
  });

  it("shortens a long first sentence at a word boundary", () => {
    expect(shortTitle("One two three four five six seven eight nine ten eleven twelve thirteen fourteen.")).toBe(
      "One two three four five six seven eight nine ten eleven twelve…",
    );
    expect(shortTitle("Short sentence here. Another one.")).toBe("Short sentence here");
  });
});

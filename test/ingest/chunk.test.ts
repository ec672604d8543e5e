import { describe, expect, it } from "vitest";
import { chunkArticle, isContinuation } from "../../src/ingest/chunk.js";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { parseArticle } from "../../src/ingest/parseArticle.js";
import { splitSentences } from "../../src/text/sentences.js";
import { SEEDS_DIR } from "../support/engineFixture.js";

const { articles } = await new FolderArticleSource(SEEDS_DIR).load();
const passages = articles.flatMap((article) => chunkArticle(article).map((passage) => ({ article, passage })));

describe("chunkArticle on the seeds", () => {
  it("gives every passage offsets whose slice of the file is exactly its text", () => {
    expect(passages.length).toBeGreaterThan(40);
    for (const { article, passage } of passages) {
      expect(article.text.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text.trim()).toBe(passage.text);
    }
  });

  it("keeps a continuing quote with the sentence naming its speaker", () => {
    const grushko = passages.filter(({ passage }) => passage.text.includes("In any case, if they appear there"));
    expect(grushko).toHaveLength(2);
    for (const { passage } of grushko) expect(passage.text).toContain("Grushko");
    const kornilov = passages.find(({ passage }) => passage.text.includes("legitimate target for Russia"));
    expect(kornilov?.passage.text).toContain("Vladimir Kornilov said");
  });

  it("never lets page furniture, subheads or captions into a passage", () => {
    const all = passages.map(({ passage }) => passage.text).join("\n");
    for (const furniture of ["CEASEFIRE?", "Source link", "Your support", "Mike Martin tells", "10am - 1pm", "PERSPECTIVE"]) {
      expect(all).not.toContain(furniture);
    }
  });

  it("keeps passages inside one section and within the size limit", () => {
    for (const { article, passage } of passages) {
      const section = article.sections[passage.section]!;
      expect(passage.start).toBeGreaterThanOrEqual(section.start);
      expect(passage.end).toBeLessThanOrEqual(section.end);
      expect(passage.text.length).toBeLessThanOrEqual(900);
    }
  });
});

describe("chunkArticle limits", () => {
  it("splits a paragraph longer than the limit between sentences, offsets intact", () => {
    const sentence = "This sentence is about forty characters. ";
    const text = `Headline\n${sentence.repeat(60).trim()}\n`;
    const article = parseArticle("long", "long.txt", text);
    const result = chunkArticle(article, { minChars: 100, maxChars: 300 });
    expect(result.length).toBeGreaterThan(5);
    for (const passage of result) {
      expect(text.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text.length).toBeLessThanOrEqual(300);
      expect(passage.text.endsWith(".")).toBe(true);
    }
  });
});

describe("chunkArticle on a sentence longer than the limit", () => {
  it("splits it between words into passages within the limit, offsets intact, nothing lost", () => {
    const body = `${"Abc, ".repeat(400)}and Xyz regions. ${"x".repeat(700)} Then one more sentence.`;
    const text = `Headline\n${body}\n`;
    const article = parseArticle("run-on", "run-on.txt", text);
    const result = chunkArticle(article, { minChars: 100, maxChars: 300 });
    expect(result.length).toBeGreaterThan(6);
    for (const passage of result) {
      expect(text.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.text.length).toBeLessThanOrEqual(300);
    }
    // the passages cover the paragraph in order, with at most a space between one and the next
    expect(result[0]?.start).toBe(text.indexOf(body));
    expect(result.at(-1)?.end).toBe(text.indexOf(body) + body.length);
    result.slice(1).forEach((passage, index) => expect(text.slice((result[index] as { end: number }).end, passage.start)).toMatch(/^ ?$/));
  });
});

describe("isContinuation", () => {
  it("tells a continuing quote from a newly attributed one", () => {
    expect(isContinuation("‘In any case, if they appear there, it means war.’")).toBe(true);
    expect(isContinuation("He said ‘unarmed observers’ might be acceptable.")).toBe(true);
    expect(isContinuation("‘Macron and Starmer are playing dumb,’ Dmitry Medvedev posted on X.")).toBe(false);
    expect(isContinuation("Russia battled on Sunday to drive the last Ukrainian soldiers out.")).toBe(false);
  });
});

describe("splitSentences", () => {
  it("does not split after titles and initials, and keeps closing quotes", () => {
    const text = "Mr. Smith met U.S. officials. ‘We will go,’ he said. “It ends.” Then more.";
    expect(splitSentences(text).map((span) => text.slice(span.start, span.end))).toEqual([
      "Mr. Smith met U.S. officials.",
      "‘We will go,’ he said.",
      "“It ends.”",
      "Then more.",
    ]);
  });
});

import { escapeMarkdown } from "discord.js";
import { describe, expect, it } from "vitest";
import { answerUnits, renderAnswer } from "../../src/discord/render/answer.js";
import { embedLength, embedsFit, LIMITS } from "../../src/discord/render/discordLimits.js";
import { renderPassages, type QuotedPassage } from "../../src/discord/render/passages.js";
import { notice } from "../../src/discord/render/payload.js";
import { renderSources } from "../../src/discord/render/sources.js";
import { escapeText } from "../../src/discord/render/text.js";
import type { ArticleRecord } from "../../src/index/manifest.js";
import type { Answer, Citation } from "../../src/types.js";

function citation(n: number, fields: Partial<Citation> = {}): Citation {
  return { n, articleId: `article-${n}`, title: `Article ${n}`, outlet: "Daily Mail", published: "2025-03-16T10:00:00Z", url: null, text: `Passage ${n}.`, start: 0, end: 10, score: 1, alsoReportedBy: [], ...fields };
}

/** An answer of `units` groups of `sentences` sentences, each group followed by its [n] marker. */
function longAnswer(units: number, sentences = 3, sentenceLength = 120): Answer {
  const sentence = (i: number) => `${`Sentence ${i} says something`.padEnd(sentenceLength - 1, " lorem")}.`;
  const text = Array.from({ length: units }, (_, unit) => `${Array.from({ length: sentences }, (_, s) => sentence(unit * sentences + s)).join(" ")} [${unit + 1}]`).join(" ");
  return { question: "What happened?", answered: true, answer: text, citations: Array.from({ length: units }, (_, i) => citation(i + 1)) };
}

const descriptionOf = (answer: Answer) => renderAnswer(answer, "key123").embeds[0]!.description!;

describe("renderAnswer", () => {
  it("GIVEN a short answer THEN shows it whole, with grouped numbered sources and the three buttons", () => {
    const answer: Answer = {
      question: "What did Grushko say?",
      answered: true,
      answer: "‘We do not care,’ he said. [1] It must be neutral. [2]",
      citations: [citation(1, { articleId: "a", title: "Kremlin threat" }), citation(2, { articleId: "a", title: "Kremlin threat" }), citation(3, { articleId: "b", title: "Other", outlet: null, published: null })],
    };
    const payload = renderAnswer(answer, "key123");
    const embed = payload.embeds[0]!;
    expect(embed.description).toBe(answer.answer);
    expect(embed.fields).toEqual([
      { name: "[1] [2] Kremlin threat", value: "Daily Mail · 2025-03-16 · article `a`" },
      { name: "[3] Other", value: "article `b`" },
    ]);
    expect(payload.components[0]!.components.map((button) => ("custom_id" in button ? button.custom_id : ""))).toEqual(["passages:key123", "vote:helpful:key123", "vote:unhelpful:key123"]);
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("GIVEN an answer longer than Discord allows THEN cuts between citations, keeps every marker whole and says how much is left out", () => {
    const answer = longAnswer(40);
    const payload = renderAnswer(answer, "k");
    const description = payload.embeds[0]!.description!;
    expect(embedsFit(payload.embeds)).toBe(true);
    expect(description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    const [kept, note] = description.split("\n\n");
    expect(kept).toMatch(/\[\d+\]$/);
    expect(answer.answer.startsWith(kept!)).toBe(true);
    const keptUnits = answerUnits(kept!).length;
    expect(note).toBe(`*… ${(40 - keptUnits) * 3} more sentences left out to fit in Discord; **Show passages** has every cited passage in full.*`);
  });

  it("GIVEN one cited group longer than an embed THEN keeps its first sentences and its marker together", () => {
    const description = descriptionOf(longAnswer(1, 60));
    expect(description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(description).toMatch(/^Sentence 0 says something[^[]*\w\. \[1\]\n\n\*… \d+ more sentences left out/);
  });

  it("GIVEN 30 sources with long titles THEN stays within 25 fields and 6000 characters, saying what was not listed", () => {
    const answer = longAnswer(30);
    answer.citations = answer.citations.map((c) => ({ ...c, title: "T".repeat(300), alsoReportedBy: [citation(99, { outlet: "O".repeat(400) })] }));
    const embed = renderAnswer(answer, "k").embeds[0]!;
    expect(embedsFit([embed])).toBe(true);
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(embed.fields!.at(-1)).toMatchObject({ name: "More sources", value: expect.stringMatching(/^\d+ more sources not listed here/) });
    expect(embed.description).toMatch(/^Sentence 0 .*\[1\]/);
  });

  it("escapes markdown and neutralises mentions in the question and the quoted text", () => {
    const answer: Answer = {
      question: "@everyone is **this** true? <@&123456789012345678>",
      answered: true,
      answer: "# Big\n> quoted *stars* __under__ `code` [click](https://evil.example) @here <@123456789012345678>. [1]",
      citations: [citation(1, { title: "**Bold** title", outlet: "_Under_ Times" })],
    };
    const embed = renderAnswer(answer, "k").embeds[0]!;
    expect(embed.title).toBe("@\u200beveryone is \\*\\*this\\*\\* true? <@&\u200b123456789012345678>");
    expect(embed.description).toContain("\\# Big\n\\> quoted \\*stars\\* \\_\\_under\\_\\_ \\`code\\` \\[click](https://evil.example) @\u200bhere <@\u200b123456789012345678>. [1]");
    expect(embed.fields![0]).toEqual({ name: "[1] \\*\\*Bold\\*\\* title", value: "\\_Under\\_ Times · 2025-03-16 · article `article-1`" });
  });

  it("GIVEN the articles do not answer THEN shows the statement, no sources and no Show passages button", () => {
    const payload = renderAnswer({ question: "Moon?", answered: false, answer: "The articles do not answer this question.", citations: [] }, "k");
    expect(payload.embeds[0]!.fields).toBeUndefined();
    expect(payload.components[0]!.components.map((button) => ("label" in button ? button.label : ""))).toEqual(["Helpful", "Not helpful"]);
  });
});

describe("renderPassages", () => {
  const passage = (n: number, length: number): QuotedPassage => ({
    n, title: `Title ${n}`, articleId: `a${n}`, outlet: "RT", published: null, url: "https://example.com/a(1)", alsoReportedBy: [],
    text: Array.from({ length: Math.ceil(length / 50) }, (_, i) => `Sentence number ${i} of passage ${n}, padded out.`).join(" "),
  });

  it("GIVEN 12 long passages THEN shows 10 within 6000 characters, each cut at a sentence and saying what is missing", () => {
    const payload = renderPassages("Passages for @everyone:", Array.from({ length: 12 }, (_, i) => passage(i + 1, 3000)));
    expect(payload.embeds).toHaveLength(10);
    expect(embedsFit(payload.embeds)).toBe(true);
    expect(payload.content).toBe("Passages for @\u200beveryone:\n*2 more passages not shown: Discord allows 10 per message.*");
    for (const embed of payload.embeds) expect(embed.description).toMatch(/padded out\.\n\*\[… \d+ more characters in the article\]\*$/);
    expect(payload.embeds[0]).toMatchObject({ title: "[1] Title 1", url: "https://example.com/a%281%29", footer: { text: "RT · article a1" } });
  });

  it("GIVEN a few short passages THEN quotes them whole", () => {
    const payload = renderPassages("Passages:", [passage(1, 100), passage(2, 100)]);
    expect(payload.embeds[0]!.description).toBe(`> ${escapeText(passage(1, 100).text)}`);
  });
});

describe("escapeText", () => {
  it("escapes long paragraphs in linear time, exactly as discord.js escapes them", () => {
    const paragraph = Array.from({ length: 30 }, (_, i) => `Sentence *${i}* has __markdown__, ~~marks~~ and a \`tick\` at https://example.com/a_b_${i}.`).join(" ");
    const expected = escapeMarkdown(paragraph, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
    expect(escapeText(paragraph)).toBe(expected);
    const started = performance.now();
    escapeText(paragraph.repeat(20));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("renderSources and notices", () => {
  it("lists as many articles as fit and counts the rest", () => {
    const records: ArticleRecord[] = Array.from({ length: 200 }, (_, i) => ({
      id: `article-${i}`, file: `${i}.txt`, hash: "h", title: `A fairly long article title number ${i} about the news`, outlet: i % 2 ? "RT" : null, published: "2025-02-20", url: null, sections: [], passageCount: i,
    }));
    const embed = renderSources(records).embeds[0]!;
    expect(embed.title).toBe("Indexed articles (200)");
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.description).toContain("**A fairly long article title number 1 about the news**\nRT · 2025-02-20 · 1 passage · `article-1`");
    expect(embed.description).toMatch(/\*… and \d+ more articles not shown\.\*$/);
  });

  it("keeps notices under 2000 characters and inert", () => {
    const payload = notice(`@here ${"x ".repeat(1500)}`);
    expect(payload.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(payload.content).toMatch(/^@\u200bhere/);
    expect(payload.allowedMentions.parse).toEqual([]);
  });
});

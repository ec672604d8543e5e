import { describe, expect, it } from "vitest";
import { renderClaimSources } from "../../src/discord/commands/findSources.js";
import { ANSWERED_COLOR, answerUnits, NOT_COVERED_COLOR, NOT_SURE_COLOR, NOT_SURE_MARKER, renderAnswer } from "../../src/discord/render/answer.js";
import { MORE_PASSAGES_FIELD } from "../../src/discord/render/answerSources.js";
import { embedLength, embedsFit, LIMITS } from "../../src/discord/render/discordLimits.js";
import { citationPassages, renderPassages, type QuotedPassage } from "../../src/discord/render/passages.js";
import { notice } from "../../src/discord/render/payload.js";
import { renderSources } from "../../src/discord/render/sources.js";
import { escapeText, md } from "../../src/discord/render/safeText.js";
import type { ArticleRecord } from "../../src/index/manifest.js";
import type { Answer, Citation } from "../../src/types.js";

function citation(n: number, fields: Partial<Citation> = {}): Citation {
  return { n, articleId: `article-${n}`, title: `Article ${n}`, outlet: "Daily Mail", published: "2025-03-16T10:00:00Z", url: null, text: `Passage ${n}.`, start: 0, end: 10, score: 1, cited: true, alsoReportedBy: [], ...fields };
}

/** An answer of `units` groups of `sentences` sentences, each group followed by its [n] marker. */
function longAnswer(units: number, sentences = 3, sentenceLength = 120): Answer {
  const sentence = (i: number) => `${`Sentence ${i} says something`.padEnd(sentenceLength - 1, " lorem")}.`;
  const text = Array.from({ length: units }, (_, unit) => `${Array.from({ length: sentences }, (_, s) => sentence(unit * sentences + s)).join(" ")} [${unit + 1}]`).join(" ");
  return { question: "What happened?", answered: true, confidence: "high", answer: text, citations: Array.from({ length: units }, (_, i) => citation(i + 1)) };
}

const descriptionOf = (answer: Answer) => renderAnswer(answer, "key123").embeds[0]!.description!;

describe("renderAnswer", () => {
  it("GIVEN a short answer THEN shows it whole, with grouped numbered sources and the three buttons", () => {
    const answer: Answer = {
      question: "What did Grushko say?",
      answered: true,
      confidence: "high",
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
      confidence: "high",
      answer: "# Big\n> quoted *stars* __under__ `code` [click](https://evil.example) @here <@123456789012345678>. [1]",
      citations: [citation(1, { title: "**Bold** title", outlet: "_Under_ Times" })],
    };
    const embed = renderAnswer(answer, "k").embeds[0]!;
    expect(embed.title).toBe("@\u200beveryone is \\*\\*this\\*\\* true? <\u200b@&123456789012345678>");
    expect(embed.description).toContain("\\# Big\n\\> quoted \\*stars\\* \\_\\_under\\_\\_ \\`code\\` [click]\\(https://evil.example) @\u200bhere <\u200b@123456789012345678>. [1]");
    expect(embed.fields![0]).toEqual({ name: "[1] \\*\\*Bold\\*\\* title", value: "\\_Under\\_ Times · 2025-03-16 · article `article-1`" });
  });

  it("GIVEN the articles do not answer THEN shows the statement, no sources and no Show passages button", () => {
    const payload = renderAnswer({ question: "Moon?", answered: false, confidence: "none", answer: "The articles do not answer this question.", citations: [] }, "k");
    expect(payload.embeds[0]!.fields).toBeUndefined();
    expect(payload.components[0]!.components.map((button) => ("label" in button ? button.label : ""))).toEqual(["Helpful", "Not helpful"]);
  });
});

describe("renderAnswer: how sure the answer is, and which passages it uses", () => {
  const NOT_SURE_TEXT = "The articles may not answer this exactly. Closest passages:";
  const lowAnswer = (): Answer => ({
    question: "Did Grushko threaten Britain?",
    answered: false,
    confidence: "low",
    answer: `${NOT_SURE_TEXT} ‘We absolutely do not care under what label,’ he said. [1]`,
    citations: [
      citation(1, { articleId: "a", title: "Kremlin threat" }),
      citation(2, { articleId: "a", title: "Kremlin threat", cited: false }),
      citation(3, { articleId: "b", title: "Other", outlet: "RT", published: null, cited: false }),
    ],
  });

  it("GIVEN a low answer THEN carries the not-sure marker in amber, quotes its closest passages and lists them as sources", () => {
    const payload = renderAnswer(lowAnswer(), "k");
    const embed = payload.embeds[0]!;
    expect(embed.author).toEqual({ name: NOT_SURE_MARKER });
    expect(embed.author!.name).toMatch(/^⚠️ Not sure/);
    expect(embed.color).toBe(NOT_SURE_COLOR);
    expect(embed.title).toBe("Did Grushko threaten Britain?");
    expect(embed.description).toBe(`${NOT_SURE_TEXT} ‘We absolutely do not care under what label,’ he said. [1]`);
    expect(embed.fields![0]).toEqual({ name: "[1] Kremlin threat", value: "Daily Mail · 2025-03-16 · article `a`" });
    expect(payload.components[0]!.components.map((button) => ("label" in button ? button.label : ""))).toEqual(["Show passages", "Helpful", "Not helpful"]);
    expect(embedsFit(payload.embeds)).toBe(true);
  });

  it("GIVEN high and none answers THEN neither carries the marker, and each has its own colour", () => {
    const high = renderAnswer({ ...lowAnswer(), answered: true, confidence: "high", answer: "‘We do not care,’ he said. [1]" }, "k").embeds[0]!;
    const none = renderAnswer({ question: "Moon?", answered: false, confidence: "none", answer: "The articles do not answer this question.", citations: [] }, "k").embeds[0]!;
    expect(high.author).toBeUndefined();
    expect(none.author).toBeUndefined();
    expect(high.color).toBe(ANSWERED_COLOR);
    expect(none.color).toBe(NOT_COVERED_COLOR);
    // No sources, so no "[n] points to a source below".
    expect(none.footer?.text).not.toContain("[n]");
    expect(new Set([ANSWERED_COLOR, NOT_SURE_COLOR, NOT_COVERED_COLOR]).size).toBe(3);
  });

  it("GIVEN cited and uncited passages, even from one article THEN lists the cited as sources and the rest apart under More passages", () => {
    const answer: Answer = {
      question: "What did Grushko say?",
      answered: true,
      confidence: "high",
      answer: "‘We do not care,’ he said. [1] It must be neutral. [2]",
      citations: [
        citation(1, { articleId: "a", title: "Kremlin threat" }),
        citation(2, { articleId: "a", title: "Kremlin threat" }),
        citation(3, { articleId: "a", title: "Kremlin threat", cited: false }),
        citation(4, { articleId: "b", title: "**Other**", outlet: null, published: null, url: "https://example.com/b", cited: false }),
        citation(5, { articleId: "a", title: "Kremlin threat", cited: false }),
      ],
    };
    const embed = renderAnswer(answer, "k").embeds[0]!;
    expect(embed.fields).toEqual([
      { name: "[1] [2] Kremlin threat", value: "Daily Mail · 2025-03-16 · article `a`" },
      {
        name: MORE_PASSAGES_FIELD,
        value: "[3] [5] Kremlin threat · Daily Mail · 2025-03-16 · article `a`\n[4] \\*\\*Other\\*\\* · article `b` · [link](https://example.com/b)",
      },
    ]);
    expect(MORE_PASSAGES_FIELD).toMatch(/^More passages/);
  });

  const long = { title: "T".repeat(300), outlet: "O".repeat(400), url: `https://example.com/${"p".repeat(500)}` };
  const morePassages = (from: number, count: number) => Array.from({ length: count }, (_, i) => citation(from + i, { ...long, articleId: `more-${i}`, cited: false }));

  it("GIVEN many cited sources and more passages THEN keeps every limit, gives the cited sources the room first and counts what it left out", () => {
    const answer = longAnswer(30);
    answer.citations = [...answer.citations.map((c) => ({ ...c, ...long })), ...morePassages(31, 12)];
    const embed = renderAnswer(answer, "k").embeds[0]!;
    expect(embedsFit([embed])).toBe(true);
    expect(embed.fields!.map((field) => field.name).slice(-2)).toEqual(["More sources", MORE_PASSAGES_FIELD]);
    expect(embed.fields![0]!.name).toMatch(/^\[1\] T/);
    expect(embed.fields!.at(-1)!.value).toBe("*… 12 more passages; **Show passages** lists them all.*");
    expect(embed.description).toMatch(/^Sentence 0 .*\[1\]/);
  });

  it("GIVEN more passages with long details THEN lists as many as fit in one field, each cut to title and id so no link or code span is broken", () => {
    const answer = longAnswer(2);
    answer.citations = [...answer.citations, ...morePassages(3, 12)];
    const embed = renderAnswer(answer, "k").embeds[0]!;
    expect(embedsFit([embed])).toBe(true);
    const lines = embed.fields!.at(-1)!.value.split("\n");
    const listed = lines.slice(0, -1);
    expect(listed.length).toBeGreaterThan(2);
    listed.forEach((line, i) => expect(line).toBe(`[${i + 3}] ${"T".repeat(99)}… · article \`more-${i}\``));
    expect(lines.at(-1)).toBe(`*… ${12 - listed.length} more passages; **Show passages** lists them all.*`);
  });

  it("GIVEN a corrected question THEN shows it as 'Read as', escaped, above the answer and keeps the typed one as the title", () => {
    const answer: Answer = {
      question: "wat did **Grushkoo** say @everyone",
      correctedQuestion: "what did **Grushko** say @everyone [x](https://evil.example)",
      answered: true,
      confidence: "high",
      answer: "‘We do not care,’ he said. [1]",
      citations: [citation(1)],
    };
    const embed = renderAnswer(answer, "k").embeds[0]!;
    expect(embed.title).toBe("wat did \\*\\*Grushkoo\\*\\* say @\u200beveryone");
    expect(embed.description).toBe("*Read as:* “what did \\*\\*Grushko\\*\\* say @\u200beveryone [x]\\(https://evil.example)”\n\n‘We do not care,’ he said. [1]");
    expect(renderAnswer({ ...answer, correctedQuestion: "x".repeat(20) + " y".repeat(3000) }, "k").embeds[0]!.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
  });

  it("GIVEN a corrected question and an answer longer than Discord allows THEN the Read as line and the cut answer fit together", () => {
    const payload = renderAnswer({ ...longAnswer(40), correctedQuestion: "What happened here?" }, "k");
    expect(embedsFit(payload.embeds)).toBe(true);
    expect(payload.embeds[0]!.description).toMatch(/^\*Read as:\* “What happened here\?”\n\nSentence 0 [\s\S]*left out to fit in Discord/);
  });
});

describe("Find sources wording and Show passages order", () => {
  const passages = [
    citation(1, { articleId: "a", title: "Kremlin threat", text: "‘We do not care under what label,’ he said." }),
    citation(2, { articleId: "b", title: "Other", text: "Peskov called it unacceptable.", cited: false }),
  ];
  const claim = "Grushko said **Russia** does not care";

  it("GIVEN a low answer THEN still quotes the closest passages, saying they may not support the claim exactly", () => {
    const payload = renderClaimSources(claim, { question: claim, answered: false, confidence: "low", answer: "The articles may not answer this exactly. Closest passages: ‘We do not care under what label,’ he said. [1]", citations: passages });
    expect(payload.content).toMatch(/^📎 Passages in the indexed articles about “Grushko said \\\*\\\*Russia\\\*\\\* does not care”\. ⚠️ Not sure they support it exactly/);
    expect(payload.embeds.map((embed) => embed.title)).toEqual(["[1] Kremlin threat", "[2] Other"]);
    expect(payload.embeds[0]!.description).toBe("> ‘We do not care under what label,’ he said.");
  });

  it("GIVEN a high answer THEN quotes the passages for the reader to judge; GIVEN none THEN says the articles do not discuss it", () => {
    const high = renderClaimSources(claim, { question: claim, answered: true, confidence: "high", answer: "‘We do not care under what label,’ he said. [1]", citations: passages });
    expect(high.content).toMatch(/^📎 Passages in the indexed articles about .*\. Read them to judge whether they support it:$/);
    expect(high.content).not.toContain("Not sure");
    const none = renderClaimSources(claim, { question: claim, answered: false, confidence: "none", answer: "The articles do not answer this question.", citations: [] });
    expect(none.embeds).toEqual([]);
    expect(none.content).toBe("📭 The indexed articles do not support or discuss this claim: “Grushko said \\*\\*Russia\\*\\* does not care”\nThe articles do not answer this question.");
  });

  it("puts the passages an answer quotes before the others, whatever order they come in", () => {
    const shuffled = [citation(3, { cited: false }), citation(1), citation(4, { cited: false }), citation(2)];
    expect(citationPassages(shuffled).map((passage) => passage.n)).toEqual([1, 2, 3, 4]);
  });
});

describe("renderPassages", () => {
  const passage = (n: number, length: number): QuotedPassage => ({
    n, title: `Title ${n}`, articleId: `a${n}`, outlet: "RT", published: null, url: "https://example.com/a(1)", alsoReportedBy: [],
    text: Array.from({ length: Math.ceil(length / 50) }, (_, i) => `Sentence number ${i} of passage ${n}, padded out.`).join(" "),
  });

  it("GIVEN 12 long passages THEN shows 10 within 6000 characters, each cut at a sentence and saying what is missing", () => {
    const payload = renderPassages(md`Passages for ${"@everyone"}:`, Array.from({ length: 12 }, (_, i) => passage(i + 1, 3000)));
    expect(payload.embeds).toHaveLength(10);
    expect(embedsFit(payload.embeds)).toBe(true);
    expect(payload.content).toBe("Passages for @\u200beveryone:\n*2 more passages not shown: Discord allows 10 per message.*");
    for (const embed of payload.embeds) expect(embed.description).toMatch(/padded out\.\n\*\[… \d+ more characters in the article\]\*$/);
    expect(payload.embeds[0]).toMatchObject({ title: "[1] Title 1", url: "https://example.com/a%281%29", footer: { text: "RT · article a1" } });
  });

  it("GIVEN a few short passages THEN quotes them whole", () => {
    const payload = renderPassages(md`Passages:`, [passage(1, 100), passage(2, 100)]);
    expect(payload.embeds[0]!.description).toBe(`> ${escapeText(passage(1, 100).text)}`);
  });
});

describe("escapeText", () => {
  it("escapes every mark and breaks every link and mention, in linear time", () => {
    const paragraph = Array.from({ length: 30 }, (_, i) => `Sentence *${i}* has __markdown__, ~~marks~~ and a \`tick\` at https://example.com/a_b_${i}.`).join(" ");
    expect(escapeText(paragraph)).toBe(paragraph.replace(/[*_~`]/g, "\\$&"));
    expect(escapeText("# One\n  > two\n1. three\n- four (a) [b](https://c) \\ <#123456789012345678> @here")).toBe(
      "\\# One\n  \\> two\n1\\. three\n\\- four \\(a) [b]\\(https://c) \\\\ <\u200b#123456789012345678> @\u200bhere",
    );
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

  it("lists the newest articles first, undated ones last in file order, and says when the index was updated", () => {
    const record = (id: string, published: string | null): ArticleRecord => ({ id, file: `${id}.txt`, hash: "h", title: `Title ${id}`, outlet: null, published, url: null, sections: [], passageCount: 1 });
    const records = [record("undated-a", null), record("old", "2025-01-05"), record("undated-b", null), record("new", "2025-03-17T09:30:00Z"), record("mid", "2025-02-10")];
    const embed = renderSources(records, "2025-03-18T10:05:59.123Z").embeds[0]!;
    const order = [...embed.description!.matchAll(/`([\w-]+)`/g)].map((match) => match[1]);
    expect(order).toEqual(["new", "mid", "old", "undated-a", "undated-b"]);
    expect(embed.footer?.text).toMatch(/^Index updated 2025-03-18 10:05 UTC\. /);
  });

  it("keeps notices under 2000 characters and inert", () => {
    const payload = notice(md`${`@here ${"x ".repeat(1500)}`}`);
    expect(payload.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(payload.content).toMatch(/^@\u200bhere/);
    expect(payload.allowedMentions.parse).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { renderClaimSources } from "../../src/discord/commands/findSources.js";
import { renderAnswer } from "../../src/discord/render/answer.js";
import { renderPassages, type QuotedPassage } from "../../src/discord/render/passages.js";
import { notice, type ReplyPayload } from "../../src/discord/render/payload.js";
import { renderQuotes } from "../../src/discord/render/quotes.js";
import { renderSources } from "../../src/discord/render/sources.js";
import { escapeText, md, sanitise, truncateWords } from "../../src/discord/render/safeText.js";
import { fitSentences } from "../../src/discord/render/text.js";
import type { Quote, Speaker } from "../../src/ingest/quotes/speakers.js";
import type { Answer, Citation } from "../../src/types.js";
import { cutEscapes, linkJunctions, liveLinks, liveMarkdown, liveMentions, loneSurrogates } from "../support/discordMarkdown.js";
import { Random } from "../support/random.js";

/** The one link the bot writes itself: an article's sidecar URL, checked by `safeUrl`. */
const OWN_URL = "https://news.example/article";
const OWN_LINK = `[link](${OWN_URL})`;
const RUNS = 250;

const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"];
const LOOK_ALIKES = ["［", "］", "（", "）", "⁅", "⁆", "❨", "❩", "﹙", "﹚", "⟦", "⟧", "〔", "〕", "\uff3c"];
const URLS = ["https://evil.example/verify", "http://evil.example", "<https://evil.example>", "https://evil.example/a_(b)", "discord.gg/evil"];
const MENTIONS = ["@everyone", "@here", "@EveryOne", "<@123456789012345678>", "<@!123456789012345678>", "<@&123456789012345678>", "<#123456789012345678>", "</ask:123456789012345678>", "<t:1700000000:R>", "<:pog:123456789012345678>", "<a:pog:123456789012345678>"];
const MARKS = ["*", "**", "_", "__", "~~", "||", "`", "```", "\\", "\\\\", "[", "]", "(", ")", "[[", "]]", "](", ">", ">>> ", "# ", "-# ", "- ", "1. ", "\n", "\n\n", " ", "."];
const WORDS = ["verify", "your", "account", "click", "here", "Grushko", "said.", "NATO", "free", "nitro", "a", "the"];

/** Masked-link syntax in its many shapes, with zero-width characters and look-alikes sprinkled in. */
function maskedLink(random: Random): string {
  const text = Array.from({ length: random.int(1, 4) }, () => random.pick(WORDS)).join(" ");
  const url = random.pick(URLS);
  const shapes = [
    `[${text}](${url})`,
    `[${text}](<${url}>)`,
    `[[${text}]](${url})`,
    `[${text}\\](${url})`,
    `\\[${text}](${url})`,
    `[${text}](${url} "title")`,
    `[${text}](\n${url})`,
    `[${random.pick(LOOK_ALIKES)}${text}](${url})`,
    `[${text}]${random.pick(LOOK_ALIKES)}${url})`,
  ];
  const link = random.pick(shapes);
  if (!random.chance(0.3)) return link;
  const at = random.int(0, link.length);
  return link.slice(0, at) + random.pick(ZERO_WIDTH) + link.slice(at);
}

function fragment(random: Random): string {
  const roll = random.next();
  if (roll < 0.3) return maskedLink(random);
  if (roll < 0.45) return random.pick(MENTIONS);
  if (roll < 0.7) return random.pick(MARKS);
  if (roll < 0.75) return random.pick([...ZERO_WIDTH, ...LOOK_ALIKES, "😀", "👍🏽"]);
  if (roll < 0.8) return random.pick(URLS);
  return random.pick(WORDS) + random.pick([" ", " ", "", "\n"]);
}

/** A hostile string: links, mentions and markdown, often after filler that puts them across a length boundary. */
function hostile(random: Random, maxLength = 600): string {
  let text = random.chance(0.5) ? "word ".repeat(random.int(0, 60)) : "";
  while (text.length < random.int(1, maxLength)) text += fragment(random);
  // Cut by code points: Discord and article files only ever hold whole characters.
  const characters = [...text];
  return characters.slice(0, random.chance(0.3) ? random.int(0, characters.length) : characters.length).join("");
}

interface Sink {
  /** Whether Discord renders markdown there (content, titles, descriptions, fields) or shows it as plain text (footers, author names, labels). */
  renders: boolean;
  /** Whether every mark must be escaped: true for sanitised text alone, false where the bot's own markdown surrounds it. */
  strict?: boolean;
  /** Whether the bot's own `[link](…)` to an article's sidecar URL may stand there. */
  ownLinks?: boolean;
}

function expectInert(raw: string, where: string, sink: Sink): void {
  const text = sink.ownLinks ? raw.split(OWN_LINK).join(" ") : raw;
  const show = JSON.stringify(raw);
  expect(liveMentions(text), `live mention in ${where}: ${show}`).toEqual([]);
  expect(loneSurrogates(text), `half an emoji in ${where}: ${show}`).toEqual([]);
  if (!sink.renders) return;
  expect(cutEscapes(text), `escape cut in half in ${where}: ${show}`).toEqual([]);
  expect(liveLinks(text), `live masked link in ${where}: ${show}`).toEqual([]);
  expect(linkJunctions(text), `link junction "](" in ${where}: ${show}`).toEqual([]);
  if (sink.strict) expect(liveMarkdown(text), `live markdown in ${where}: ${show}`).toEqual([]);
}

const SANITISED: Sink = { renders: true, strict: true };

/** Every text in a payload, checked as Discord shows it. */
function expectPayloadInert(payload: ReplyPayload, where: string): void {
  if (payload.content !== undefined) expectInert(payload.content, `${where} content`, { renders: true });
  for (const [i, embed] of payload.embeds.entries()) {
    for (const text of [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]) {
      if (text !== undefined) expectInert(text, `${where} embed ${i}`, { renders: true, ownLinks: true });
    }
    for (const text of [embed.footer?.text, embed.author?.name]) if (text !== undefined) expectInert(text, `${where} embed ${i} footer`, { renders: false });
  }
  for (const row of payload.components) for (const button of row.components) if ("label" in button && button.label) expectInert(button.label, `${where} button`, { renders: false });
}

describe("the sanitiser, fed generated hostile strings", () => {
  it("the model of Discord sees the attacks discord.js's escaping let through (so the checks below can fail)", () => {
    // escapeMaskedLink escapes the first `[…](…)` of a line and nothing after it.
    expect(liveLinks("\\[a](https://x) [b](https://y)")).toEqual(["[b](https://y)"]);
    // Escaped in 256-character pieces, a link whose text spans the cut escapes in neither piece.
    expect(liveLinks("word [click here](https://x)")).toEqual(["[click here](https://x)"]);
    expect(liveLinks("[a\\](https://x)")).toHaveLength(1);
    expect(liveLinks("[a]\\(https://x)")).toEqual([]);
    expect(linkJunctions("\\[a](https://x)")).toHaveLength(1);
    expect(liveMentions("<@&1> @here <#2>")).toHaveLength(3);
    expect(liveMarkdown("**b** \\*ok\\*\n# h")).toHaveLength(5);
    const random = new Random(1);
    const raw = Array.from({ length: 50 }, () => hostile(random));
    expect(raw.filter((text) => liveLinks(text).length > 0).length).toBeGreaterThan(20);
  });

  it("leaves no live link, mention or markdown in the escaped text, nor in any cut of it", () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = new Random(seed);
      const raw = hostile(random);
      const escaped = escapeText(raw);
      expectInert(escaped, `escapeText (seed ${seed})`, SANITISED);
      for (let max = 1; max <= escaped.length; max += random.int(1, 7)) {
        const cut = truncateWords(escaped, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expectInert(cut, `truncateWords to ${max} (seed ${seed})`, SANITISED);
      }
      const fitted = fitSentences(sanitise(raw), random.int(1, raw.length + 10));
      expectInert(fitted.text, `fitSentences (seed ${seed})`, SANITISED);
    }
  });

  it("a masked link straddling every length boundary around 256 characters stays dead", () => {
    for (let filler = 230; filler <= 280; filler++) {
      const raw = `${"a".repeat(filler % 7)} ${"word ".repeat(Math.floor(filler / 5))}[click here to verify](https://evil.example/verify) [and this one](https://evil.example/2)`;
      expectInert(escapeText(raw), `filler ${filler}`, SANITISED);
    }
  });

  it("every renderer posts no live link but its own and no live mention, whatever the question, article or speaker says", () => {
    for (let seed = 1; seed <= RUNS / 5; seed++) {
      const random = new Random(seed * 7919);
      const text = () => hostile(random, random.pick([80, 600, 3000]));
      const citation = (n: number, cited: boolean): Citation => ({
        n, articleId: `art-${n}`, title: text(), outlet: text(), published: random.chance(0.5) ? null : text(), url: random.chance(0.5) ? OWN_URL : null,
        text: text(), start: 0, end: 1, score: 1, cited, alsoReportedBy: random.chance(0.5) ? [] : [{ articleId: "other", title: text(), outlet: text(), published: null, url: null, text: "", start: 0, end: 0 }],
      });
      const citations = Array.from({ length: random.int(0, 8) }, (_, i) => citation(i + 1, i < 3));
      const answer: Answer = {
        question: text(),
        ...(random.chance(0.5) ? { correctedQuestion: text() } : {}),
        answered: true,
        confidence: random.pick(["high", "low", "none"] as const),
        answer: citations.map((c) => `${text()} [${c.n}]`).join(" ") || text(),
        citations,
      };
      expectPayloadInert(renderAnswer(answer, "key"), `renderAnswer (seed ${seed})`);
      const passages: QuotedPassage[] = citations.map((c) => ({ ...c, alsoReportedBy: c.alsoReportedBy }));
      expectPayloadInert(renderPassages(md`Passages for “${text()}”:`, passages), `renderPassages (seed ${seed})`);
      expectPayloadInert(renderClaimSources(text(), answer), `renderClaimSources (seed ${seed})`);
      expectPayloadInert(notice(md`No passage matches “${text()}”.`), `notice (seed ${seed})`);
      const speaker: Speaker = { id: "s", name: text(), kind: "person", variants: [], roles: [text()], organisations: [], articleIds: ["a"], quoteCount: 2 };
      const quotes = [0, 1].map((i) => ({ speakerId: "s", articleId: "a", section: 0, text: text(), kind: i === 0 ? "direct" : "reported" }) as unknown as Quote);
      const describe = () => ({ title: text(), outlet: text(), published: null, url: OWN_URL });
      expectPayloadInert(renderQuotes(speaker, quotes, describe), `renderQuotes (seed ${seed})`);
      const records = [{ id: "a", file: "a.txt", hash: "h", title: text(), outlet: text(), published: null, url: null, sections: [], passageCount: 1 }];
      expectPayloadInert(renderSources(records), `renderSources (seed ${seed})`);
    }
  });
});

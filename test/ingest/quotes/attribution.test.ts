import { describe, expect, it } from "vitest";
import { FolderArticleSource } from "../../../src/ingest/articleSource.js";
import { buildQuoteIndex } from "../../../src/index/quoteIndex.js";
import { SEEDS_DIR } from "../../support/engineFixture.js";
import { ATTRIBUTION_GOLD } from "./attributionGold.js";

const key = (speaker: string) => speaker.toLowerCase().replace(/^(the|a|an)\s+/, "").replace(/[’']s\b/g, "").replace(/\bpm\b/g, "prime minister").trim();

/** Precision and recall of (speaker, quote) pairs against the labelled seeds. */
async function score() {
  const { articles } = await new FolderArticleSource(SEEDS_DIR).load();
  const index = buildQuoteIndex(articles);
  // A speaker answers to every spelling the articles use (Sergei / Sergey Lavrov).
  const names = new Map(index.speakers.map((speaker) => [speaker.id, [speaker.name, ...speaker.variants].map(key)]));
  const extracted = index.quotes.map((quote) => ({ speakers: names.get(quote.speakerId) ?? [], text: quote.text, matched: false }));
  let found = 0;
  const missed: string[] = [];
  for (const [speaker, snippet] of ATTRIBUTION_GOLD) {
    const hit = extracted.find((item) => !item.matched && item.speakers.includes(key(speaker)) && item.text.includes(snippet));
    if (hit) {
      hit.matched = true;
      found++;
    } else missed.push(`${speaker}: ${snippet}`);
  }
  const wrong = extracted.filter((item) => !item.matched).map((item) => `${item.speakers[0]}: ${item.text.slice(0, 70)}`);
  return { precision: (extracted.length - wrong.length) / extracted.length, recall: found / ATTRIBUTION_GOLD.length, missed, wrong, extracted: extracted.length };
}

describe("quote attribution on the labelled seeds", () => {
  it("finds who said what with precision and recall of at least 0.9", async () => {
    const result = await score();
    console.log(
      `attribution: precision ${result.precision.toFixed(3)} (${result.extracted} extracted), recall ${result.recall.toFixed(3)} (${ATTRIBUTION_GOLD.length} labelled)\n` +
        `missed:\n  ${result.missed.join("\n  ")}\nwrong or unlabelled:\n  ${result.wrong.join("\n  ")}`,
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
  });
});

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PassageTokens, TOKENS_VERSION } from "../../src/index/passageTokens.js";
import { splitSentencesByLine } from "../../src/text/sentences.js";
import { contentTerms, words } from "../../src/text/terms.js";
import { SEEDS_DIR } from "../support/engineFixture.js";

async function seedParagraphs(): Promise<string[]> {
  const texts: string[] = [];
  for (const name of (await readdir(SEEDS_DIR)).sort()) {
    const text = await readFile(path.join(SEEDS_DIR, name), "utf8");
    // Passages of one to three paragraphs, as the chunker makes them.
    const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== "");
    for (let i = 0; i < paragraphs.length; i += 2) texts.push(paragraphs.slice(i, i + 1 + (i % 3)).join("\n"));
  }
  return texts;
}

describe("PassageTokens (the forward index)", () => {
  it("holds each passage's sentences and exactly the words tokenising them gives", async () => {
    const texts = await seedParagraphs();
    const tokens = PassageTokens.build(texts);
    expect(tokens.passageCount).toBe(texts.length);
    texts.forEach((text, row) => {
      const sentences = tokens.sentences(row);
      expect(sentences.map(({ start, end }) => ({ start, end }))).toEqual(splitSentencesByLine(text));
      for (const sentence of sentences) {
        const sentenceText = text.slice(sentence.start, sentence.end);
        const ids = [...tokens.wordIds.subarray(sentence.from, sentence.to)];
        expect(ids.map((id) => tokens.vocabulary[id])).toEqual(words(sentenceText));
        const terms = ids.flatMap((id) => tokens.termOf(id) ?? []);
        expect(terms).toEqual(contentTerms(sentenceText));
      }
    });
  });

  it("reads back what it wrote, byte for byte", async () => {
    const tokens = PassageTokens.build(await seedParagraphs());
    const bytes = tokens.encode();
    const decoded = PassageTokens.decode(bytes);
    expect(decoded).not.toBeNull();
    expect(decoded!.vocabulary).toEqual(tokens.vocabulary);
    for (let row = 0; row < tokens.passageCount; row++) expect(decoded!.sentences(row)).toEqual(tokens.sentences(row));
    expect(decoded!.encode()).toEqual(bytes);
  });

  it("handles empty passages and an empty corpus", () => {
    const tokens = PassageTokens.decode(PassageTokens.build(["", "Only one."]).encode())!;
    expect(tokens.sentences(0)).toEqual([]);
    const [only] = tokens.sentences(1);
    expect(tokens.sentences(1)).toHaveLength(1);
    expect([...tokens.wordIds.subarray(only!.from, only!.to)].map((id) => tokens.vocabulary[id])).toEqual(["only", "one"]);
    expect(PassageTokens.decode(PassageTokens.build([]).encode())!.passageCount).toBe(0);
  });

  it("ignores a file of another version and rejects a damaged one, saying what is wrong", () => {
    const bytes = PassageTokens.build(["The Kremlin said no.", "Nato troops would be targets."]).encode();
    const words32 = new Uint32Array(bytes.buffer.slice(0));
    words32[1] = TOKENS_VERSION + 1;
    expect(PassageTokens.decode(new Uint8Array(words32.buffer))).toBeNull();

    expect(() => PassageTokens.decode(bytes.slice(0, bytes.length - 8))).toThrow(/expected/);
    const badId = new Uint32Array(bytes.buffer.slice(0));
    badId[badId.length - 1] = 999_999;
    expect(() => PassageTokens.decode(new Uint8Array(badId.buffer))).toThrow(/word id/);
    const badOffsets = new Uint32Array(bytes.buffer.slice(0));
    const vocabularyWords = Math.ceil((badOffsets[5] as number) / 4);
    badOffsets[6 + vocabularyWords + 1] = 7; // passage 0 would end after the last sentence
    expect(() => PassageTokens.decode(new Uint8Array(badOffsets.buffer))).toThrow(/out of order/);
  });
});

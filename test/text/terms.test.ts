import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gluedParts } from "../../src/text/englishWords.js";
import { words } from "../../src/text/terms.js";
import { SEEDS_DIR } from "../support/engineFixture.js";

/** What `words` means, as one Unicode regular expression: the scanner must agree with it exactly. */
function wordsByRegex(text: string): string[] {
  const typed = text.replace(/\bUS\b/g, "U.S").normalize("NFKC");
  const normalised = typed.toLowerCase().replace(/[’‘`]/g, "'");
  return [...normalised.matchAll(/[\p{L}\p{N}]+(?:[.,'-][\p{L}\p{N}]+)*/gu)].flatMap((match) => {
    const bare = match[0].replace(/'s$/, "").replace(/,(?=\d{3}\b)/g, "");
    // A word typed in lower case that is two words run together counts as them too.
    const lowerTyped = typed.length === normalised.length && typed[match.index as number] === bare[0];
    return bare.includes("-") ? [bare, ...bare.split("-")] : [bare, ...(lowerTyped ? gluedParts(bare) : [])];
  });
}

describe("words", () => {
  it("keeps numbers, possessives, hyphenated compounds and abbreviations as readers count them", () => {
    expect(words("Kyiv’s 30,000-strong force, U.S. troops and pro-Russian bloggers' 1.5bn")).toEqual([
      "kyiv", "30000-strong", "30000", "strong", "force", "u.s", "troops", "and", "pro-russian", "pro", "russian", "bloggers", "1.5bn",
    ]);
  });

  it("reads two words run together where a space was lost as those words too, but not a name", () => {
    expect(words("100,000 troopskilled or injured")).toEqual(["100000", "troopskilled", "troop", "skilled", "troops", "killed", "or", "injured"]);
    expect(words("intelligence sharingwith Ukraine")).toEqual(["intelligence", "sharingwith", "sharing", "with", "ukraine"]);
    // a name, or a word the list lacks, is not cut into pieces: "Washington" is no "washing ton", "european" no "euro pean"
    expect(words("Washington Troopskilled european paywalls")).toEqual(["washington", "troopskilled", "european", "paywalls"]);
    // nor a run of letters longer than two words make (a hostile article's 20,000-letter "word" is looked at no further)
    expect(words("sharingwithsharingwithsharingwith")).toEqual(["sharingwithsharingwithsharingwith"]);
  });

  it("reads the country US as u.s, not as the stopword us", () => {
    expect(words("US troops told us")).toEqual(["u.s", "troops", "told", "us"]);
    expect(words("USA and BUS")).toEqual(["usa", "and", "bus"]);
  });

  it("agrees with the regular expression on every seed article", async () => {
    for (const name of await readdir(SEEDS_DIR)) {
      const text = await readFile(path.join(SEEDS_DIR, name), "utf8");
      expect(words(text), name).toEqual(wordsByRegex(text));
    }
  });

  it("agrees with the regular expression on scripts, astral letters, emoji and stray joiners", () => {
    const samples = [
      "𝐀bc-𝟏2 don't 😀x's ab\u0301c naïve",
      "a..b a.-b -x- 1,000,00 'quoted' €5 Ⅻ ½ 𝒳's",
      "ΑΒΓ-δ 中文字 ١٢٣ русский-язык İstanbul ﬁnal",
      "end.\nNext,line—dash–dash…more “quote” ‘single’ `tick`",
      "\ud83d lone surrogate \udc00 here",
    ];
    for (const sample of samples) expect(words(sample), sample).toEqual(wordsByRegex(sample));
  });
});

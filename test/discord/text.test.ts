import { describe, expect, it } from "vitest";
import { sanitise } from "../../src/discord/render/safeText.js";
import { countSentences, fitSentences } from "../../src/discord/render/text.js";

describe("sentences in Discord rendering", () => {
  it("splits as the text layer does: 'Mr.' ends no sentence, a line break ends one", () => {
    expect(countSentences("Mr. Hegseth said it was temporary. Then he left.")).toBe(2);
    expect(countSentences("First line without a stop\nSecond line.")).toBe(2);
  });

  it("keeps a sentence's [n] markers with it when it cuts", () => {
    const raw = "Mr. Hegseth said the freeze was temporary. [1] [2] He also dismissed the accusations as garbage. [3]";
    const fitted = fitSentences(sanitise(raw, "plain"), 60);
    expect(fitted.text).toBe("Mr. Hegseth said the freeze was temporary. [1] [2]");
    expect(fitted.omittedChars).toBe(raw.length - fitted.text.length);
  });
});

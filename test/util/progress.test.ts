import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/util/progress.js";

/** A log file or pipe: not a terminal, so every line stays. */
function pipe() {
  const lines: string[] = [];
  return { lines, stream: { isTTY: false, write: (text: string) => (lines.push(...text.split("\n").filter((line) => line !== "")), true) } };
}

describe("progress written to a file or pipe", () => {
  it("prints a plain line at least every 10 seconds of long work, with the share done and the time left", () => {
    const { lines, stream } = pipe();
    let now = 0;
    const progress = createProgress("Embedding passages", 6000, { stream, now: () => now });
    // 16 passages every 2 seconds: the whole job takes 12.5 minutes, a quarter over 3 minutes.
    for (let done = 16; done <= 960; done += 16) {
      now += 2000;
      progress.update(done);
    }
    expect(lines[0]).toBe("Embedding passages: 16/6000 (0%) after 2s, about 12m 28s left");
    // 120 s of work: one line at the start and one every 10 s after it.
    expect(lines).toHaveLength(12);
    expect(lines[1]).toBe("Embedding passages: 96/6000 (1%) after 12s, about 12m 18s left");
    expect(lines.at(-1)).toBe("Embedding passages: 896/6000 (14%) after 1m 52s, about 10m 38s left");
  });

  it("keeps a quick job to a few lines: the start, each quarter and the end", () => {
    const { lines, stream } = pipe();
    let now = 0;
    const progress = createProgress("Embedding passages", 71, { stream, now: () => now });
    for (let done = 16; done < 71; done += 16) {
      now += 500;
      progress.update(done);
    }
    now += 300;
    progress.update(71);
    progress.finish();
    expect(lines).toEqual([
      "Embedding passages: 16/71 (22%) after 1s, about 2s left",
      "Embedding passages: 32/71 (45%) after 1s, about 1s left",
      "Embedding passages: 48/71 (67%) after 2s, about 1s left",
      "Embedding passages: 64/71 (90%) after 2s, about 0s left",
      "Embedding passages: 71/71 (100%) after 2s",
    ]);
  });
});

describe("progress on a terminal", () => {
  it("redraws one bar in place and ends the line when finished", () => {
    const written: string[] = [];
    let now = 0;
    const progress = createProgress("Embedding passages", 32, { stream: { isTTY: true, write: (text: string) => (written.push(text), true) }, now: () => now });
    now = 1500;
    progress.update(16);
    now = 3000;
    progress.update(32);
    progress.finish("done");
    expect(written).toEqual([
      "\rEmbedding passages ████████████░░░░░░░░░░░░ 16/32 (1.5s)",
      "\rEmbedding passages ████████████████████████ 32/32 (3.0s)",
      "\rEmbedding passages ████████████████████████ 32/32 (3.0s)\n",
      "done\n",
    ]);
  });
});

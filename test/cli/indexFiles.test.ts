import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

/** `npm run index` over folders of articles it cannot use, as a user runs it. */
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "index-files-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

async function folderOf(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const folder = path.join(root, name);
  await mkdir(folder);
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(folder, file), content);
  return folder;
}

describe.concurrent("npm run index when no article can be used", () => {
  it("names every file and why, and exits 1", async () => {
    const folder = await folderOf("unusable", {
      "empty.txt": "",
      "photo.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      "latin1.txt": Buffer.from("Café au lait.\n", "latin1"),
      "furniture.txt": "Source link\nRelated Articles\n",
    });
    const result = await runCli("scripts/index.ts", [], { env: { ARTICLES_DIR: folder, INDEX_DIR: path.join(root, "index-unusable"), EMBEDDINGS: "offline" }, timeoutMs: 30_000 });
    expect(result.stderr).toContain(`No usable article in ${folder}: all 4 article files were skipped.`);
    expect(result.stderr).toContain("empty.txt is empty; skipped");
    expect(result.stderr).toContain("photo.md is a binary file, not text; skipped");
    expect(result.stderr).toContain("latin1.txt is not valid UTF-8");
    expect(result.stderr).toContain("furniture.txt has no article text left after removing page furniture; skipped");
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
  });

  it("stops at an article over the default 1 MB limit at once, naming it and MAX_ARTICLE_MB", async () => {
    const paragraph = "Officials in Kyiv said the talks would go on through the night, a spokesman told reporters. ";
    const folder = await folderOf("huge", { "huge.txt": `A very long report\n\n${paragraph.repeat(17_000)}\n` });
    const started = Date.now();
    const result = await runCli("scripts/index.ts", [], { env: { ARTICLES_DIR: folder, INDEX_DIR: path.join(root, "index-huge"), EMBEDDINGS: "offline" }, timeoutMs: 30_000 });
    expect(result.stderr).toContain("huge.txt is 1.5 MB, over the 1 MB limit for one article; split it into smaller articles or raise MAX_ARTICLE_MB. Skipped");
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("reads the limit from MAX_ARTICLE_MB", async () => {
    const folder = await folderOf("limited", { "long.txt": `A long read\n\n${"Talks went on. ".repeat(2000)}\n` });
    const result = await runCli("scripts/index.ts", [], {
      env: { ARTICLES_DIR: folder, INDEX_DIR: path.join(root, "index-limited"), EMBEDDINGS: "offline", MAX_ARTICLE_MB: "0.01" },
      timeoutMs: 30_000,
    });
    expect(result.stderr).toContain("long.txt is 29 KB, over the 10 KB limit for one article");
    expect(result.code).toBe(1);
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FolderArticleSource } from "../../src/ingest/articleSource.js";
import { UserError } from "../../src/errors.js";

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "articles-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const good = "A headline\nSomething happened in Kyiv on Monday, officials said.\n";
/** The first bytes of a PNG image: what a picture saved as .txt starts with. */
const PNG_START = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe("FolderArticleSource", () => {
  it("fingerprints every article with the hash loading gives it, sidecar included, without parsing", async () => {
    await writeFile(path.join(folder, "a.txt"), good);
    await writeFile(path.join(folder, "b.md"), "# Title B\n\nBody of b, in full.\n");
    await writeFile(path.join(folder, "a.json"), JSON.stringify({ outlet: "Reuters" }));
    const source = new FolderArticleSource(folder);
    const loaded = await source.load();
    const fingerprints = await source.fingerprints();
    expect(fingerprints.articles).toEqual(loaded.articles.map(({ id, hash }) => ({ id, hash })));
    expect(fingerprints.folder).toBe(loaded.folder);

    await writeFile(path.join(folder, "a.json"), JSON.stringify({ outlet: "AP" }));
    const changed = await source.fingerprints();
    expect(changed.articles[0]?.hash).not.toBe(fingerprints.articles[0]?.hash);
    expect(changed.articles[1]?.hash).toBe(fingerprints.articles[1]?.hash);
  });

  it("reads .txt and .md files, ids from file names, metadata from a valid sidecar", async () => {
    await writeFile(path.join(folder, "a.txt"), good);
    await writeFile(path.join(folder, "b.md"), "# Title B\n\nBody of b, in full.\n");
    await writeFile(path.join(folder, "notes.csv"), "ignored");
    await writeFile(path.join(folder, "a.json"), JSON.stringify({ outlet: "Reuters", published: "2025-03-17", url: "https://example.com/a" }));
    const { articles, warnings } = await new FolderArticleSource(folder).load();
    expect(warnings).toEqual([]);
    expect(articles.map((article) => article.id)).toEqual(["a", "b"]);
    expect(articles[0]).toMatchObject({ outlet: "Reuters", published: "2025-03-17", url: "https://example.com/a", title: "A headline" });
    expect(articles[1]?.title).toBe("Title B");
  });

  it("warns about each bad file by name and still indexes the others", async () => {
    await writeFile(path.join(folder, "good.txt"), good);
    await writeFile(path.join(folder, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e, 0x0a]));
    await writeFile(path.join(folder, "empty.txt"), "  \n\n");
    await writeFile(path.join(folder, "furniture.txt"), "Source link\nRelated Articles\n");
    await writeFile(path.join(folder, "broken.txt"), good);
    await writeFile(path.join(folder, "broken.json"), "{ not json");
    await writeFile(path.join(folder, "baddate.txt"), good);
    await writeFile(path.join(folder, "baddate.json"), JSON.stringify({ published: "last Tuesday", colour: "red" }));
    const { articles, warnings } = await new FolderArticleSource(folder).load();

    expect(articles.map((article) => article.id).sort()).toEqual(["baddate", "broken", "good"]);
    const byFile = Object.fromEntries(warnings.map((warning) => [warning.file, warning.problem]));
    expect(byFile["latin1.txt"]).toMatch(/not valid UTF-8/);
    expect(byFile["empty.txt"]).toMatch(/empty/);
    expect(byFile["furniture.txt"]).toMatch(/no article text/);
    expect(byFile["broken.json"]).toMatch(/not valid JSON.*indexed without it/);
    expect(byFile["baddate.json"]).toMatch(/published must be an ISO date/);
    expect(byFile["baddate.json"]).toMatch(/colour/);
    expect(articles.find((article) => article.id === "baddate")?.published).toBeNull();
  });

  it("skips unreadable entries with a warning", async () => {
    await writeFile(path.join(folder, "good.txt"), good);
    // A dangling link cannot be read even by root; a folder named like an article is no file.
    await symlink(path.join(folder, "gone.txt"), path.join(folder, "dangling.txt"));
    await mkdir(path.join(folder, "folder.txt"));
    const { articles, warnings } = await new FolderArticleSource(folder).load();
    expect(articles.map((article) => article.id)).toEqual(["good"]);
    expect(warnings).toEqual([
      { file: "dangling.txt", problem: expect.stringMatching(/cannot be read \(ENOENT\)/) },
      { file: "folder.txt", problem: expect.stringMatching(/not a regular file/) },
    ]);
  });

  it("skips a binary file saved with an article's extension", async () => {
    await writeFile(path.join(folder, "good.txt"), good);
    await writeFile(path.join(folder, "photo.txt"), PNG_START);
    const { articles, warnings } = await new FolderArticleSource(folder).load();
    expect(articles.map((article) => article.id)).toEqual(["good"]);
    expect(warnings).toEqual([{ file: "photo.txt", problem: "is a binary file, not text; skipped" }]);
  });

  it("when no file can be used, names every file and why, loading or only fingerprinting", async () => {
    await writeFile(path.join(folder, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e, 0x0a]));
    await writeFile(path.join(folder, "empty.md"), "  \n\n");
    await writeFile(path.join(folder, "photo.txt"), PNG_START);
    await symlink(path.join(folder, "gone.txt"), path.join(folder, "dangling.txt"));
    await mkdir(path.join(folder, "folder.txt"));
    for (const source of [() => new FolderArticleSource(folder).load(), () => new FolderArticleSource(folder).fingerprints()]) {
      const error = (await source().catch((caught: unknown) => caught)) as UserError;
      expect(error.code).toBe("NO_ARTICLES");
      expect(error.message.split("\n")).toEqual([
        `No usable article in ${folder}: all 5 article files were skipped.`,
        "  dangling.txt cannot be read (ENOENT); skipped",
        "  empty.md is empty; skipped",
        "  folder.txt is not a regular file; skipped",
        "  latin1.txt is not valid UTF-8; re-save it as UTF-8 to index it. Skipped",
        "  photo.txt is a binary file, not text; skipped",
        'Fix or remove these files, or add articles (see README, "Adding articles"), or set ARTICLES_DIR.',
      ]);
    }
  });

  it("names a file whose text is all page furniture when it was the only one", async () => {
    await writeFile(path.join(folder, "furniture.txt"), "Source link\nRelated Articles\n");
    const error = (await new FolderArticleSource(folder).load().catch((caught: unknown) => caught)) as UserError;
    expect(error.code).toBe("NO_ARTICLES");
    expect(error.message).toContain("  furniture.txt has no article text left after removing page furniture; skipped");
  });

  it("lists the first few of many unusable files and counts the rest", async () => {
    for (let i = 0; i < 25; i++) await writeFile(path.join(folder, `empty-${String(i).padStart(2, "0")}.txt`), "");
    const error = (await new FolderArticleSource(folder).load().catch((caught: unknown) => caught)) as UserError;
    const lines = error.message.split("\n");
    expect(lines[0]).toBe(`No usable article in ${folder}: all 25 article files were skipped.`);
    expect(lines.filter((line) => line.startsWith("  empty-"))).toHaveLength(10);
    expect(lines).toContain("  … and 15 more");
  });

  it("skips an article over the size limit without reading it, naming its size and the variable that raises the limit", async () => {
    await writeFile(path.join(folder, "good.txt"), good);
    await writeFile(path.join(folder, "book.txt"), `A long read\n${"Officials said talks went on. ".repeat(1000)}\n`);
    const limited = new FolderArticleSource(folder, { maxArticleMB: 20 / 1024 });
    const expected = [{ file: "book.txt", problem: "is 29 KB, over the 20 KB limit for one article; split it into smaller articles or raise MAX_ARTICLE_MB. Skipped" }];
    const loaded = await limited.load();
    expect(loaded.articles.map((article) => article.id)).toEqual(["good"]);
    expect(loaded.warnings).toEqual(expected);
    expect((await limited.fingerprints()).warnings).toEqual(expected);

    const raised = await new FolderArticleSource(folder, { maxArticleMB: 1 }).load();
    expect(raised.articles.map((article) => article.id)).toEqual(["book", "good"]);
  });

  it("fails clearly, naming the folder, when there are no articles", async () => {
    await writeFile(path.join(folder, "readme.csv"), "x");
    const error = await new FolderArticleSource(folder).load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("NO_ARTICLES");
    expect((error as UserError).message).toContain(folder);
  });

  it("fails clearly when the folder does not exist", async () => {
    const missing = path.join(folder, "nope");
    const error = await new FolderArticleSource(missing).load().catch((caught: unknown) => caught);
    expect((error as UserError).code).toBe("ARTICLES_FOLDER_MISSING");
    expect((error as UserError).message).toContain("ARTICLES_DIR");
  });
});

import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ExtractedPage } from "./extractPage.js";

export type SaveResult = { status: "saved"; id: string } | { status: "duplicate"; id: string; reason: string };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** An article id from its title: lower-case words joined by dashes, plus a short hash of the text. */
function articleId(page: ExtractedPage, fileText: string): string {
  const slug = page.title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "article"}-${sha256(fileText).slice(0, 8)}`;
}

/**
 * Writes an extracted page into the articles folder as `<id>.txt` (title, blank line, body)
 * plus the sidecar `<id>.json` (title, outlet, date, url), so citations keep pointing at exact
 * offsets of the stored text. A page already there (same canonical address in a sidecar, or the
 * same text) is not written again. The sidecar is written first and each file by an atomic
 * rename, so an indexer never reads half a file or an article without its metadata.
 */
export async function savePage(articlesDir: string, page: ExtractedPage): Promise<SaveResult> {
  const fileText = `${page.title}\n\n${page.text}\n`;
  const names = await readdir(articlesDir);
  for (const name of names) {
    const file = path.join(articlesDir, name);
    if (name.endsWith(".json") && page.url !== null) {
      const sidecar = JSON.parse(await readFile(file, "utf8").catch(() => "{}")) as { url?: unknown };
      if (sidecar.url === page.url) return { status: "duplicate", id: name.slice(0, -5), reason: `already ingested from ${page.url}` };
    }
    if (name.endsWith(".txt") && (await readFile(file, "utf8").catch(() => "")) === fileText) {
      return { status: "duplicate", id: name.slice(0, -4), reason: "the same text is already in the articles folder" };
    }
  }
  const id = articleId(page, fileText);
  const sidecar = {
    title: page.title,
    ...(page.outlet ? { outlet: page.outlet } : {}),
    ...(page.published ? { published: page.published } : {}),
    ...(page.url ? { url: page.url } : {}),
    ...(page.author ? { author: page.author } : {}),
  };
  const write = async (name: string, content: string) => {
    const temporary = path.join(articlesDir, `.${name}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, content);
      await rename(temporary, path.join(articlesDir, name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };
  await write(`${id}.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
  await write(`${id}.txt`, fileText);
  return { status: "saved", id };
}

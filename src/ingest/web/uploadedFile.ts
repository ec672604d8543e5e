import path from "node:path";
import { extractPage, type ExtractedPage } from "./extractPage.js";

/** What an uploaded file may be: an article as plain text or Markdown, or a saved web page. */
const KINDS: Readonly<Record<string, "text" | "html">> = { ".txt": "text", ".md": "text", ".html": "html", ".htm": "html" };

/** Whether a file's name says it can be added: "text" or "html"; throws naming the problem when not. */
export function fileKind(name: string): "text" | "html" {
  const extension = path.extname(name).toLowerCase();
  const kind = KINDS[extension];
  if (kind === undefined) throw new Error(`only .txt, .md or .html files can be added, not ${extension || "a file without an extension"}`);
  return kind;
}

/**
 * An uploaded article file read as a page to save: a web page by Readability, a text or
 * Markdown file with its first line as the title. Throws an Error naming what is wrong (its
 * type, its encoding, no text).
 */
export function pageFromFile(name: string, bytes: Uint8Array): ExtractedPage {
  const kind = fileKind(name);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new Error("the file is not UTF-8 text; save it as UTF-8 and add it again");
  }
  if (kind === "html") return extractPage(text, null);
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) throw new Error("the file is empty");
  const title = (lines[first] as string).replace(/^#+\s*/, "").trim();
  const body = lines.slice(first + 1).join("\n").trim();
  if (body === "") throw new Error("the file has a title but no text under it");
  return { title, outlet: null, published: null, url: null, author: null, text: body };
}

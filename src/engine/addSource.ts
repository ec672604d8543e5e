import type { EngineConfig } from "../config.js";
import { extractPage } from "../ingest/web/extractPage.js";
import { DEFAULT_LIMITS, fetchDocument, fetchFile } from "../ingest/web/fetchPage.js";
import { savePage } from "../ingest/web/savePage.js";
import { fileKind, pageFromFile } from "../ingest/web/uploadedFile.js";
import type { Logger } from "../log.js";
import type { Embedder } from "../types.js";
import type { LiveEngine } from "./liveEngine.js";
import { runIndexer } from "./openEngine.js";

export type AddedSource = { status: "added"; articleId: string; title: string } | { status: "duplicate"; articleId: string; title: string; reason: string };

/** A web page's address, or an uploaded article file (.txt, .md, .html) with where to download it. */
type SourceInput = { url: string } | { file: { name: string; url: string; size: number } };

/** Adds one web page or file to the articles and the running engine (Discord's /add-source). Throws an Error naming why it could not. */
export type SourceAdder = (input: SourceInput) => Promise<AddedSource>;

/**
 * A source adder for a running bot: fetches the page within the ingest limits, writes it into
 * ARTICLES_DIR with its sidecar, updates the index (only the new article is embedded, with the
 * encoder already loaded) and swaps the new build in, so the page can be asked about as soon as
 * this resolves. One page at a time.
 */
export function sourceAdder(config: EngineConfig, log: Logger, live: LiveEngine, embedder: Embedder): SourceAdder {
  let queue: Promise<unknown> = Promise.resolve();
  const limits = { ...DEFAULT_LIMITS, allowPrivate: config.ALLOW_PRIVATE_URLS };
  const read = async (input: SourceInput) => {
    if ("url" in input) {
      const fetched = await fetchDocument(input.url, limits);
      return { page: extractPage(fetched.text, fetched.url), from: fetched.url };
    }
    const { name, url, size } = input.file;
    if (size > limits.maxBytes) throw new Error(`the file is larger than ${limits.maxBytes / 2 ** 20} MB`);
    fileKind(name); // checked before anything is downloaded
    const fetched = await fetchFile(url, limits);
    return { page: pageFromFile(name, fetched.bytes), from: name };
  };
  const add = async (input: SourceInput): Promise<AddedSource> => {
    const { page, from } = await read(input);
    const saved = await savePage(config.ARTICLES_DIR, page);
    if (saved.status === "duplicate") return { status: "duplicate", articleId: saved.id, title: page.title, reason: saved.reason };
    await runIndexer(config, log, { rebuild: false, progress: false, embedder });
    await live.check();
    if (!live.sources().some((record) => record.id === saved.id)) throw new Error("the page was saved but the index could not be updated; see the bot's log");
    log.info(`Added ${from} as ${saved.id}.`);
    return { status: "added", articleId: saved.id, title: page.title };
  };
  return (input) => {
    const result = queue.then(() => add(input));
    queue = result.catch(() => undefined);
    return result;
  };
}

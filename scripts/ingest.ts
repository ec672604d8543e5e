import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import dotenv from "dotenv";
import { runCommand } from "../src/cli/command.js";
import { INGEST_HELP, parseIngestArgs } from "../src/cli/ingestArgs.js";
import { loadEngineConfig } from "../src/config.js";
import { extractPage } from "../src/ingest/web/extractPage.js";
import { DEFAULT_LIMITS, fetchDocument } from "../src/ingest/web/fetchPage.js";
import { feedLinks } from "../src/ingest/web/readFeed.js";
import { savePage } from "../src/ingest/web/savePage.js";
import { stderrLogger } from "../src/log.js";

/** A saved feed file, read as a feed rather than a page. */
const FEED_FILE = /\.(?:xml|rss|atom)$/i;

async function main(): Promise<number> {
  const { help, sources } = parseIngestArgs(process.argv.slice(2));
  if (help) {
    process.stdout.write(`${INGEST_HELP}\n`);
    return 0;
  }
  dotenv.config({ quiet: true });
  const config = loadEngineConfig();
  await mkdir(config.ARTICLES_DIR, { recursive: true });
  const limits = { ...DEFAULT_LIMITS, allowPrivate: config.ALLOW_PRIVATE_URLS };
  let failed = 0;
  let tried = 0;
  /** Extracts and saves one page, saying what became of it; a failure is counted and reported. */
  const ingestPage = async (source: string, load: () => Promise<{ html: string; url: string | null }>): Promise<void> => {
    tried++;
    try {
      const { html, url } = await load();
      const page = extractPage(html, url);
      const saved = await savePage(config.ARTICLES_DIR, page);
      process.stdout.write(
        saved.status === "saved"
          ? `${source}: saved “${page.title}” as ${path.join(config.ARTICLES_DIR, `${saved.id}.txt`)}\n`
          : `${source}: skipped, ${saved.reason} (${saved.id})\n`,
      );
    } catch (error) {
      failed++;
      stderrLogger.error(`${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const source of sources) {
    const local = !/^[a-z][a-z0-9+.-]*:/i.test(source) && existsSync(source);
    if (local && !FEED_FILE.test(source)) {
      await ingestPage(source, async () => ({ html: await readFile(source, "utf8"), url: null }));
      continue;
    }
    // An address may be a page or a feed; a feed's items are each fetched and ingested as pages.
    let links: string[];
    try {
      if (local) links = await feedLinks(await readFile(source, "utf8"), null);
      else {
        const fetched = await fetchDocument(source, limits, true);
        if (fetched.kind === "page") {
          await ingestPage(source, async () => ({ html: fetched.text, url: fetched.url }));
          continue;
        }
        links = await feedLinks(fetched.text, fetched.url);
      }
    } catch (error) {
      tried++;
      failed++;
      stderrLogger.error(`${source}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    process.stdout.write(`${source}: a feed of ${links.length} item${links.length === 1 ? "" : "s"}\n`);
    for (const link of links) {
      await ingestPage(link, async () => {
        const page = await fetchDocument(link, limits);
        return { html: page.text, url: page.url };
      });
    }
  }
  if (failed > 0) stderrLogger.error(`${failed} of ${tried} could not be ingested; the others were.`);
  return failed > 0 ? 1 : 0;
}

runCommand("ingesting", main);

import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import dotenv from "dotenv";
import { runCommand } from "../src/cli/command.js";
import { loadEngineConfig } from "../src/config.js";
import { EXIT_STATUS_HELP, UsageError } from "../src/errors.js";
import { extractPage } from "../src/ingest/web/extractPage.js";
import { DEFAULT_LIMITS, fetchDocument } from "../src/ingest/web/fetchPage.js";
import { feedLinks } from "../src/ingest/web/readFeed.js";
import { savePage } from "../src/ingest/web/savePage.js";
import { stderrLogger } from "../src/log.js";
import { parseFlags } from "../src/util/flags.js";

const HELP = `Usage: npm run ingest -- <page.html | feed.xml | URL> …

Turns each saved web page (.html) or web address into an article in ARTICLES_DIR; an RSS or
Atom feed (a saved .xml/.rss/.atom file or a feed address) into one article per item, each
item's page fetched. A page's main text (found by Readability, as in Firefox's reader view,
without menus, comments or related links) is written as <id>.txt, and its title, outlet,
publication date and canonical address as <id>.json.
Run npm run index afterwards (or keep npm run index -- --watch running) to answer from them.

Addresses are fetched over http or https only, at most 5 MB, 15 s and 5 redirects each, and
only when they serve HTML (or, for a feed, RSS or Atom). Loopback, private and link-local
addresses are refused unless ALLOW_PRIVATE_URLS=true. A page already ingested (same address,
or same text) is skipped, so a feed can be ingested again to pick up only its new items. Each
page that fails is named with the reason; the others are still ingested.

Options:
  -h, --help   Show this help.

${EXIT_STATUS_HELP}`;

/** A saved feed file, read as a feed rather than a page. */
const FEED_FILE = /\.(?:xml|rss|atom)$/i;

async function main(): Promise<number> {
  const { values, positionals } = parseFlags({ allowPositionals: true, options: { help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("INGEST_NOTHING", "Name at least one saved page or web address, e.g. npm run ingest -- https://example.com/story. Run with --help for more.");
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
  for (const source of positionals) {
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

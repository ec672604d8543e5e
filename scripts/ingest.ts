import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import dotenv from "dotenv";
import { runCommand } from "../src/cli/command.js";
import { loadEngineConfig } from "../src/config.js";
import { EXIT_STATUS_HELP, UsageError } from "../src/errors.js";
import { extractPage } from "../src/ingest/web/extractPage.js";
import { DEFAULT_LIMITS, fetchPage } from "../src/ingest/web/fetchPage.js";
import { savePage } from "../src/ingest/web/savePage.js";
import { stderrLogger } from "../src/log.js";
import { parseFlags } from "../src/util/flags.js";

const HELP = `Usage: npm run ingest -- <page.html | URL> …

Turns each saved web page (.html) or web address into an article in ARTICLES_DIR: the main text
(found by Readability, as in Firefox's reader view, without menus, comments or related links)
as <id>.txt, and its title, outlet, publication date and canonical address as <id>.json.
Run npm run index afterwards (or keep npm run index -- --watch running) to answer from them.

Addresses are fetched over http or https only, at most 5 MB, 15 s and 5 redirects each, and
only when they serve HTML. Loopback, private and link-local addresses are refused unless
ALLOW_PRIVATE_URLS=true. A page already ingested (same address, or same text) is skipped.
Each page that fails is named with the reason; the others are still ingested.

Options:
  -h, --help   Show this help.

${EXIT_STATUS_HELP}`;

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
  let failed = 0;
  for (const source of positionals) {
    try {
      const local = !/^[a-z][a-z0-9+.-]*:/i.test(source) && existsSync(source);
      const page = local
        ? extractPage(await readFile(source, "utf8"), null)
        : await fetchPage(source, { ...DEFAULT_LIMITS, allowPrivate: config.ALLOW_PRIVATE_URLS }).then((fetched) => extractPage(fetched.html, fetched.url));
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
  }
  if (failed > 0) stderrLogger.error(`${failed} of ${positionals.length} could not be ingested; the others were.`);
  return failed > 0 ? 1 : 0;
}

runCommand("ingesting", main);

/** `npm run ingest`'s help and arguments, apart from the command so that they can be read without running it. */
import { EXIT_STATUS_HELP, UsageError } from "../errors.js";
import { HELP_FLAG, parseFlags } from "../util/flags.js";

export const INGEST_HELP = `Usage: npm run ingest -- <page.html | feed.xml | URL> …

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

/**
 * Reads ingest's command line (without `node` and the script): the pages, files and addresses
 * to ingest. A flag it does not take, or nothing to ingest without --help, throws a UsageError (status 2).
 */
export function parseIngestArgs(argv: string[]): { help: boolean; sources: string[] } {
  const { values, positionals } = parseFlags({ args: argv, allowPositionals: true, options: HELP_FLAG });
  if (!values.help && positionals.length === 0) {
    throw new UsageError("INGEST_NOTHING", "Name at least one saved page or web address, e.g. npm run ingest -- https://example.com/story. Run with --help for more.");
  }
  return { help: values.help, sources: positionals };
}

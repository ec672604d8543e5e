import Parser from "rss-parser";

/** The pages an RSS or Atom feed links to, in the feed's order, each once. */
export async function feedLinks(xml: string, feedUrl: string | null): Promise<string[]> {
  let feed: Awaited<ReturnType<Parser["parseString"]>>;
  try {
    feed = await new Parser().parseString(xml);
  } catch (error) {
    throw new Error(`the feed could not be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  const links = feed.items.flatMap((item) => {
    const link = item.link?.trim();
    if (!link) return [];
    try {
      return [new URL(link, feedUrl ?? undefined).href];
    } catch {
      return [];
    }
  });
  if (feed.items.length > 0 && links.length === 0) throw new Error("none of the feed's items links to a page");
  return [...new Set(links)];
}

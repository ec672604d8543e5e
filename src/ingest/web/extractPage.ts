import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** An article read from a web page: its body as plain paragraphs, and what the page says about it. */
export interface ExtractedPage {
  title: string;
  /** The site's name (`og:site_name`, JSON-LD publisher), when the page gives one. */
  outlet: string | null;
  /** Publication date as an ISO date (`article:published_time`, JSON-LD `datePublished`). */
  published: string | null;
  /** The page's canonical address, else the one it was fetched from. */
  url: string | null;
  /** Who wrote it (`author` meta, JSON-LD `author`, the byline), when the page says. */
  author: string | null;
  /** The body: the article's paragraphs, headings and list items, one per blank-line-separated block. */
  text: string;
}

/** Blocks that carry the article's text; page furniture (nav, asides, comments) is left out by Readability first. */
const BLOCKS = "h1, h2, h3, h4, p, li, blockquote, pre";
/** Class names and ids of page furniture inside an article: paywalls, sign-ups, cookie notices, share bars, comments. */
const FURNITURE = /\b(?:paywall|subscribe|subscription|newsletter|signup|sign-up|cookie|consent|promo|share|social|comments?|related|more-from|most-read|advert|ad-slot)\b/i;
/** Fewer words than this in the whole body, and the page holds no article (an index page, a login wall). */
const MIN_WORDS = 40;

type PageDocument = ReturnType<typeof parseHTML>["document"];

const clean = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** The first JSON-LD object of an article type on the page, or null. */
function jsonLdArticle(document: PageDocument): Record<string, unknown> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const parsed = JSON.parse(script.textContent ?? "") as unknown;
      const items = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((item) => (item && typeof item === "object" && "@graph" in item ? (item["@graph"] as unknown[]) : [item]));
      const found = items.find((item): item is Record<string, unknown> => !!item && typeof item === "object" && /Article|Posting|Report/.test(String((item as Record<string, unknown>)["@type"] ?? "")));
      if (found) return found;
    } catch {
      // A broken JSON-LD block is ignored: the page's other metadata may still say it.
    }
  }
  return null;
}

/** The name(s) in a JSON-LD `author`: a string, a Person, or a list of them. */
function authorOf(value: unknown): string {
  const names = (Array.isArray(value) ? value : [value]).map((item) => (typeof item === "string" ? item : item && typeof item === "object" ? String((item as Record<string, unknown>).name ?? "") : ""));
  return clean(names.filter(Boolean).join(", "));
}

const meta = (document: PageDocument, selector: string) => clean(document.querySelector(selector)?.getAttribute("content")) || null;

/** An ISO date (YYYY-MM-DD, or with the time) from a date string, or null when it is none. */
function isoDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.000Z$/, "Z");
}

/**
 * Reads the article out of a web page: the main text by Readability (Firefox's reader view) on
 * a linkedom DOM, then title, outlet, date and canonical address from the page's metadata.
 * Throws when the page holds no article.
 */
export function extractPage(html: string, fetchedFrom: string | null): ExtractedPage {
  const { document } = parseHTML(html);
  const ld = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, 'meta[property="og:url"]');
  const metadata = {
    title: meta(document, 'meta[property="og:title"]'),
    outlet: meta(document, 'meta[property="og:site_name"]'),
    published: meta(document, 'meta[property="article:published_time"]'),
    author: meta(document, 'meta[name="author"]') ?? meta(document, 'meta[property="article:author"]'),
  };
  const heading = clean(document.querySelector("h1")?.textContent);
  // Boxes that sit inside the story on many sites but are no part of it; Readability keeps some.
  for (const element of [...document.querySelectorAll("[class], [id]")]) {
    if (FURNITURE.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`)) element.remove();
  }
  // Readability changes the document it reads: the metadata above is read first.
  const article = new Readability(document as never).parse();
  if (!article?.content) throw new Error("no article text found in the page");
  const body = parseHTML(`<html><body>${article.content}</body></html>`).document;
  const blocks = [...body.querySelectorAll(BLOCKS)]
    // A block inside another block (a <p> in a <blockquote>, an <li> in an <li>) is read once, with its parent.
    .filter((element) => !element.parentElement?.closest(BLOCKS))
    .map((element) => clean(element.textContent))
    .filter((text) => text !== "");
  const title = clean(typeof ld?.headline === "string" ? ld.headline : "") || metadata.title || clean(article.title) || "Untitled article";
  // The headline is stored once, as the file's first line, not again as the body's first block.
  if (blocks.length > 0 && [title, heading].some((line) => line !== "" && line.toLowerCase() === blocks[0]?.toLowerCase())) blocks.shift();
  const text = blocks.join("\n\n");
  if (text.split(/\s+/).length < MIN_WORDS) throw new Error(`the page holds no article (${text.split(/\s+/).filter(Boolean).length} words of text)`);
  const publisher = ld?.publisher && typeof ld.publisher === "object" ? clean(String((ld.publisher as Record<string, unknown>).name ?? "")) : "";
  let url: string | null = null;
  try {
    url = canonical ? new URL(canonical, fetchedFrom ?? undefined).href : fetchedFrom;
  } catch {
    url = fetchedFrom;
  }
  return {
    title,
    outlet: metadata.outlet || publisher || clean(article.siteName) || null,
    published: isoDate(metadata.published) ?? isoDate(ld?.datePublished) ?? isoDate(article.publishedTime),
    url,
    author: metadata.author ?? (authorOf(ld?.author) || clean(article.byline).replace(/^by\s+/i, "") || null),
    text,
  };
}

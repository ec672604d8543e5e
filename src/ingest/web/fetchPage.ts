import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export interface FetchLimits {
  /** Largest body read, in bytes (5 MB). */
  maxBytes: number;
  /** Whole fetch, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Loopback, private and link-local addresses are refused unless this is set (ALLOW_PRIVATE_URLS). */
  allowPrivate: boolean;
}

export const DEFAULT_LIMITS: FetchLimits = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5, allowPrivate: false };

/** A document fetched: its text, what it is, and the address it finally came from. */
export interface FetchedDocument {
  url: string;
  kind: "page" | "feed";
  text: string;
}

/** Why a URL could not be fetched, worded to be shown after the URL. */
class FetchRefused extends Error {}

const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;
const FEED_TYPES = /^(?:application\/(?:rss|atom)\+xml|application\/xml|text\/xml)\b/i;

/** Addresses a server on the internet never has: loopback, private ranges, link-local, unspecified. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [["127.0.0.0", 8], ["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["169.254.0.0", 16], ["0.0.0.0", 8], ["100.64.0.0", 10]] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [["::1", 128], ["fc00::", 7], ["fe80::", 10], ["::", 128], ["::ffff:0:0", 96]] as const) PRIVATE.addSubnet(network, prefix, "ipv6");

async function checkHost(url: URL, limits: FetchLimits): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused(`only http and https addresses can be fetched, not ${url.protocol.replace(/:$/, "")}`);
  if (limits.allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => {
    throw new FetchRefused(`the host ${host} could not be found`);
  });
  const blocked = addresses.find(({ address, family }) => PRIVATE.check(address, family === 6 ? "ipv6" : "ipv4"));
  if (blocked) throw new FetchRefused(`${host} is a private, loopback or link-local address (${blocked.address}); set ALLOW_PRIVATE_URLS=true to allow it`);
}

/** The body's text, in the charset the response or the page declares (UTF-8 when none). */
function decode(bytes: Uint8Array, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(new TextDecoder("latin1").decode(bytes.subarray(0, 2048)))?.[1] ?? "utf-8";
  try {
    return new TextDecoder(declared.toLowerCase()).decode(bytes);
  } catch {
    throw new FetchRefused(`the page is in an unknown character set (${declared})`);
  }
}

/**
 * Fetches a web page (or, when `feeds` is set, an RSS or Atom feed) within limits: http(s) only,
 * no private addresses (unless allowed), at most `maxRedirects` redirects, `maxBytes` of body and
 * `timeoutMs` in all, and only an HTML (or feed) content type. Every refusal is an error whose
 * message names the reason.
 */
export async function fetchDocument(address: string, limits: FetchLimits = DEFAULT_LIMITS, feeds = false): Promise<FetchedDocument> {
  let kind: "page" | "feed" = "page";
  const fetched = await fetchBody(address, limits, (type) => {
    const found = PAGE_TYPES.test(type) ? "page" : feeds && FEED_TYPES.test(type) ? "feed" : null;
    if (found === null) throw new FetchRefused(`it is not a web page${feeds ? " or a feed" : ""} (content type ${type || "not given"})`);
    kind = found;
  });
  return { url: fetched.url, kind, text: decode(fetched.bytes, fetched.contentType) };
}

/** A file fetched whatever its type (an attachment), within the same limits: its bytes and final address. */
export async function fetchFile(address: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<{ url: string; bytes: Uint8Array }> {
  const fetched = await fetchBody(address, limits, () => {});
  return { url: fetched.url, bytes: fetched.bytes };
}

async function fetchBody(address: string, limits: FetchLimits, checkType: (type: string) => void): Promise<{ url: string; bytes: Uint8Array; contentType: string }> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchRefused("it is not a valid address");
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      await checkHost(url, limits);
      const response = await fetch(url, { redirect: "manual", signal, headers: { accept: "text/html,application/xhtml+xml" } });
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (redirects >= limits.maxRedirects) throw new FetchRefused(`more than ${limits.maxRedirects} redirects`);
        url = new URL(response.headers.get("location") as string, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchRefused(`the server answered ${response.status} ${response.statusText}`.trim());
      }
      const type = response.headers.get("content-type") ?? "";
      try {
        checkType(type);
      } catch (error) {
        await response.body?.cancel();
        throw error;
      }
      const declared = Number(response.headers.get("content-length") ?? "0");
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        throw new FetchRefused(`the page is larger than ${limits.maxBytes / 2 ** 20} MB`);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > limits.maxBytes) throw new FetchRefused(`the page is larger than ${limits.maxBytes / 2 ** 20} MB`);
        chunks.push(chunk);
      }
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return { url: url.href, bytes, contentType: type };
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    if (signal.aborted) throw new FetchRefused(`no complete answer within ${limits.timeoutMs / 1000} s`);
    throw new FetchRefused(`the request failed (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})`);
  }
}

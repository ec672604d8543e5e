import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, fetchDocument, fetchFile } from "../../src/ingest/web/fetchPage.js";

/**
 * The fetcher behind `npm run ingest` and /add-source under bad input and hostile servers, all on
 * 127.0.0.1 with short limits: every refusal names its reason, nothing beyond the limits is read.
 */
let server: http.Server;
let base: string;
const local = { ...DEFAULT_LIMITS, allowPrivate: true, timeoutMs: 1500, maxBytes: 64 * 1024 };
const publicOnly = { ...DEFAULT_LIMITS, allowPrivate: false, timeoutMs: 1500 };
const PAGE = "<html><body><p>hello</p></body></html>";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const route = request.url ?? "";
    const html = (body: string | Buffer, type = "text/html; charset=utf-8") => response.writeHead(200, { "content-type": type }).end(body);
    if (route === "/page") html(PAGE);
    else if (route === "/slow") setTimeout(() => html(PAGE), 5000).unref();
    else if (route === "/slow-body") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<html>");
      setTimeout(() => response.end("</html>"), 5000).unref();
    } else if (route === "/server-error") response.writeHead(500, { "content-type": "text/html" }).end("oops");
    else if (route === "/no-type") response.writeHead(200).end(PAGE);
    else if (route === "/json") html("{}", "application/json");
    else if (route === "/image") html(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png");
    else if (route === "/cp1251") html(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), "text/html; charset=windows-1251");
    else if (route === "/meta-latin1") html(Buffer.from('<meta charset="iso-8859-1"><p>caf\xe9</p>', "latin1"), "text/html");
    else if (route === "/unknown-charset") html("x", "text/html; charset=klingon-8");
    else if (route === "/too-long") html("x".repeat(100 * 1024));
    else if (route.startsWith("/hops/")) {
      const left = Number(route.split("/")[2]);
      if (left === 0) html(PAGE);
      else response.writeHead(301, { location: `/hops/${left - 1}` }).end();
    } else if (route === "/to-ftp") response.writeHead(302, { location: "ftp://example.com/x" }).end();
    else if (route === "/empty") html("");
    else if (route === "/file") html("plain article text", "text/plain");
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("fetchDocument refuses", () => {
  it.each([
    ["javascript:alert(1)", /only http and https addresses can be fetched, not javascript/],
    ["file:///etc/passwd", /only http and https addresses can be fetched, not file/],
    ["data:text/html,<p>x</p>", /only http and https addresses can be fetched, not data/],
    ["ftp://example.com/story", /only http and https addresses can be fetched, not ftp/],
    ["not a url at all", /not a valid address/],
    ["http://", /not a valid address/],
  ])("%s", async (address, reason) => {
    await expect(fetchDocument(address, local)).rejects.toThrow(reason);
  });

  it.each([
    ["http://127.0.0.1/", "127.0.0.1"],
    ["http://127.8.9.10/", "127.8.9.10"],
    ["http://localhost/", "127.0.0.1"],
    ["http://10.20.30.40/", "10.20.30.40"],
    ["http://172.16.5.4/", "172.16.5.4"],
    ["http://192.168.1.1/", "192.168.1.1"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://100.64.0.1/", "100.64.0.1"],
    ["http://0.0.0.0/", "0.0.0.0"],
    ["http://[::1]/", "::1"],
    ["http://[fe80::1]/", "fe80::1"],
    ["http://[fd00::1]/", "fd00::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
  ])("the private address %s unless allowed", async (address, shown) => {
    await expect(fetchDocument(address, publicOnly)).rejects.toThrow(new RegExp(`private, loopback or link-local address \\(${shown.replace(/[.:]/g, "\\$&")}\\); set ALLOW_PRIVATE_URLS=true`));
  });

  it.each([
    ["/slow", /no complete answer within 1.5 s/],
    ["/slow-body", /no complete answer within 1.5 s/],
    ["/server-error", /the server answered 500/],
    ["/no-type", /it is not a web page \(content type not given\)/],
    ["/json", /it is not a web page \(content type application\/json\)/],
    ["/image", /it is not a web page \(content type image\/png\)/],
    ["/unknown-charset", /unknown character set \(klingon-8\)/],
    ["/too-long", /larger than 0.0625 MB/],
    ["/hops/6", /more than 5 redirects/],
    ["/to-ftp", /only http and https addresses can be fetched, not ftp/],
    ["/missing", /the server answered 404/],
  ])("%s", async (route, reason) => {
    await expect(fetchDocument(`${base}${route}`, local)).rejects.toThrow(reason);
  });

});

describe("fetchDocument reads", () => {
  it("a page after up to five redirects, from its final address", async () => {
    await expect(fetchDocument(`${base}/hops/5`, local)).resolves.toMatchObject({ url: `${base}/hops/0`, kind: "page", text: PAGE });
  });

  it("the character set the response or the page declares", async () => {
    expect((await fetchDocument(`${base}/cp1251`, local)).text).toBe("Привет");
    expect((await fetchDocument(`${base}/meta-latin1`, local)).text).toContain("café");
  });

  it("an empty page as empty text (extraction then says there is no article)", async () => {
    expect((await fetchDocument(`${base}/empty`, local)).text).toBe("");
  });

  it("any type of file for an attachment, within the same limits", async () => {
    const file = await fetchFile(`${base}/file`, local);
    expect(new TextDecoder().decode(file.bytes)).toBe("plain article text");
    await expect(fetchFile(`${base}/too-long`, local)).rejects.toThrow(/larger than/);
    await expect(fetchFile("http://192.168.0.1/x", publicOnly)).rejects.toThrow(/private/);
  });
});

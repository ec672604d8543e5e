import { ApplicationFlags, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddedSource } from "../../src/engine/addSource.js";
import { snowflake } from "../support/fakeDiscord.js";
import { editedReply, runCommand, startHarness, type Harness } from "./harness.js";
import { slashCommand, slashCommandWithFile } from "./payloads.js";

/**
 * /add-source on the fake Discord (issue 12, item 4): a manager's page is added and the reply,
 * private, names it once it can be asked about; a refused page gets the reason, privately; a
 * page title is shown inert, however hostile. What adding does is stubbed here; the real adder
 * is tested in test/engine/addSource.test.ts.
 */
const asked: string[] = [];
const results: Record<string, AddedSource | Error> = {
  "https://news.example/harbour": { status: "added", articleId: "harbour-tax-to-double-1a2b3c4d", title: "Harbour tax to double" },
  "https://news.example/again": { status: "duplicate", articleId: "harbour-tax-to-double-1a2b3c4d", title: "Harbour tax to double", reason: "already ingested from https://news.example/harbour" },
  "https://news.example/hostile": { status: "added", articleId: "x-1", title: "@everyone **Click** [here](https://evil.example) <@123>" },
  "bridge.md from https://cdn.example/attachments/1/bridge.md": { status: "added", articleId: "bridge-to-reopen-9f8e7d6c", title: "Bridge to reopen" },
  "http://10.0.0.1/story": new Error("10.0.0.1 is a private, loopback or link-local address (10.0.0.1); set ALLOW_PRIVATE_URLS=true to allow it"),
};

let h: Harness;
let off: Harness;
beforeAll(async () => {
  h = await startHarness({
    applicationFlags: ApplicationFlags.GatewayMessageContentLimited,
    addSource: async (input) => {
      const url = "url" in input ? input.url : `${input.file.name} from ${input.file.url}`;
      asked.push(url);
      const result = results[url];
      if (result === undefined || result instanceof Error) throw result ?? new Error("unexpected address");
      return result;
    },
  });
  off = await startHarness({ applicationFlags: ApplicationFlags.GatewayMessageContentLimited });
});
afterAll(async () => {
  await h?.close();
  await off?.close();
});

async function addSource(harness: Harness, url: string) {
  const command = slashCommand("add-source", { url }, snowflake());
  const callback = await runCommand(harness.fake, command);
  return { callback, command };
}

describe("/add-source", () => {
  it("defers privately, adds the page and names it once it can be asked about", async () => {
    const { callback, command } = await addSource(h, " https://news.example/harbour ");
    expect(callback.body.type).toBe(5);
    expect(callback.body.data.flags & MessageFlags.Ephemeral).toBeTruthy();
    const reply = await editedReply(h.fake, command);
    expect(reply.body.content).toBe("Added “Harbour tax to double” (`harbour-tax-to-double-1a2b3c4d`): it can be asked about now.");
    expect(asked).toContain("https://news.example/harbour");
  });

  it("says a page already indexed was not added, and why", async () => {
    const { command } = await addSource(h, "https://news.example/again");
    expect((await editedReply(h.fake, command)).body.content).toBe("Not added: “Harbour tax to double” is already indexed (already ingested from https://news.example/harbour).");
  });

  it("gives a refused page's reason privately and logs it", async () => {
    const { callback, command } = await addSource(h, "http://10.0.0.1/story");
    expect(callback.body.data.flags & MessageFlags.Ephemeral).toBeTruthy();
    const reply = await editedReply(h.fake, command);
    // As Discord shows it: the reason's markdown characters are escaped, not interpreted.
    const shown = (reply.body.content as string).replace(/\\(.)/g, "$1");
    expect(shown).toMatch(/^Could not add http:\/\/10\.0\.0\.1\/story: 10\.0\.0\.1 is a private, loopback or link-local address .*ALLOW_PRIVATE_URLS=true to allow it\.$/);
    expect(h.logs.some((line) => line.startsWith("warn: /add-source http://10.0.0.1/story was refused"))).toBe(true);
  });

  it("shows a hostile page title inert: no pings, no links, no formatting", async () => {
    const { command } = await addSource(h, "https://news.example/hostile");
    const reply = await editedReply(h.fake, command);
    expect(reply.body.allowed_mentions).toMatchObject({ parse: [] });
    expect(reply.body.content).not.toMatch(/@everyone|\*\*Click\*\*|\]\(https:|<@123>/);
    expect(reply.body.content).toContain("Click");
  });

  it("adds an attached article file", async () => {
    const command = slashCommandWithFile("add-source", "file", { filename: "bridge.md", size: 120, url: "https://cdn.example/attachments/1/bridge.md" }, snowflake());
    await runCommand(h.fake, command);
    expect((await editedReply(h.fake, command)).body.content).toBe("Added “Bridge to reopen” (`bridge-to-reopen-9f8e7d6c`): it can be asked about now.");
    expect(asked).toContain("bridge.md from https://cdn.example/attachments/1/bridge.md");
  });

  it("asks for a url or a file when given neither", async () => {
    const callback = await runCommand(h.fake, slashCommand("add-source", {}, snowflake()));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(callback.body.data.content).toBe("Give either a url or a file (.txt, .md or .html), not both and not neither.");
  });

  it("says it is switched off where the bot does not allow adding sources", async () => {
    const { callback } = await addSource(off, "https://news.example/harbour");
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(callback.body.data.content).toBe("Adding sources is not switched on for this bot.");
  });
});

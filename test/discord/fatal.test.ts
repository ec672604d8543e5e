import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApplicationFlags, Events } from "discord.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBot, type Bot } from "../../src/discord/bot.js";
import { loadDiscordConfig } from "../../src/discord/config.js";
import type { AnswerEngine } from "../../src/discord/context.js";
import { FeedbackLog } from "../../src/discord/feedback.js";
import { fatalCloseError } from "../../src/discord/gatewayClose.js";
import { detectMessageContent, MESSAGE_CONTENT_OFF } from "../../src/discord/intents.js";
import { discordRest } from "../../src/discord/rest.js";
import type { UserError } from "../../src/errors.js";
import type { Logger } from "../../src/log.js";
import { FAKE_IDS, FakeDiscord } from "../support/fakeDiscord.js";
import { TEST_TOKEN } from "./harness.js";

const FATAL_CODES = [4004, 4010, 4011, 4012, 4013, 4014];

/** These tests ask nothing: an engine that would say so if asked. */
const unusedEngine = new Proxy({} as AnswerEngine, {
  get: (_target, method) => () => {
    throw new Error(`the engine was not expected to be used (${String(method)})`);
  },
});

let fake: FakeDiscord | undefined;
let bot: Bot | undefined;
afterEach(async () => {
  await bot?.client.destroy();
  await fake?.close();
  bot = fake = undefined;
});

function linesLogger(lines: string[]): Logger {
  return { info: (message) => lines.push(`info: ${message}`), warn: (message) => lines.push(`warn: ${message}`), error: (message) => lines.push(`error: ${message}`) };
}

/** The real bot against a fake Discord; `fatal` collects what it reports through `onFatalClose`. */
async function connectBot(fakeOptions: ConstructorParameters<typeof FakeDiscord>[0] = {}) {
  fake = await FakeDiscord.start(fakeOptions);
  const config = loadDiscordConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: FAKE_IDS.application, DISCORD_API_URL: fake.apiUrl });
  const logs: string[] = [];
  const feedback = new FeedbackLog("/nonexistent/feedback.jsonl", "test-salt-0123456789");
  bot = createBot({ engine: unusedEngine, config, log: linesLogger(logs), feedback, messageContent: fakeOptions.applicationFlags !== undefined });
  const fatal: UserError[] = [];
  bot.onFatalClose((error) => fatal.push(error));
  return { fake, bot, logs, fatal };
}

describe("fatalCloseError", () => {
  it.each(FATAL_CODES)("GIVEN gateway close %i THEN one line that names the code and what to change", (code) => {
    const { message } = fatalCloseError(code);
    expect(message).toContain(`gateway close ${code}`);
    expect(message).not.toContain("\n");
    expect(message).toMatch(/DISCORD_TOKEN|DISCORD_API_URL|DISCORD_MESSAGE_CONTENT|Remove it from the servers/);
    expect(message).toMatch(/restart the bot\.$/);
  });

  it("GIVEN the two a bot owner meets THEN the setting to fix: a new DISCORD_TOKEN, or the intent", () => {
    expect(fatalCloseError(4004)).toMatchObject({ code: "DISCORD_TOKEN_REJECTED", message: expect.stringMatching(/Reset Token into DISCORD_TOKEN/) });
    expect(fatalCloseError(4014)).toMatchObject({
      code: "DISCORD_INTENT_DISALLOWED",
      message: expect.stringMatching(/Turn on Message Content Intent .* or set DISCORD_MESSAGE_CONTENT=off/),
    });
  });
});

describe("the bot when Discord closes the gateway for good", () => {
  it.each(FATAL_CODES)("after READY, close %i is reported once through onFatalClose, without a 'connection error' stack", async (code) => {
    const { fake, bot, logs, fatal } = await connectBot();
    const ready = once(bot.client, Events.ClientReady, { signal: AbortSignal.timeout(10_000) });
    await bot.client.login(TEST_TOKEN);
    await ready;
    fake.dropConnection(code);
    await vi.waitFor(() => expect(fatal).toHaveLength(1));
    expect(fatal.map((error) => error.message)).toEqual([fatalCloseError(code).message]);
    expect(logs.filter((line) => line.startsWith("error:"))).toEqual([]);
    expect(fake.connections).toHaveLength(1); // and it did not reconnect
  });

  it("at start, the close is reported before login rejects, so the start-up failure is that one line", async () => {
    const { bot, fatal } = await connectBot({ applicationFlags: ApplicationFlags.GatewayMessageContentLimited, identifyCloseCode: 4014 });
    const reportedWhenLoginFailed = await bot.client.login(TEST_TOKEN).then(
      () => "logged in",
      () => fatal.map((error) => error.code),
    );
    expect(reportedWhenLoginFailed).toEqual(["DISCORD_INTENT_DISALLOWED"]);
  });
});

describe("start-up checks", () => {
  it("DISCORD_MESSAGE_CONTENT=off: no Message Content intent even where the portal allows it, said once", async () => {
    fake = await FakeDiscord.start({ applicationFlags: ApplicationFlags.GatewayMessageContent });
    const logs: string[] = [];
    const rest = discordRest({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fake.apiUrl });
    expect(await detectMessageContent(rest, linesLogger(logs), "auto")).toBe(true);
    expect(await detectMessageContent(rest, linesLogger(logs), "off")).toBe(false);
    expect(logs).toEqual([`info: ${MESSAGE_CONTENT_OFF}`]);
    expect(loadDiscordConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: FAKE_IDS.application, DISCORD_MESSAGE_CONTENT: "off" }).DISCORD_MESSAGE_CONTENT).toBe("off");
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: FAKE_IDS.application, DISCORD_MESSAGE_CONTENT: "no" })).toThrow(
      /DISCORD_MESSAGE_CONTENT: must be "auto" .* or "off"/,
    );
  });

  it("an unreachable DISCORD_API_URL is one line saying so, not a stack trace", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const rest = discordRest({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    await expect(detectMessageContent(rest, linesLogger([]))).rejects.toMatchObject({
      code: "DISCORD_UNREACHABLE",
      message: expect.stringMatching(/^Could not reach Discord's API \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\. Check the network connection, and DISCORD_API_URL/),
    });
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ApplicationFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NpmProcess } from "../support/botProcess.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { FAKE_IDS, FakeDiscord } from "../support/fakeDiscord.js";
import { runCli } from "../support/runCli.js";
import { TEST_TOKEN } from "./harness.js";

/**
 * `npm start` as a supervisor runs it: the real process tree (npm → the bot) against the fake
 * Discord on 127.0.0.1, over an index built once with the offline encoder.
 */

const CONNECTED = /Connected to Discord as newsbot/;
/** Loading the engine and connecting; generous for a loaded 2-core machine. */
const START_MS = 45_000;

let dir: string;
let fake: FakeDiscord | undefined;
let bot: NpmProcess | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "news-bot-process-"));
  const built = await runCli("scripts/index.ts", [], { env: { INDEX_DIR: path.join(dir, "index"), ARTICLES_DIR: SEEDS_DIR, EMBEDDINGS: "offline" }, timeoutMs: 110_000 });
  if (built.code !== 0) throw new Error(`could not build the test index:\n${built.stderr}`);
});
afterEach(async () => {
  bot?.killAll();
  bot = undefined;
  await fake?.close();
  fake = undefined;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function startBot(fakeOptions: ConstructorParameters<typeof FakeDiscord>[0] = {}): Promise<{ fake: FakeDiscord; bot: NpmProcess }> {
  fake = await FakeDiscord.start(fakeOptions);
  bot = new NpmProcess(["start"], {
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: FAKE_IDS.application,
    DISCORD_API_URL: fake.apiUrl,
    // Blank, so that a developer's .env cannot set them.
    DISCORD_GUILD_ID: "",
    DISCORD_CHANNEL_IDS: "",
    DISCORD_MESSAGE_CONTENT: "",
    INDEX_DIR: path.join(dir, "index"),
    ARTICLES_DIR: SEEDS_DIR,
    EMBEDDINGS: "offline",
    FEEDBACK_LOG: path.join(dir, "feedback.jsonl"),
    FEEDBACK_SALT: "process-test-salt-0123456789",
    ANSWER_COOLDOWN_SECONDS: "0",
  });
  return { fake, bot };
}

/** The bot's error lines (npm adds its own, prefixed "npm error", when a script fails). */
const errorLines = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("error:"));

describe("npm start: fatal gateway closes exit non-zero with one line that says what to fix", () => {
  it("a 4004 close after READY (the token was reset) exits 1, naming DISCORD_TOKEN", async () => {
    const { fake, bot } = await startBot();
    await bot.waitForStderr(CONNECTED, START_MS);
    fake.dropConnection(4004);
    expect(await bot.exited).toEqual({ code: 1, signal: null });
    expect(errorLines(bot.stderr)).toEqual([expect.stringMatching(/^error: Discord rejected DISCORD_TOKEN \(gateway close 4004.*Reset Token/)]);
    expect(bot.stderr).not.toMatch(/^\s+at /m);
    expect(await bot.whenAllGone(5_000)).toEqual([]);
  });

  it("a 4014 close at start (Message Content not allowed after all) exits 1, naming the intent and DISCORD_MESSAGE_CONTENT", async () => {
    const { bot } = await startBot({ applicationFlags: ApplicationFlags.GatewayMessageContentLimited, identifyCloseCode: 4014 });
    expect(await bot.exited).toEqual({ code: 1, signal: null });
    expect(errorLines(bot.stderr)).toEqual([expect.stringMatching(/^error: Discord refused the Message Content intent \(gateway close 4014.*DISCORD_MESSAGE_CONTENT=off/)]);
    expect(bot.stderr).not.toMatch(/^\s+at /m);
    expect(await bot.whenAllGone(5_000)).toEqual([]);
  });
});

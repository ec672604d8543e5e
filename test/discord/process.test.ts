import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ApplicationFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { within, type Exit, type NpmProcess } from "../support/botProcess.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { FAKE_IDS, snowflake, type FakeDiscord, type RecordedRequest } from "../support/fakeDiscord.js";
import { spawnCli } from "../support/runCli.js";
import { buildSeedIndex, type SeedIndex } from "../support/seedIndex.js";
import { npmStartAgainstFake, stopNpmStarts } from "./harness.js";
import { slashCommand } from "./payloads.js";

/**
 * `npm start` as a supervisor runs it: the real process tree (npm → the bot) against the fake
 * Discord on 127.0.0.1, over the seed index built with the offline encoder.
 */

const CONNECTED = /Connected to Discord as newsbot/;
/** Loading the engine and connecting; generous for a loaded 2-core machine. */
const START_MS = 45_000;

let dir: string;
let seed: SeedIndex;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "news-bot-process-"));
  seed = await buildSeedIndex();
});
afterEach(stopNpmStarts);
afterAll(async () => {
  await seed?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

function startBot(
  fakeOptions: ConstructorParameters<typeof FakeDiscord>[0] = {},
  folders: { indexDir: string; articlesDir: string } = { indexDir: seed.env.INDEX_DIR!, articlesDir: SEEDS_DIR },
): Promise<{ fake: FakeDiscord; bot: NpmProcess }> {
  return npmStartAgainstFake(fakeOptions, {
    INDEX_DIR: folders.indexDir,
    ARTICLES_DIR: folders.articlesDir,
    EMBEDDINGS: "offline",
    FEEDBACK_LOG: path.join(dir, "feedback.jsonl"),
  });
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

/** Asks /ask and waits until the bot is sending its answer, which the fake holds for `holdMs`. */
async function answerInFlight(fake: FakeDiscord, holdMs: number): Promise<RecordedRequest> {
  const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
  const edit = `/webhooks/${FAKE_IDS.application}/${ask.token}/messages/@original`;
  fake.injectFault("PATCH", edit, { kind: "slowRequest", delayMs: holdMs });
  fake.dispatch("INTERACTION_CREATE", ask);
  return fake.waitForRequest("PATCH", edit, "the answer being sent", 20_000);
}

const TARGETS = {
  npm: (bot: NpmProcess) => process.kill(bot.pid, "SIGTERM"),
  "the bot's node process": (bot: NpmProcess) => process.kill(bot.botProcess()!.pid, "SIGTERM"),
  "the whole process group": (bot: NpmProcess) => process.kill(-bot.pid, "SIGTERM"),
};

describe("npm start stops cleanly: the answer in flight is delivered, then every process exits", () => {
  it.each(Object.keys(TARGETS) as (keyof typeof TARGETS)[])("SIGTERM to %s", async (target) => {
    const { fake, bot } = await startBot();
    await bot.waitForStderr(CONNECTED, START_MS);
    expect(bot.botProcess()).toBeDefined();
    const answer = await answerInFlight(fake, 2_000);
    TARGETS[target](bot);
    const exit: Exit = await within(bot.exited, 12_000, "stopping");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await bot.whenAllGone(5_000)).toEqual([]);
    expect(answer.status).toBe(200); // the fake took the held answer: it was delivered
    expect(bot.stderr.match(/SIGTERM: finishing answers in progress/g)).toHaveLength(1);
  });

  it("Ctrl-C twice (SIGINT to the group, then again): the second stops at once, abandoning the answer", async () => {
    const { fake, bot } = await startBot();
    await bot.waitForStderr(CONNECTED, START_MS);
    const answer = await answerInFlight(fake, 30_000);
    process.kill(-bot.pid, "SIGINT");
    await bot.waitForStderr(/SIGINT: finishing answers in progress/, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    process.kill(-bot.pid, "SIGINT");
    const exit = await within(bot.exited, 5_000, "stopping after the second Ctrl-C");
    expect(exit.code).toBe(130);
    expect(await bot.whenAllGone(5_000)).toEqual([]);
    expect(bot.stderr).toMatch(/SIGINT again: stopping now/);
    expect(answer.status).toBeUndefined(); // abandoned: the bot hung up before the fake took it
  });
});

describe("npm start follows the index", () => {
  it("answers an article dropped into ARTICLES_DIR within 10 s, with npm run index -- --watch running, without a restart", async () => {
    // Its own copy of the articles and the index, so the other tests' stay as they are.
    const folders = { indexDir: path.join(dir, "live-index"), articlesDir: path.join(dir, "live-articles") };
    await cp(seed.env.INDEX_DIR!, folders.indexDir, { recursive: true });
    await cp(SEEDS_DIR, folders.articlesDir, { recursive: true });
    const { fake, bot } = await startBot({}, folders);
    await bot.waitForStderr(CONNECTED, START_MS);
    const watcher = spawnCli("scripts/index.ts", ["--watch"], { env: { INDEX_DIR: folders.indexDir, ARTICLES_DIR: folders.articlesDir, EMBEDDINGS: "offline" } });
    let watchLog = "";
    watcher.stderr.on("data", (chunk: Buffer) => (watchLog += chunk.toString()));
    try {
      await within(
        new Promise<void>((resolve) => watcher.stderr.on("data", () => /Watching /.test(watchLog) && resolve())),
        60_000,
        "the watcher starting",
      );
      // A question whose answer is still being sent while the new build is swapped in.
      const inFlight = await answerInFlight(fake, 3000);
      const dropped = Date.now();
      await writeFile(
        path.join(folders.articlesDir, "harbour.txt"),
        "Harbour tax to double\n\nBoris Kemp, the director of the port of Testville, said the harbour tax will double next year to pay for new cranes.\n",
      );
      await bot.waitForStderr(/Now answering from the index built at .* \(6 articles\)/, 10_000);
      const ask = slashCommand("ask", { question: "What did Boris Kemp say about the harbour tax?" }, snowflake());
      fake.dispatch("INTERACTION_CREATE", ask);
      const answer = await fake.waitForRequest("PATCH", `/webhooks/${FAKE_IDS.application}/${ask.token}/messages/@original`, "the answer", 10_000);
      expect(JSON.stringify(answer.body)).toContain("harbour tax will double");
      expect(Date.now() - dropped).toBeLessThan(10_000);
      // The answer asked before the swap went out whole, from the build it was asked of.
      expect(JSON.stringify(inFlight.body)).toContain("We absolutely do not care under what label");
      expect(JSON.stringify(inFlight.body)).not.toContain("harbour");
      expect(bot.stderr).not.toMatch(/^error:/m);
    } finally {
      watcher.kill("SIGINT");
    }
  });
});

import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { within, type NpmProcess } from "../support/botProcess.js";
import { FAKE_IDS, shardOf, snowflake, type FakeDiscord } from "../support/fakeDiscord.js";
import { buildSeedIndex, type SeedIndex } from "../support/seedIndex.js";
import { editedReply, npmStartAgainstFake, runCommand, stopNpmStarts } from "./harness.js";
import { buttonPress, slashCommand } from "./payloads.js";

/**
 * `SHARDS=2 npm start` and `SHARDS=auto npm start` as a supervisor runs them: the manager and two
 * shard processes against the fake Discord, with two guilds that belong to different shards.
 */

/** A second guild, owned by the other shard of two: 2^22 above the fake's own guild. */
const OTHER_GUILD = { id: String(BigInt(FAKE_IDS.guild) + (1n << 22n)), channel: String(BigInt(FAKE_IDS.channel) + (1n << 22n)) };
const GUILDS = [{ id: FAKE_IDS.guild, channel: FAKE_IDS.channel }, OTHER_GUILD] as const;
/** Two shards, one after the other (the manager waits 5.5 s between them), each loading the engine. */
const START_MS = 120_000;

let seed: SeedIndex;

beforeAll(async () => {
  seed = await buildSeedIndex();
});
afterEach(stopNpmStarts);
afterAll(async () => {
  await seed?.cleanup();
});

/** `SHARDS=<shards> npm start`, Discord recommending `recommended` shards; resolves once both shards are connected. */
async function startSharded(shards: string, recommended: number): Promise<{ fake: FakeDiscord; bot: NpmProcess }> {
  const started = await npmStartAgainstFake({ shards: recommended, guilds: GUILDS }, { ...seed.env, SHARDS: shards, FEEDBACK_LOG: path.join(seed.env.INDEX_DIR!, "..", "feedback.jsonl") });
  await started.bot.waitForStderr(/Shard 0 of 2 connected[\s\S]*Shard 1 of 2 connected/, START_MS);
  return started;
}

type Guild = (typeof GUILDS)[number];

/** A payload from payloads.ts moved into `guild` (they are made for the fake's own guild). */
function inGuild<T extends { channel: object }>(payload: T, guild: Guild): T {
  return { ...payload, guild_id: guild.id, channel_id: guild.channel, channel: { ...payload.channel, id: guild.channel, guild_id: guild.id }, authorizing_integration_owners: { "0": guild.id } };
}

/**
 * Asks /ask in `guild`, waits for the answer the shard that owns it sends, then presses the
 * answer's first button (Show passages), which that shard serves from its own answer memory.
 */
async function askAndPressIn(fake: FakeDiscord, guild: Guild): Promise<{ answer: any; passages: any }> {
  const ask = inGuild(slashCommand("ask", { question: "What did Grushko say?" }, snowflake()), guild);
  await runCommand(fake, ask);
  const answer = (await editedReply(fake, ask)).body;
  const answerMessage = { ...[...fake.messages.values()].at(-1)!, guild_id: guild.id, channel_id: guild.channel };
  const press = inGuild(buttonPress(answer.components[0].components[0].custom_id, answerMessage, snowflake()), guild);
  const passages = (await runCommand(fake, press)).body;
  return { answer, passages };
}

const botProcesses = (npm: NpmProcess) => npm.running().filter((info) => /\bdist\/src\/discord\/main\.js\b/.test(info.commandLine));

describe("npm start with SHARDS: one process per shard under discord.js's ShardingManager", () => {
  it("the guilds belong to different shards of two", () => {
    expect(GUILDS.map((guild) => shardOf(guild.id, 2)).sort()).toEqual([0, 1]);
  });

  it.each([
    ["2", 1, "npm"],
    ["auto", 2, "the whole process group"],
  ] as const)("SHARDS=%s (Discord recommends %i): each shard identifies as [id, 2], answers its own guild's /ask and the button under it, and SIGTERM to %s stops them all", async (shards, recommended, target) => {
    const { fake, bot } = await startSharded(shards, recommended);
    expect(fake.identifiedShards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // The manager and two shards.
    expect(botProcesses(bot)).toHaveLength(3);
    if (shards === "auto") expect(fake.requests.some((request) => request.method === "GET" && request.path === "/gateway/bot")).toBe(true);

    for (const guild of GUILDS) {
      const { answer, passages } = await askAndPressIn(fake, guild);
      expect(JSON.stringify(answer)).toContain("We absolutely do not care");
      expect(passages.data.embeds[0].title).toMatch(/^\[1\] /);
    }

    // To the group, each shard gets it twice (directly and from the manager) and takes the echo for one request.
    process.kill(target === "npm" ? bot.pid : -bot.pid, "SIGTERM");
    const exit = await within(bot.exited, 20_000, "stopping");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await bot.whenAllGone(5_000)).toEqual([]);
    expect(bot.stderr.match(/SIGTERM: finishing answers in progress/g)).toHaveLength(2);
    expect(bot.stderr).not.toMatch(/^error:/m);
  }, 240_000);

  it("a shard that Discord closes for good (4004) exits 1; the manager stops the other shard and exits 1 too", async () => {
    const { fake, bot } = await startSharded("2", 1);
    fake.dropConnection(4004, 1);
    expect(await within(bot.exited, 20_000, "stopping")).toEqual({ code: 1, signal: null });
    expect(await bot.whenAllGone(5_000)).toEqual([]);
    expect(bot.stderr).toMatch(/^error: Discord rejected DISCORD_TOKEN \(gateway close 4004/m);
    expect(bot.stderr).toMatch(/^error: Shard 1 of 2 exited \(status 1\); stopping the others\./m);
    expect(bot.stderr.match(/SIGTERM: finishing answers in progress/g)).toHaveLength(1);
  }, 240_000);

  it("SIGKILL to the manager: the shards see their channel to it close and stop too, leaving no process", async () => {
    const { bot } = await startSharded("2", 1);
    const shards = botProcesses(bot);
    const manager = shards.find((candidate) => shards.some((shard) => shard.parent === candidate.pid));
    expect(manager).toBeDefined();
    process.kill(manager!.pid, "SIGKILL");
    expect(await bot.whenAllGone(20_000)).toEqual([]);
    expect(bot.stderr.match(/SIGTERM: finishing answers in progress/g)).toHaveLength(2);
  }, 240_000);
});

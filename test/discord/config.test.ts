import { describe, expect, it } from "vitest";
import { loadDiscordConfig, loadShardsSetting } from "../../src/discord/config.js";
import { redactingLogger } from "../../src/discord/redact.js";
import { UserError } from "../../src/errors.js";
import { TEST_TOKEN } from "./harness.js";

const valid = { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: "1100000000000000001" };

function configError(env: Record<string, string>): UserError {
  try {
    loadDiscordConfig(env);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}

describe("loadDiscordConfig", () => {
  it("has defaults, parses lists and numbers, treats blanks as unset, and is frozen", () => {
    const config = loadDiscordConfig({ ...valid, DISCORD_GUILD_ID: " ", DISCORD_CHANNEL_IDS: "1100000000000000003, 1100000000000000004,", ANSWER_COOLDOWN_SECONDS: "2.5" });
    expect(config).toMatchObject({
      DISCORD_CLIENT_ID: "1100000000000000001",
      DISCORD_CHANNEL_IDS: ["1100000000000000003", "1100000000000000004"],
      ANSWER_COOLDOWN_SECONDS: 2.5,
      MAX_CONCURRENT_ANSWERS: 4,
      FIND_SOURCES_PRIVATE: true,
      FEEDBACK_LOG: "data/feedback.jsonl",
    });
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.DISCORD_TOKEN).toBe(TEST_TOKEN);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("never shows the token when the config is logged or serialised", () => {
    const config = loadDiscordConfig(valid);
    expect(JSON.stringify(config)).not.toContain(TEST_TOKEN);
    expect(String(Object.entries(config))).not.toContain(TEST_TOKEN);
  });

  it("names each missing variable and where to find it", () => {
    const error = configError({});
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toMatch(/DISCORD_TOKEN: is missing; copy it from the Developer Portal/);
    expect(error.message).toMatch(/DISCORD_CLIENT_ID: is missing/);
  });

  it("names malformed values without echoing the token", () => {
    const badToken = "not-a-token-but-secret-enough-to-hide-0123456789";
    const error = configError({
      DISCORD_TOKEN: badToken,
      DISCORD_CLIENT_ID: "my-bot",
      DISCORD_GUILD_ID: "12",
      DISCORD_CHANNEL_IDS: "1100000000000000003,general",
      ANSWER_COOLDOWN_SECONDS: "soon",
      MAX_CONCURRENT_ANSWERS: "0",
      DISCORD_API_URL: "localhost",
    });
    expect(error.message).toMatch(/DISCORD_TOKEN: does not look like a bot token/);
    expect(error.message).not.toContain(badToken);
    expect(error.message).toMatch(/DISCORD_CLIENT_ID: must be a Discord id/);
    expect(error.message).toMatch(/DISCORD_GUILD_ID: must be a Discord id/);
    expect(error.message).toMatch(/DISCORD_CHANNEL_IDS\.1: must be a Discord id/);
    expect(error.message).toMatch(/ANSWER_COOLDOWN_SECONDS: must be a number of seconds/);
    expect(error.message).toMatch(/MAX_CONCURRENT_ANSWERS: /);
    expect(error.message).toMatch(/DISCORD_API_URL: must be a URL/);
  });

  it("explains a token pasted with its 'Bot ' prefix", () => {
    expect(configError({ ...valid, DISCORD_TOKEN: `Bot ${TEST_TOKEN}` }).message).toMatch(/without a "Bot " prefix/);
  });
});

describe("loadShardsSetting", () => {
  it("is unset (one process) by default or blank, and reads auto or a count", () => {
    expect(loadShardsSetting({})).toBeUndefined();
    expect(loadShardsSetting({ SHARDS: " " })).toBeUndefined();
    expect(loadShardsSetting({ SHARDS: "auto" })).toBe("auto");
    expect(loadShardsSetting({ SHARDS: " 2 " })).toBe(2);
  });

  it("inside a shard, where discord.js reuses SHARDS for the shard's id, means: run the bot", () => {
    expect(loadShardsSetting({ SHARDING_MANAGER: "true", SHARDS: "0", SHARD_COUNT: "2" })).toBeUndefined();
  });

  it.each(["0", "-1", "1.5", "two", "Auto "])("rejects SHARDS=%s naming the variable and the fix", (value) => {
    expect(() => loadShardsSetting({ SHARDS: value })).toThrow(/SHARDS: must be "auto" .* or a whole number of shards .*leave it unset/);
  });
});

describe("redactingLogger", () => {
  it("removes the token from messages and error stacks", () => {
    const lines: string[] = [];
    const log = redactingLogger(
      { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m, e) => lines.push(`${m} ${(e as Error).stack}`) },
      [TEST_TOKEN],
    );
    log.info(`token is ${TEST_TOKEN}`);
    log.error("failed", new Error(`bad header Bot ${TEST_TOKEN}`));
    expect(lines.join("\n")).not.toContain(TEST_TOKEN);
    expect(lines.join("\n")).toContain("Bot [redacted]");
  });
});

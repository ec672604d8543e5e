import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_IDS, FakeDiscord } from "../support/fakeDiscord.js";
import { runCli } from "../support/runCli.js";
import { TEST_TOKEN } from "./harness.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ validToken: TEST_TOKEN });
});
afterAll(async () => {
  await fake.close();
});

describe("npm start and npm run register as processes", () => {
  it("npm start stops before loading anything when the config is wrong, naming each variable but never the token", async () => {
    const secret = `Bot ${TEST_TOKEN}`;
    const result = await runCli("src/discord/main.ts", [], { env: { DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: "", DISCORD_CHANNEL_IDS: "general" }, timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/DISCORD_TOKEN: must be the bare token, without a "Bot " prefix/);
    expect(result.stderr).toMatch(/DISCORD_CLIENT_ID: is missing/);
    expect(result.stderr).toMatch(/DISCORD_CHANNEL_IDS\.0: must be a Discord id/);
    expect(result.stderr + result.stdout).not.toContain(TEST_TOKEN);
  });

  it("npm run register registers the commands in the configured server", async () => {
    const result = await runCli("scripts/register.ts", [], {
      env: { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: FAKE_IDS.application, DISCORD_GUILD_ID: FAKE_IDS.guild, DISCORD_API_URL: fake.apiUrl },
      timeoutMs: 30_000,
    });
    expect(result.stdout).toBe(`Registered 7 commands in server ${FAKE_IDS.guild}: ask, search, quote, sources, add-source, help, Find sources.\nThey are available in that server now.\n`);
    expect(result.code).toBe(0);
    expect(fake.requests.at(-1)).toMatchObject({ method: "PUT", path: `/applications/${FAKE_IDS.application}/guilds/${FAKE_IDS.guild}/commands` });
  });
});

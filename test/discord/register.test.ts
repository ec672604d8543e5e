import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectMessageContent } from "../../src/discord/intents.js";
import { registerCommands } from "../../src/discord/register.js";
import { discordRest } from "../../src/discord/rest.js";
import { silentLogger } from "../../src/log.js";
import { FAKE_IDS, FakeDiscord } from "../support/fakeDiscord.js";
import { TEST_TOKEN } from "./harness.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ validToken: TEST_TOKEN });
});
afterAll(async () => {
  await fake.close();
});

const rest = (token = TEST_TOKEN) => discordRest({ DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl });

describe("registerCommands", () => {
  it("overwrites the server's commands in one PUT, and a second run sends the same set", async () => {
    const config = { DISCORD_CLIENT_ID: FAKE_IDS.application, DISCORD_GUILD_ID: FAKE_IDS.guild };
    const first = await registerCommands(rest(), config);
    expect(first).toEqual({ scope: `in server ${FAKE_IDS.guild}`, names: ["ask", "search", "quote", "sources", "add-source", "help", "Find sources"] });
    await registerCommands(rest(), config);
    const puts = fake.requests.filter((request) => request.method === "PUT");
    expect(puts.map((request) => request.path)).toEqual([
      `/applications/${FAKE_IDS.application}/guilds/${FAKE_IDS.guild}/commands`,
      `/applications/${FAKE_IDS.application}/guilds/${FAKE_IDS.guild}/commands`,
    ]);
    expect(puts[1]!.body).toEqual(puts[0]!.body);
    const [ask, , , , addSource, , findSources] = puts[0]!.body;
    expect(ask.options).toEqual([
      expect.objectContaining({ name: "question", type: 3, required: true, max_length: 500 }),
      expect.objectContaining({ name: "outlet", type: 3, autocomplete: true }),
      expect.objectContaining({ name: "private", type: 5 }),
    ]);
    expect(findSources).toMatchObject({ name: "Find sources", type: 3 });
    // Server managers only, unless a server changes it: ManageGuild is permission bit 5.
    expect(addSource).toMatchObject({ name: "add-source", default_member_permissions: "32", options: [expect.objectContaining({ name: "url", type: 3 }), expect.objectContaining({ name: "file", type: 11 })] });
  });

  it("registers globally without DISCORD_GUILD_ID", async () => {
    expect((await registerCommands(rest(), { DISCORD_CLIENT_ID: FAKE_IDS.application })).scope).toBe("globally");
    expect(fake.requests.at(-1)?.path).toBe(`/applications/${FAKE_IDS.application}/commands`);
  });

  it("explains a rejected token without showing it", async () => {
    const wrong = `${TEST_TOKEN.slice(0, -4)}XXXX`;
    const error = await registerCommands(rest(wrong), { DISCORD_CLIENT_ID: FAKE_IDS.application }).then(
      () => new Error("expected a rejection"),
      (caught: unknown) => caught as Error,
    );
    expect(error).toMatchObject({ code: "DISCORD_TOKEN_REJECTED", message: expect.stringMatching(/Discord rejected DISCORD_TOKEN/) });
    expect(error.message).not.toContain(wrong);
    await expect(detectMessageContent(rest(wrong), silentLogger)).rejects.toMatchObject({ code: "DISCORD_TOKEN_REJECTED" });
  });
});

import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_CONTENT_WARNING } from "../../src/discord/intents.js";
import { BOT_USER, FAKE_IDS, snowflake } from "../support/fakeDiscord.js";
import { editedReply, runCommand, startHarness, type Harness } from "./harness.js";
import { slashCommand, userMessage } from "./payloads.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ applicationFlags: 0, heartbeatIntervalMs: 1000 });
});
afterAll(async () => {
  await h?.close();
});

describe("without the Message Content intent, and shutting down", () => {
  it("does not ask for the intent, warns once about mentions, and slash commands still work", async () => {
    const identify = h.fake.received.find((frame) => frame.op === 2);
    expect(identify?.d.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(h.logs.filter((line) => line === `warn: ${MESSAGE_CONTENT_WARNING}`)).toHaveLength(1);
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    await runCommand(h.fake, ask);
    expect((await editedReply(h.fake, ask)).body.embeds[0].description).toContain("We absolutely do not care");
  });

  it("still answers @mentions, whose text Discord sends without the intent", async () => {
    const mention = userMessage(`<@${BOT_USER.id}> What did Grushko say?`, snowflake());
    h.fake.dispatch("MESSAGE_CREATE", mention);
    const reply = await h.fake.waitForRequest("POST", `/channels/${FAKE_IDS.channel}/messages`);
    expect(reply.body.message_reference.message_id).toBe(mention.id);
  });

  it("heartbeats, and the fake's acknowledgements give the client a measured ping", async () => {
    const heartbeat = await h.fake.waitForFrame(1);
    // d is the last sequence number, or null when the first (jittered) beat comes before READY.
    expect(heartbeat.d === null || typeof heartbeat.d === "number").toBe(true);
    await h.fake.waitFor(() => (h.bot.client.ws.ping >= 0 ? true : undefined), "a measured ping");
  });

  it("on shutdown, finishes the answer in progress, then closes the gateway normally", async () => {
    const release = h.engine.hold();
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    await runCommand(h.fake, ask);
    const stopped = h.bot.shutdown(5000);
    // Taken after shutdown began: not answered.
    const late = slashCommand("ask", { question: "What did Peskov say?" }, snowflake());
    h.fake.dispatch("INTERACTION_CREATE", late);
    release();
    await stopped;
    expect(h.fake.requests.some((request) => request.method === "PATCH" && request.path.includes(ask.token))).toBe(true);
    expect(h.fake.requests.some((request) => request.path.includes(late.token))).toBe(false);
    await h.fake.waitFor(() => h.fake.connections.at(-1)?.closeCode, "the gateway connection to close");
    expect(h.fake.connections.at(-1)?.closeCode).toBe(1000);
  });
});

import { ApplicationFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BOT_USER, FAKE_IDS, snowflake, type RecordedRequest } from "../support/fakeDiscord.js";
import { editedReply, startHarness, waitForLog, type Harness } from "./harness.js";
import { slashCommand, userMessage } from "./payloads.js";

const GRUSHKO_QUOTE = "We absolutely do not care under what label";
const CHANNEL_MESSAGES = `/channels/${FAKE_IDS.channel}/messages`;
/** Short enough to test a slow response quickly, long enough for any answer from the local fake. */
const REST_TIMEOUT_MS = 2_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ applicationFlags: ApplicationFlags.GatewayMessageContentLimited, restTimeoutMs: REST_TIMEOUT_MS });
});
afterEach(() => {
  h.fake.clearFaults();
});
afterAll(async () => {
  await h?.close();
});

/** Every attempt the bot made to reply to `message`, and every message Discord holds in reply to it. */
function repliesTo(message: { id: string }): { attempts: RecordedRequest[]; stored: Record<string, any>[] } {
  return {
    attempts: h.fake.requests.filter((request) => request.path === CHANNEL_MESSAGES && request.body?.message_reference?.message_id === message.id),
    stored: [...h.fake.messages.values()].filter((stored) => stored.message_reference?.message_id === message.id),
  };
}

function mention(question: string) {
  return userMessage(`<@${BOT_USER.id}> ${question}`, snowflake());
}

describe("the bot under REST faults: a send that succeeded but whose response was lost", () => {
  it("a 500 after Discord created the answer: discord.js retries with the same nonce and gets that message back, so there is one answer", async () => {
    h.fake.injectFault("POST", CHANNEL_MESSAGES, { kind: "lostResponse", status: 500 });
    const asked = mention("What did Grushko say?");
    h.fake.dispatch("MESSAGE_CREATE", asked);
    await h.fake.waitFor(() => repliesTo(asked).attempts.find((attempt) => attempt.status === 200), "the retried reply");
    const { attempts, stored } = repliesTo(asked);
    expect(attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
    expect(new Set(attempts.map((attempt) => attempt.body.nonce)).size).toBe(1);
    expect(attempts.every((attempt) => attempt.body.enforce_nonce === true)).toBe(true);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.embeds[0].description).toContain(GRUSHKO_QUOTE);
  });

  it("a response slower than the REST timeout: the retry after the timeout returns the message already made", async () => {
    h.fake.injectFault("POST", CHANNEL_MESSAGES, { kind: "slowResponse", delayMs: REST_TIMEOUT_MS + 1_000 });
    const asked = mention("What did Peskov say?");
    h.fake.dispatch("MESSAGE_CREATE", asked);
    await h.fake.waitFor(() => repliesTo(asked).attempts.find((attempt) => attempt.status === 200), "the reply retried after the timeout");
    const { attempts, stored } = repliesTo(asked);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.status).toBeUndefined(); // the client gave up waiting for it
    expect(stored).toHaveLength(1);
  });

  it("when every response is lost, the retries stop and the apology reuses the nonce: still exactly one message", async () => {
    h.fake.injectFault("POST", CHANNEL_MESSAGES, { kind: "lostResponse", status: 500 }, 100);
    const asked = mention("What did Grushko say about peacekeepers?");
    h.fake.dispatch("MESSAGE_CREATE", asked);
    await waitForLog(h, /^error: could not tell the user about a failed answer/);
    const { attempts, stored } = repliesTo(asked);
    // discord.js tries each send at most 4 times (3 retries): the answer, then the apology.
    expect(attempts.length).toBeLessThanOrEqual(8);
    expect(new Set(attempts.map((attempt) => attempt.body.nonce)).size).toBe(1);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.embeds[0].description).toContain(GRUSHKO_QUOTE);
  });
});

describe("the bot under REST faults: an interaction response Discord accepted but whose response was lost", () => {
  /** The statuses of every interaction callback the bot sent for `interaction`, in order. */
  const callbackStatuses = (interaction: { id: string; token: string }) =>
    h.fake.requests.filter((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`).map((request) => request.status);

  it("/ask: a 502 after Discord accepted the defer; the retry's 40060 counts as acknowledged and the answer is edited in", async () => {
    const logged = h.logs.length;
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    h.fake.injectFault("POST", `/interactions/${ask.id}/${ask.token}/callback`, { kind: "lostResponse", status: 502 });
    h.fake.dispatch("INTERACTION_CREATE", ask);
    const edit = await editedReply(h.fake, ask);
    expect(edit.body.embeds[0].description).toContain(GRUSHKO_QUOTE);
    expect(callbackStatuses(ask)).toEqual([502, 400]);
    expect(h.logs.slice(logged).filter((line) => line.startsWith("error:"))).toEqual([]);
  });

  it("/sources: a 502 after Discord accepted the reply; the retry's 40060 means it was shown: no other response, nothing logged as failed", async () => {
    const logged = h.logs.length;
    const sources = slashCommand("sources", {}, snowflake());
    h.fake.injectFault("POST", `/interactions/${sources.id}/${sources.token}/callback`, { kind: "lostResponse", status: 502 });
    h.fake.dispatch("INTERACTION_CREATE", sources);
    await h.fake.waitFor(() => (callbackStatuses(sources).includes(400) ? true : undefined), "the retried reply");
    // A wrong treatment would answer again (a third callback) or log the 40060 as a failure within a few milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callbackStatuses(sources)).toEqual([502, 400]);
    expect(h.fake.requests.some((request) => request.path.includes(sources.token) && !request.path.endsWith("/callback"))).toBe(false);
    expect(h.logs.slice(logged).filter((line) => line.startsWith("error:"))).toEqual([]);
  });
});

import { ApplicationFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_USER, FAKE_IDS, snowflake, type RecordedRequest } from "../support/fakeDiscord.js";
import { editedReply, runCommand, sentMessages, startHarness, type Harness } from "./harness.js";
import { slashCommand, threadFrom, userMessage } from "./payloads.js";

const GRUSHKO_QUOTE = "We absolutely do not care under what label";
const RESUME = 6;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ applicationFlags: ApplicationFlags.GatewayMessageContentLimited });
});
afterAll(async () => {
  await h?.close();
});

/** Posts a message and waits for the bot's reply to it in `channelId`. */
async function replyTo(message: { id: string; channel_id: string }): Promise<RecordedRequest> {
  h.fake.dispatch("MESSAGE_CREATE", message);
  return h.fake.waitFor(
    () => h.fake.requests.find((request) => request.path === `/channels/${message.channel_id}/messages` && request.body?.message_reference?.message_id === message.id),
    `the reply to message ${message.id}`,
  );
}

/** The stored message the bot sent in answer to `request`. */
function sentMessage(request: RecordedRequest) {
  return [...h.fake.messages.values()].find((message) => message.message_reference?.message_id === request.body.message_reference.message_id)!;
}

describe("the bot against a local fake Discord: mentions, follow-ups, reconnects", () => {
  it("answers an @mention with a reply that pings no one", async () => {
    const reply = await replyTo(userMessage(`<@${BOT_USER.id}> What did Grushko say?`, snowflake()));
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.embeds[0].description).toContain(GRUSHKO_QUOTE);
    expect(h.fake.requests.some((request) => request.path === `/channels/${FAKE_IDS.channel}/typing`)).toBe(true);
  });

  it("a question containing @everyone, @here or a role mention pings no one and shows them inert", async () => {
    const reply = await replyTo(userMessage(`<@${BOT_USER.id}> @everyone @here <@&1100000000000000077> what did Grushko say?`, snowflake()));
    expect(reply.body.allowed_mentions.parse).toEqual([]);
    const title: string = reply.body.embeds[0].title;
    expect(title).toContain("@\u200beveryone @\u200bhere <\u200b@&1100000000000000077>");
    expect(title).not.toMatch(/@everyone|@here|<@&\d/);

    const ask = slashCommand("ask", { question: "@everyone What did Grushko say?" }, snowflake());
    await runCommand(h.fake, ask);
    const edit = await editedReply(h.fake, ask);
    expect(edit.body.allowed_mentions.parse).toEqual([]);
    expect(JSON.stringify(edit.body)).not.toContain("@everyone");
  });

  it("ignores messages that do not address it, and bots", async () => {
    const before = h.fake.requests.length;
    h.fake.dispatch("MESSAGE_CREATE", userMessage("What did Grushko say?", snowflake()));
    h.fake.dispatch("MESSAGE_CREATE", { ...userMessage(`<@${BOT_USER.id}> What did Grushko say?`, snowflake()), author: { ...BOT_USER, id: snowflake() } });
    // A later mention is answered; nothing was sent for the two before it.
    const marker = await replyTo(userMessage(`<@${BOT_USER.id}> What did Peskov say?`, snowflake()));
    const sentSince = h.fake.requests.slice(before).filter((request) => request.path.endsWith("/messages"));
    expect(sentSince).toEqual([marker]);
  });

  it("a reply to an answer is a follow-up: 'what else did he say?' resolves against 'What did Grushko say?'", async () => {
    const first = await replyTo(userMessage(`<@${BOT_USER.id}> What did Grushko say?`, snowflake()));
    const answer = sentMessage(first);
    const followUp = await replyTo(userMessage("what else did he say?", snowflake(), { replyTo: answer as never }));
    expect(followUp.body.embeds[0].title).toBe("what else did Grushko say?");
    expect(followUp.body.embeds[0].description).toContain(GRUSHKO_QUOTE);
  });

  it("shows how it read a misspelt question, escaped, and follows up on the name as corrected", async () => {
    const first = await replyTo(userMessage(`<@${BOT_USER.id}> What did **Grushkoo** say?`, snowflake()));
    const [embed] = first.body.embeds;
    expect(embed.title).toBe("What did \\*\\*Grushkoo\\*\\* say?");
    expect(embed.description).toMatch(/^\*Read as:\* “What did \\\*\\\*Grushko\\\*\\\* say\?”\n\n/);
    expect(embed.description).toContain(GRUSHKO_QUOTE);
    const followUp = await replyTo(userMessage("what else did he say?", snowflake(), { replyTo: sentMessage(first) as never }));
    // Resolved against the question as read: "Grushkoo" would be the name as typed.
    expect(followUp.body.embeds[0].title).toBe("what else did Grushko say?");
  });

  it("a question in the thread under an answer is a follow-up too", async () => {
    const first = await replyTo(userMessage(`<@${BOT_USER.id}> What did Grushko say?`, snowflake()));
    const answer = sentMessage(first);
    h.fake.dispatch("THREAD_CREATE", threadFrom(answer.id, snowflake()));
    const inThread = await replyTo(userMessage("what else did he say?", snowflake(), { channelId: answer.id }));
    expect(inThread.path).toBe(`/channels/${answer.id}/messages`);
    expect(inThread.body.embeds[0].title).toBe("what else did Grushko say?");
  });

  it("resumes after the gateway closes the connection (4000) and answers again", async () => {
    const before = Date.now();
    h.fake.dropConnection(4000);
    const resume = await h.fake.waitForFrame(RESUME, before);
    expect(resume.d.session_id).toMatch(/^session-/);
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    await runCommand(h.fake, ask);
    expect((await editedReply(h.fake, ask)).body.embeds[0].description).toContain(GRUSHKO_QUOTE);
  });

  it("after an abrupt drop, resumes and answers what arrived meanwhile (replayed on RESUME)", async () => {
    const before = Date.now();
    h.fake.dropConnection();
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    h.fake.dispatch("INTERACTION_CREATE", ask);
    await h.fake.waitForFrame(RESUME, before);
    expect((await editedReply(h.fake, ask)).body.embeds[0].description).toContain(GRUSHKO_QUOTE);
    expect(h.logs).toContain("info: Discord connection resumed.");
  });

  it("sent nothing that could ping", () => {
    for (const { body } of sentMessages(h.fake)) expect(body.allowed_mentions?.parse).toEqual([]);
  });
});

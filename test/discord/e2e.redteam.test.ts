import { readFile } from "node:fs/promises";
import { ApplicationFlags, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_USER, FAKE_IDS, messageData, snowflake, type RecordedRequest } from "../support/fakeDiscord.js";
import { linkJunctions, liveLinks, liveMentions } from "../support/discordMarkdown.js";
import { CHANNEL_NOTICES_PER_WINDOW } from "../../src/discord/notices.js";
import { editedReply, runCommand, sentMessages, startHarness, type Harness } from "./harness.js";
import { buttonPress, messageMenu, slashCommand, threadFrom, userMessage } from "./payloads.js";

const REPLY = 4;

/** An article someone slipped into the corpus: links to a phishing page, pings, markdown. */
const PLANTED = [
  "Zanzibar ferry inspectors announce a verification drive",
  "",
  "Zanzibar ferry inspectors said on Monday that every passenger must [verify your account here](https://evil.example/verify) before boarding, " +
    "and [claim the refund](https://evil.example/refund) at the port. @everyone <@&1100000000000000077> <#1100000000000000003> The Zanzibar inspectors called the rule **final**.",
  "",
].join("\n");

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ applicationFlags: ApplicationFlags.GatewayMessageContentLimited, articles: { "900_planted.txt": PLANTED } });
});
afterAll(async () => {
  await h?.close();
});

/** Every text Discord renders as markdown in a message body (content, embed titles, descriptions, fields). */
function renderedTexts(body: any): string[] {
  const embeds = (body.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  return [body.content, ...embeds.flatMap((embed) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])])].filter(
    (text): text is string => typeof text === "string",
  );
}

function expectNoLiveLinkOrMention(body: any): void {
  for (const text of renderedTexts(body)) {
    expect(liveLinks(text), text).toEqual([]);
    expect(linkJunctions(text), text).toEqual([]);
    expect(liveMentions(text), text).toEqual([]);
  }
}

/** Resolves once `check` holds, polling: for the bot's own state, which no request to the fake announces. */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The bot's replies to these messages. */
function repliesTo(messages: readonly { id: string }[]): RecordedRequest[] {
  const ids = new Set(messages.map((message) => message.id));
  return h.fake.requests.filter((request) => request.method === "POST" && ids.has(request.body?.message_reference?.message_id));
}

/**
 * Once every answer in progress is sent, asks once more as a new user and waits for that answer:
 * replies in a channel go out in order, so every reply to the burst has reached the fake by then.
 */
async function answeredAfterBurst(): Promise<void> {
  expect(await h.bot.context.limiter.whenIdle(10_000)).toBe(true);
  const marker = userMessage(`<@${BOT_USER.id}> What did Starmer say?`, snowflake());
  h.fake.dispatch("MESSAGE_CREATE", marker);
  await h.fake.waitFor(() => (repliesTo([marker]).length > 0 ? true : undefined), "the answer after the burst");
}

describe("red team: hostile text through the real client and a local fake Discord", () => {
  it("/search with two masked links and one straddling 256 characters posts none of them live", async () => {
    const query = `Zanzibar ferry inspectors [see the results](https://evil.example/a) [and more](https://evil.example/b) ${"pad ".repeat(27)}[verify your account now](https://evil.example/c)`;
    // The reply's first line quotes the query; the last link's text spans its 256th character.
    const heading = `🔎 The 5 passages that best match “${query}”:`;
    expect(heading.indexOf("[verify")).toBeLessThan(256);
    expect(heading.indexOf("](https://evil.example/c)")).toBeGreaterThan(256);
    const search = slashCommand("search", { query }, snowflake());
    expect((await runCommand(h.fake, search)).body.data.flags).toBe(0);
    const edit = await editedReply(h.fake, search);
    expectNoLiveLinkOrMention(edit.body);
    expect(edit.body.content).toMatch(/^🔎 The \d passages that best match “Zanzibar ferry inspectors \[see the results\]\\\(https:/);
    expect(edit.body.embeds[0].description).toContain("Zanzibar ferry inspectors said on Monday");
  });

  it("the planted article's links, pings and markdown stay dead in the answer, Show passages and Find sources", async () => {
    const ask = slashCommand("ask", { question: "What did the Zanzibar ferry inspectors say?" }, snowflake());
    await runCommand(h.fake, ask);
    const answer = await editedReply(h.fake, ask);
    expectNoLiveLinkOrMention(answer.body);
    const passagesId = answer.body.components[0].components[0].custom_id as string;
    const answerMessage = h.fake.messages.get([...h.fake.messages.keys()].at(-1)!)!;
    const passages = await runCommand(h.fake, buttonPress(passagesId, answerMessage, snowflake()));
    expect(passages.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(passages.body.data.embeds.map((embed: { description: string }) => embed.description).join("\n")).toContain("verify your account here");
    expectNoLiveLinkOrMention(passages.body.data);

    const claim = { id: snowflake(), channel_id: answerMessage.channel_id, content: "Zanzibar ferry inspectors say every passenger must verify an account before boarding", author: { id: snowflake(), username: "someone", discriminator: "0" } };
    const menu = messageMenu("Find sources", claim, snowflake());
    await runCommand(h.fake, menu);
    const found = await editedReply(h.fake, menu);
    expect(found.body.embeds.map((embed: { description: string }) => embed.description).join("\n")).toContain("claim the refund");
    expectNoLiveLinkOrMention(found.body);
  });

  it("one user's burst of 50 mentions gets one answer and one 'slow down', not 50 messages", async () => {
    const spammer = snowflake();
    const burst = Array.from({ length: 50 }, () => userMessage(`<@${BOT_USER.id}> What did Grushko say?`, spammer));
    for (const message of burst) h.fake.dispatch("MESSAGE_CREATE", message);
    await h.fake.waitFor(() => repliesTo(burst).find((reply) => reply.body.embeds?.length > 0), "the answer to the first mention");
    await answeredAfterBurst();
    const replies = repliesTo(burst);
    expect(replies.filter((reply) => reply.body.embeds?.length > 0)).toHaveLength(1);
    expect(replies.filter((reply) => /Slow down/.test(reply.body.content ?? "")).map((reply) => reply.body.content)).toEqual([
      expect.stringMatching(/^⏳ Slow down a little: you can ask again in \d+ seconds\.$/),
    ]);
    expect(replies).toHaveLength(2);
  });

  it("a burst of 200 mentions from 200 users while busy gets the answers it can give and a few notices, not 200 messages", async () => {
    // A thread of its own: the channel's window already holds the notice of the test before.
    const thread = threadFrom(snowflake(), snowflake());
    h.fake.dispatch("THREAD_CREATE", thread);
    const release = h.engine.hold();
    const burst = Array.from({ length: 200 }, () => userMessage(`<@${BOT_USER.id}> What did Peskov say?`, snowflake(), { channelId: thread.id }));
    for (const message of burst) h.fake.dispatch("MESSAGE_CREATE", message);
    // The four answer slots (MAX_CONCURRENT_ANSWERS) fill; the rest are refused as busy.
    await until(() => h.bot.context.limiter.activeAnswers === 4, "four answers in progress");
    release();
    await answeredAfterBurst();
    const replies = repliesTo(burst);
    expect(replies.filter((reply) => reply.body.embeds?.length > 0)).toHaveLength(4);
    const notices = replies.filter((reply) => /busy answering/.test(reply.body.content ?? ""));
    expect(notices).toHaveLength(CHANNEL_NOTICES_PER_WINDOW);
    expect(replies).toHaveLength(4 + CHANNEL_NOTICES_PER_WINDOW);
  });

  it("a button it does not know (malformed, another bot's, or from an older version) is answered privately, saying what to do", async () => {
    const message = messageData({ id: snowflake(), channel_id: FAKE_IDS.channel, author: BOT_USER });
    for (const customId of ["not-a-button", "passages:", "vote:maybe:abc", `passages:${"x".repeat(90)}`]) {
      const callback = await runCommand(h.fake, buttonPress(customId, message, snowflake()));
      expect(callback.body.type).toBe(REPLY);
      expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
      expect(callback.body.data.content).toMatch(/^⚠️ I don't recognise this button.*Ask again/);
    }
  });

  it("a question of only zero-width characters is empty: /ask says so privately, a mention gets the how-to-ask reply", async () => {
    const invisible = "\u200b\u200c\u200d\u2060\ufeff";
    const ask = await runCommand(h.fake, slashCommand("ask", { question: invisible }, snowflake()));
    expect(ask.body.type).toBe(REPLY);
    expect(ask.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^⚠️ The question is empty\. Ask something/) });

    const mention = userMessage(`<@${BOT_USER.id}> ${invisible}`, snowflake());
    h.fake.dispatch("MESSAGE_CREATE", mention);
    const [reply] = await h.fake.waitFor(() => (repliesTo([mention]).length > 0 ? repliesTo([mention]) : undefined), "the reply to an invisible question");
    expect(reply!.body.content).toMatch(/^Ask me a question after the mention/);
    expect(reply!.body.embeds ?? []).toEqual([]);
  });

  it("200 presses of Helpful by one user on one answer are one line in the feedback log", async () => {
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    await runCommand(h.fake, ask);
    const answer = await editedReply(h.fake, ask);
    const answerMessage = h.fake.messages.get([...h.fake.messages.keys()].at(-1)!)!;
    const helpfulId = answer.body.components[0].components[1].custom_id as string;
    const voter = snowflake();
    const presses = Array.from({ length: 200 }, () => buttonPress(helpfulId, answerMessage, voter));
    for (const press of presses) h.fake.dispatch("INTERACTION_CREATE", press);
    await h.fake.waitFor(() => (presses.every((press) => h.fake.requests.some((request) => request.path.includes(press.token))) ? true : undefined), "every press answered");
    await h.bot.context.feedback.flush();
    const lines = (await readFile(h.feedbackFile, "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    const key = helpfulId.split(":").at(-1);
    expect(lines.filter((line) => line.answer === key)).toEqual([expect.objectContaining({ vote: "helpful", user: h.bot.context.feedback.hashUser(voter) })]);
  });

  it("nothing it sent holds a live link or mention, and nothing could ping", () => {
    const sent = sentMessages(h.fake);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const { body } of sent) {
      expect(body.allowed_mentions?.parse).toEqual([]);
      expectNoLiveLinkOrMention(body);
    }
  });
});

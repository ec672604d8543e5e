import { readFile } from "node:fs/promises";
import { ApplicationFlags, GatewayIntentBits, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notSure } from "../../src/answer/combine.js";
import { NOT_SURE_COLOR, NOT_SURE_MARKER } from "../../src/discord/render/answer.js";
import { MORE_PASSAGES_FIELD } from "../../src/discord/render/answerSources.js";
import { embedsFit } from "../../src/discord/render/discordLimits.js";
import type { Answer } from "../../src/types.js";
import { FAKE_IDS, snowflake } from "../support/fakeDiscord.js";
import { editedReply, runCommand, sentMessages, startHarness, TEST_TOKEN, type Harness } from "./harness.js";
import { autocomplete, buttonPress, messageMenu, slashCommand, userMessage } from "./payloads.js";

const GRUSHKO_QUOTE = "We absolutely do not care under what label";
const DEFERRED = 5;
const REPLY = 4;
const AUTOCOMPLETE_RESULT = 8;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ applicationFlags: ApplicationFlags.GatewayMessageContentLimited });
});
afterAll(async () => {
  await h?.close();
});

describe("the bot against a local fake Discord: slash commands, buttons, context menu", () => {
  it("connects over gateway v10 (JSON, no compression) with its token and intents", () => {
    expect(h.fake.connections[0]?.query.get("v")).toBe("10");
    expect(h.fake.connections[0]?.query.get("encoding")).toBe("json");
    expect(h.fake.connections[0]?.query.has("compress")).toBe(false);
    const identify = h.fake.received.find((frame) => frame.op === 2);
    expect(identify?.d.token).toBe(TEST_TOKEN);
    const intents = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent;
    expect(identify?.d.intents).toBe(intents);
    expect(h.bot.client.guilds.cache.get(FAKE_IDS.guild)?.channels.cache.has(FAKE_IDS.channel)).toBe(true);
  });

  it("/ask defers, then edits in the Grushko quote with its [1] citation and numbered sources", async () => {
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    const callback = await runCommand(h.fake, ask);
    expect(callback.body).toEqual({ type: DEFERRED, data: { flags: 0 } });
    const edit = await editedReply(h.fake, ask);
    expect(edit.at).toBeGreaterThanOrEqual(callback.at);
    const [embed] = edit.body.embeds;
    expect(embed.title).toBe("What did Grushko say?");
    expect(embed.description).toContain(GRUSHKO_QUOTE);
    expect(embed.description).toMatch(/conflict\.’ \[1\]/);
    expect(embed.fields[0].name).toMatch(/^\[1\].*The Kremlin has threatened/);
    expect(embed.fields[0].value).toContain("Daily Mail · 2025-03-16 · article `000_c2c287abe968920d`");
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(edit.body.components[0].components.map((button: { label: string }) => button.label)).toEqual(["Show passages", "Helpful", "Not helpful"]);
    expect(embedsFit(edit.body.embeds)).toBe(true);
  });

  it("acknowledges before the engine answers, so a slow first answer cannot time out", async () => {
    const release = h.engine.hold();
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    const callback = await runCommand(h.fake, ask);
    expect(callback.body.type).toBe(DEFERRED);
    expect(h.fake.requests.some((request) => request.path.includes(ask.token) && request.method === "PATCH")).toBe(false);
    release();
    expect((await editedReply(h.fake, ask)).body.embeds[0].description).toContain(GRUSHKO_QUOTE);
  });

  it("private:true defers ephemerally", async () => {
    const ask = slashCommand("ask", { question: "What did Grushko say?", private: true }, snowflake());
    expect((await runCommand(h.fake, ask)).body).toEqual({ type: DEFERRED, data: { flags: MessageFlags.Ephemeral } });
    await editedReply(h.fake, ask);
  });

  it("refuses an unknown outlet at once and privately, naming the known ones", async () => {
    const ask = slashCommand("ask", { question: "What did Grushko say?", outlet: "Daily Nowhere" }, snowflake());
    const callback = await runCommand(h.fake, ask);
    expect(callback.body.type).toBe(REPLY);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toContain("Daily Mail, RT");
  });

  it("suggests outlets from the index", async () => {
    const callback = await runCommand(h.fake, autocomplete("ask", "outlet", "dai", snowflake()));
    expect(callback.body).toEqual({ type: AUTOCOMPLETE_RESULT, data: { choices: [{ name: "Daily Mail", value: "Daily Mail" }] } });
  });

  it("tells a user over the cooldown, privately, when to ask again", async () => {
    const user = snowflake();
    const first = slashCommand("ask", { question: "What did Grushko say?" }, user);
    await runCommand(h.fake, first);
    await editedReply(h.fake, first);
    const second = await runCommand(h.fake, slashCommand("ask", { question: "What did Peskov say?" }, user));
    expect(second.body.type).toBe(REPLY);
    expect(second.body.data.flags).toBe(MessageFlags.Ephemeral);
    const seconds = Number(/ask again in (\d+) seconds/.exec(second.body.data.content)?.[1]);
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(30);
  });

  it("'Show passages' shows the cited passages in full to the presser only; votes go to the JSONL log", async () => {
    const asker = snowflake();
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, asker);
    await runCommand(h.fake, ask);
    const edit = await editedReply(h.fake, ask);
    const answerMessage = h.fake.messages.get([...h.fake.messages.keys()].at(-1)!)!;
    const [passagesId, helpfulId] = edit.body.components[0].components.map((button: { custom_id: string }) => button.custom_id);

    const passages = await runCommand(h.fake, buttonPress(passagesId, answerMessage, snowflake()));
    expect(passages.body.type).toBe(REPLY);
    expect(passages.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(passages.body.data.embeds[0].title).toMatch(/^\[1\] The Kremlin/);
    expect(passages.body.data.embeds[0].description).toContain("with all the consequences for these contingents as a party to the conflict.");
    expect(embedsFit(passages.body.data.embeds)).toBe(true);

    const vote = await runCommand(h.fake, buttonPress(helpfulId, answerMessage, asker));
    expect(vote.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining("Recorded as helpful") });
    const [entry] = (await readFile(h.feedbackFile, "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    expect(entry).toMatchObject({ vote: "helpful", question: "What did Grushko say?", answered: true, confidence: "high", articleIds: expect.arrayContaining(["000_c2c287abe968920d"]) });
    expect(entry.user).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry)).not.toContain(asker);
  });

  it("/ask with a low answer carries the not-sure marker, its quoted sources, the rest under More passages, and logs its confidence", async () => {
    // Pinned to `low` so this tests the rendering, not how sure today's engine is about the question.
    const pinned = h.engine.reshapeNextAnswer((answer): Answer => ({ ...answer, answered: false, confidence: "low", answer: `${notSure(undefined)} ${answer.answer}` }));
    const asker = snowflake();
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, asker);
    await runCommand(h.fake, ask);
    const edit = await editedReply(h.fake, ask);
    const answer = await pinned;
    const cited = answer.citations.filter((citation) => citation.cited).map((citation) => citation.n);
    const more = answer.citations.filter((citation) => !citation.cited).map((citation) => citation.n);
    expect(cited.length).toBeGreaterThan(0);
    expect(more.length).toBeGreaterThan(0);

    const [embed] = edit.body.embeds;
    expect(embed.author.name).toBe(NOT_SURE_MARKER);
    expect(embed.color).toBe(NOT_SURE_COLOR);
    expect(embed.description).toMatch(/^The articles may not answer this exactly\. Closest passages: .*We absolutely do not care under what label/);
    const numbersIn = (text: string) => [...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    const fields = embed.fields as { name: string; value: string }[];
    const moreField = fields.find((field) => field.name === MORE_PASSAGES_FIELD)!;
    // (Passages of one article share a line, "[3] [5] Title", so each group lists its numbers in order, not the whole list.)
    const ascending = (numbers: number[]) => [...numbers].sort((a, b) => a - b);
    expect(ascending(fields.filter((field) => field !== moreField).flatMap((field) => numbersIn(field.name)))).toEqual(cited);
    expect(ascending(numbersIn(moreField.value))).toEqual(more);
    expect(fields.at(-1)).toBe(moreField);
    expect(embedsFit(edit.body.embeds)).toBe(true);

    const answerMessage = h.fake.messages.get([...h.fake.messages.keys()].at(-1)!)!;
    const [passagesId, , unhelpfulId] = edit.body.components[0].components.map((button: { custom_id: string }) => button.custom_id);
    const passages = await runCommand(h.fake, buttonPress(passagesId, answerMessage, snowflake()));
    expect(passages.body.data.content).toBe(`The ${cited.length} passages quoted in the answer to “What did Grushko say?”, then ${more.length} more passages found:`);
    expect(passages.body.data.embeds.map((passage: { title: string }) => numbersIn(passage.title)[0])).toEqual([...cited, ...more]);

    await runCommand(h.fake, buttonPress(unhelpfulId, answerMessage, asker));
    const entries = (await readFile(h.feedbackFile, "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    expect(entries.at(-1)).toMatchObject({ vote: "unhelpful", question: "What did Grushko say?", answered: false, confidence: "low" });
  });

  it("'Find sources' on a message quotes the passages about its claim, privately by default", async () => {
    const claim = userMessage("Grushko said Russia does not care under what label NATO contingents are deployed in Ukraine", snowflake());
    const menu = messageMenu("Find sources", claim, snowflake());
    expect((await runCommand(h.fake, menu)).body).toEqual({ type: DEFERRED, data: { flags: MessageFlags.Ephemeral } });
    const edit = await editedReply(h.fake, menu);
    expect(edit.body.content).toMatch(/^📎 Passages in the indexed articles about/);
    expect(edit.body.embeds.map((embed: { description: string }) => embed.description).join("\n")).toContain(GRUSHKO_QUOTE);
  });

  it("'Find sources' with a low answer still quotes the closest passages, quoted ones first, saying they may not support the claim exactly", async () => {
    const pinned = h.engine.reshapeNextAnswer((answer): Answer => ({ ...answer, answered: false, confidence: "low" }));
    const claim = userMessage("Grushko said **Russia** does not care under what label NATO contingents are deployed", snowflake());
    const menu = messageMenu("Find sources", claim, snowflake());
    await runCommand(h.fake, menu);
    const edit = await editedReply(h.fake, menu);
    const answer = await pinned;
    expect(edit.body.content).toBe(
      "📎 Passages in the indexed articles about “Grushko said \\*\\*Russia\\*\\* does not care under what label NATO contingents are deployed”. " +
        "⚠️ Not sure they support it exactly: these are only the closest passages, so read them before relying on them:",
    );
    const titles = edit.body.embeds.map((embed: { title: string }) => embed.title);
    expect(titles).toHaveLength(answer.citations.length);
    expect(titles[0]).toMatch(new RegExp(`^\\[${answer.citations.find((citation) => citation.cited)!.n}\\] `));
    expect(edit.body.embeds.map((embed: { description: string }) => embed.description).join("\n")).toContain(GRUSHKO_QUOTE);
    expect(embedsFit(edit.body.embeds)).toBe(true);
  });

  it("'Find sources' says so when the articles do not cover a claim", async () => {
    const menu = messageMenu("Find sources", userMessage("The moon is made of cheese", snowflake()), snowflake());
    await runCommand(h.fake, menu);
    expect((await editedReply(h.fake, menu)).body.content).toMatch(/do not support or discuss this claim/);
  });

  it("/search quotes the top passages; /sources lists the articles; /help explains", async () => {
    const search = slashCommand("search", { query: "Grushko NATO contingents" }, snowflake());
    await runCommand(h.fake, search);
    const found = await editedReply(h.fake, search);
    expect(found.body.embeds.length).toBeGreaterThan(0);
    expect(found.body.embeds.map((embed: { description: string }) => embed.description).join("\n")).toContain(GRUSHKO_QUOTE);

    const sources = await runCommand(h.fake, slashCommand("sources", {}, snowflake()));
    expect(sources.body.data.embeds[0].title).toBe("Indexed articles (5)");
    expect(sources.body.data.embeds[0].description).toContain("RT · 21 passages · `001_1272ebf6c73cbd1c`");
    // The index can change while the bot runs: when it was last updated.
    expect(sources.body.data.embeds[0].footer.text).toMatch(/^Index updated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\. /);

    const help = await runCommand(h.fake, slashCommand("help", {}, snowflake()));
    expect(help.body.data.embeds[0].description).toContain("Answers come only from the indexed articles");
    expect(help.body.data.embeds[0].description).toContain(`marked **${NOT_SURE_MARKER}**`);
    expect(help.body.data.embeds[0].footer.text).toMatch(/^5 indexed articles, updated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/);
  });

  it("/quote suggests speakers by name or role and lists one speaker's quotes with their sources", async () => {
    const suggestions = await runCommand(h.fake, autocomplete("quote", "speaker", "deputy foreign", snowflake()));
    const choices = suggestions.body.data.choices as Array<{ name: string; value: string }>;
    expect(choices.map((choice) => choice.name)).toContain("Alexander Grushko (8)");
    const grushko = choices.find((choice) => choice.name.startsWith("Alexander Grushko"))!;

    const listed = await runCommand(h.fake, slashCommand("quote", { speaker: grushko.value }, snowflake()));
    const embed = listed.body.data.embeds[0];
    expect(embed.title).toMatch(/^Alexander Grushko — /);
    expect(embed.description).toContain("We absolutely do not care under what label");
    expect(embed.description).toContain("Daily Mail");
    expect(embedsFit(listed.body.data.embeds)).toBe(true);
    expect(listed.body.data.allowed_mentions.parse).toEqual([]);

    const unknown = await runCommand(h.fake, slashCommand("quote", { speaker: "Angela Merkel" }, snowflake()));
    expect(unknown.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining("No one called \"Angela Merkel\"") });
  });

  it("a failing handler gets the user a private apology, logs the error, and the bot keeps answering", async () => {
    h.engine.failNextAsk(new Error("engine exploded"));
    const ask = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    await runCommand(h.fake, ask);
    await h.fake.waitForRequest("DELETE", `/webhooks/${FAKE_IDS.application}/${ask.token}/messages/@original`);
    const apology = await h.fake.waitForRequest("POST", `/webhooks/${FAKE_IDS.application}/${ask.token}`);
    expect(apology.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining("Sorry, something went wrong") });
    expect(h.logs.some((line) => line.startsWith("error: /ask failed") && line.includes("engine exploded"))).toBe(true);

    const again = slashCommand("ask", { question: "What did Grushko say?" }, snowflake());
    await runCommand(h.fake, again);
    expect((await editedReply(h.fake, again)).body.embeds[0].description).toContain(GRUSHKO_QUOTE);
  });

  it("answers a command it no longer has privately, saying how to fix it", async () => {
    const callback = await runCommand(h.fake, slashCommand("retired", {}, snowflake()));
    expect(callback.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining("npm run register") });
  });

  it("never allows a ping in anything it sent, and never logs the token", () => {
    const sent = sentMessages(h.fake);
    expect(sent.length).toBeGreaterThan(10);
    for (const { body } of sent) expect(body.allowed_mentions?.parse).toEqual([]);
    expect(h.logs.join("\n")).not.toContain(TEST_TOKEN);
  });
});

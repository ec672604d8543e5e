import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Events } from "discord.js";
import { createBot, type Bot } from "../../src/discord/bot.js";
import { loadDiscordConfig } from "../../src/discord/config.js";
import type { AnswerEngine } from "../../src/discord/context.js";
import { FeedbackLog } from "../../src/discord/feedback.js";
import { detectMessageContent } from "../../src/discord/intents.js";
import { discordRest } from "../../src/discord/rest.js";
import type { Logger } from "../../src/log.js";
import type { Answer } from "../../src/types.js";
import { NpmProcess } from "../support/botProcess.js";
import { createEngineFixture, type EngineFixture } from "../support/engineFixture.js";
import { FAKE_IDS, FakeDiscord } from "../support/fakeDiscord.js";
import type { SourceAdder } from "../../src/engine/addSource.js";

/** Shaped like a bot token (three dot-separated parts) so config validation accepts it. */
export const TEST_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEt.t0k3n-s3cr3t-0123456789abcdefghijklmnop";

/** The fixture engine behind a door the test can hold shut, make fail once, or make answer differently once. */
class GatedEngine implements AnswerEngine {
  private gate: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private reshape: ((answer: Answer) => Answer) | null = null;

  constructor(private readonly inner: AnswerEngine) {}

  /** Holds every `ask` until the returned function is called. */
  hold(): () => void {
    let open = () => {};
    this.gate = new Promise((resolve) => (open = resolve));
    return () => {
      this.gate = Promise.resolve();
      open();
    };
  }

  failNextAsk(error: Error): void {
    this.failure = error;
  }

  /**
   * Passes the next real answer through `reshape`, e.g. to pin its confidence so a rendering
   * test does not depend on how the engine is tuned today. Resolves to the answer as reshaped.
   */
  reshapeNextAnswer(reshape: (answer: Answer) => Answer): Promise<Answer> {
    return new Promise((resolve) => {
      this.reshape = (answer) => {
        const reshaped = reshape(answer);
        resolve(reshaped);
        return reshaped;
      };
    });
  }

  async ask(...args: Parameters<AnswerEngine["ask"]>) {
    await this.gate;
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
    const reshape = this.reshape;
    this.reshape = null;
    const answer = await this.inner.ask(...args);
    return reshape ? reshape(answer) : answer;
  }

  retrieve(...args: Parameters<AnswerEngine["retrieve"]>) {
    return this.inner.retrieve(...args);
  }
  sources() {
    return this.inner.sources();
  }
  outlets() {
    return this.inner.outlets();
  }
  describe(...args: Parameters<AnswerEngine["describe"]>) {
    return this.inner.describe(...args);
  }
  speakers() {
    return this.inner.speakers();
  }
  quotesBy(...args: Parameters<AnswerEngine["quotesBy"]>) {
    return this.inner.quotesBy(...args);
  }
  builtAt() {
    return this.inner.builtAt();
  }
}

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  engine: GatedEngine;
  logs: string[];
  feedbackFile: string;
  close(): Promise<void>;
}

function memoryLogger(lines: string[]): Logger {
  return {
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
    error: (message, error) => lines.push(`error: ${message} ${error instanceof Error ? error.stack : String(error ?? "")}`),
  };
}

export interface HarnessOptions {
  applicationFlags: number;
  heartbeatIntervalMs?: number;
  env?: Record<string, string>;
  /** Extra article files (name → text) indexed beside the seeds, e.g. one planted by an attacker. */
  articles?: Record<string, string>;
  /** discord.js's REST timeout (15 s by default), shorter to test slow responses quickly. */
  restTimeoutMs?: number;
  /** What /add-source calls; absent, the command says it is off. */
  addSource?: SourceAdder;
}

/** Seeds with two outlets, the fake Discord, and the real bot connected to it and ready. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fixture: EngineFixture = await createEngineFixture(undefined, async (articlesDir) => {
    await writeFile(path.join(articlesDir, "000_c2c287abe968920d.json"), JSON.stringify({ outlet: "Daily Mail", published: "2025-03-16" }));
    await writeFile(path.join(articlesDir, "001_1272ebf6c73cbd1c.json"), JSON.stringify({ outlet: "RT" }));
    for (const [name, text] of Object.entries(options.articles ?? {})) await writeFile(path.join(articlesDir, name), text);
  });
  const fake = await FakeDiscord.start({ applicationFlags: options.applicationFlags, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000 });
  const dir = await mkdtemp(path.join(os.tmpdir(), "news-bot-"));
  const feedbackFile = path.join(dir, "feedback.jsonl");
  const config = loadDiscordConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: FAKE_IDS.application,
    DISCORD_API_URL: fake.apiUrl,
    ANSWER_COOLDOWN_SECONDS: "30",
    FEEDBACK_LOG: feedbackFile,
    ...options.env,
  });
  const logs: string[] = [];
  const log = memoryLogger(logs);
  const engine = new GatedEngine(fixture.engine);
  const messageContent = await detectMessageContent(discordRest(config), log);
  const clientOptions = options.restTimeoutMs === undefined ? {} : { rest: { timeout: options.restTimeoutMs } };
  const bot = createBot({
    engine,
    config,
    log,
    feedback: new FeedbackLog(feedbackFile, "test-salt-0123456789"),
    messageContent,
    clientOptions,
    ...(options.addSource === undefined ? {} : { addSource: options.addSource }),
  });
  const ready = once(bot.client, Events.ClientReady, { signal: AbortSignal.timeout(10_000) });
  await bot.client.login(TEST_TOKEN);
  await ready;
  return {
    fake,
    bot,
    engine,
    logs,
    feedbackFile,
    async close() {
      await bot.shutdown(1000);
      await fake.close();
      await fixture.cleanup();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every message body the bot sent: interaction replies, edits, follow-ups and channel messages. */
export function sentMessages(fake: FakeDiscord): { path: string; body: any }[] {
  return fake.requests.flatMap((request) => {
    if (request.path.endsWith("/callback")) return request.body?.type === 4 ? [{ path: request.path, body: request.body.data }] : [];
    const sends = (request.method === "PATCH" || request.method === "POST") && (request.path.startsWith("/webhooks/") || /^\/channels\/\d+\/messages$/.test(request.path));
    return sends ? [{ path: request.path, body: request.body }] : [];
  });
}

/** Dispatches a slash command and waits for the interaction callback. */
export async function runCommand(fake: FakeDiscord, interaction: { id: string; token: string }) {
  fake.dispatch("INTERACTION_CREATE", interaction);
  return fake.waitForRequest("POST", `/interactions/${interaction.id}/${interaction.token}/callback`);
}

/** Waits for the edit of a deferred reply. */
export function editedReply(fake: FakeDiscord, interaction: { token: string }) {
  return fake.waitForRequest("PATCH", `/webhooks/${FAKE_IDS.application}/${interaction.token}/messages/@original`);
}

/** Waits for a log line matching `pattern`; polls, since the bot's log is not one of the fake's events. */
export async function waitForLog(h: Pick<Harness, "logs">, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = h.logs.find((logged) => pattern.test(logged));
    if (line !== undefined) return line;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for a log line matching ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const npmStarts: { fake: FakeDiscord; bot: NpmProcess }[] = [];

/**
 * `npm start` as a real process tree (see NpmProcess) against a new fake Discord, with the
 * Discord settings a developer's .env might hold blanked; `env` adds the index and the rest.
 * Call `stopNpmStarts` after each test.
 */
export async function npmStartAgainstFake(fakeOptions: ConstructorParameters<typeof FakeDiscord>[0], env: Record<string, string>): Promise<{ fake: FakeDiscord; bot: NpmProcess }> {
  const fake = await FakeDiscord.start(fakeOptions);
  const bot = new NpmProcess(["start"], {
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: FAKE_IDS.application,
    DISCORD_API_URL: fake.apiUrl,
    // Blank, so that a developer's .env cannot set them.
    DISCORD_GUILD_ID: "",
    DISCORD_CHANNEL_IDS: "",
    DISCORD_MESSAGE_CONTENT: "",
    SHARDS: "",
    FEEDBACK_SALT: "process-test-salt-0123456789",
    ANSWER_COOLDOWN_SECONDS: "0",
    ...env,
  });
  npmStarts.push({ fake, bot });
  return { fake, bot };
}

/** Kills what `npmStartAgainstFake` started, whatever state a test left it in, and closes its fakes. */
export async function stopNpmStarts(): Promise<void> {
  for (const { fake, bot } of npmStarts.splice(0)) {
    bot.killAll();
    await fake.close();
  }
}

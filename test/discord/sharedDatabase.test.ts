import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPgServer, type PgServer } from "../../bench/support/pgServer.js";
import { NpmProcess, within } from "../support/botProcess.js";
import { SEEDS_DIR } from "../support/engineFixture.js";
import { FAKE_IDS, snowflake, type FakeDiscord } from "../support/fakeDiscord.js";
import { runCli } from "../support/runCli.js";
import { npmStartAgainstFake, stopNpmStarts } from "./harness.js";
import { slashCommand } from "./payloads.js";

/**
 * Many readers, one writer: two `npm start` bots (each against its own fake Discord) and one
 * `npm run index` share one Postgres database (PGlite + pgvector served on 127.0.0.1). What the
 * indexer commits is answered by both bots without a restart, and no question asked meanwhile fails.
 */

const CONNECTED = /Connected to Discord as newsbot/;
/** Two bots loading the engine side by side on a loaded 2-core machine. */
const START_MS = 90_000;
/** The issue's target: both bots answer from the new article this soon after the indexer exits. */
const SEEN_WITHIN_MS = 5_000;
/** How long one answer may take before the test calls it failed (readers wait out the indexer's transaction on PGlite). */
const ANSWER_MS = 30_000;

const KNOWN = { question: "What did Grushko say?", answer: "We absolutely do not care under what label" };
const ADDED = {
  file: "harbour.txt",
  text: "Harbour tax to double\n\nBoris Kemp, the director of the port of Testville, said the harbour tax will double next year to pay for new cranes.\n",
  question: "What did Boris Kemp say about the harbour tax?",
  answer: "harbour tax will double",
};

let server: PgServer;
let dir: string;

beforeAll(async () => {
  server = await startPgServer();
  dir = await mkdtemp(path.join(os.tmpdir(), "news-shared-db-"));
  await cp(SEEDS_DIR, articlesDir(), { recursive: true });
  const built = await runCli("scripts/index.ts", [], { env: env(), timeoutMs: 110_000 });
  if (built.code !== 0) throw new Error(`could not index the seeds into the database:\n${built.stderr}`);
}, 180_000);
afterEach(stopNpmStarts);
afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const articlesDir = () => path.join(dir, "articles");
/** What every process is given: only the environment says the index is in the database. */
const env = () => ({ INDEX_BACKEND: "postgres", DATABASE_URL: server.url, INDEX_DIR: path.join(dir, "unused-index"), ARTICLES_DIR: articlesDir(), EMBEDDINGS: "offline" });

interface Reply {
  /** The message as sent, JSON: an answer edited into the "thinking…" reply, or an apology sent after it. */
  text: string;
  /** When the question was asked, and how long the reply took. */
  at: number;
  ms: number;
}

/** One /ask through a bot's fake Discord, and what it sent back: the answer, or (when answering failed) the apology that follows. */
async function ask(fake: FakeDiscord, question: string): Promise<Reply> {
  const at = Date.now();
  const interaction = slashCommand("ask", { question }, snowflake());
  fake.dispatch("INTERACTION_CREATE", interaction);
  const webhook = `/webhooks/${FAKE_IDS.application}/${interaction.token}`;
  const reply = await fake.waitFor(
    () => fake.requests.find((request) => (request.method === "PATCH" && request.path === `${webhook}/messages/@original`) || (request.method === "POST" && request.path === webhook)),
    `the reply to "${question}"`,
    ANSWER_MS,
  );
  return { text: JSON.stringify(reply.body), at, ms: Date.now() - at };
}

/** Asks `question` one at a time, again and again, until `stop` is called; resolves to every answer and its time. */
function keepAsking(fake: FakeDiscord, question: string): { stop: () => Promise<Reply[]> } {
  let running = true;
  const answers: Reply[] = [];
  const loop = (async () => {
    while (running) answers.push(await ask(fake, question));
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return answers;
    },
  };
}

describe("two bots and one indexer on one Postgres database", () => {
  it("an article npm run index adds is answered by both bots within 5 s of its exit, and every question asked meanwhile is answered", async () => {
    const bots = await Promise.all([0, 1].map(() => npmStartAgainstFake({}, { ...env(), FEEDBACK_LOG: path.join(dir, `feedback-${snowflake()}.jsonl`) })));
    await Promise.all(bots.map(({ bot }) => bot.waitForStderr(CONNECTED, START_MS)));

    for (const { fake } of bots) expect((await ask(fake, ADDED.question)).text).not.toContain(ADDED.answer);

    const loops = bots.map(({ fake }) => keepAsking(fake, KNOWN.question));
    // A few answers before the change, to compare with those during it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await writeFile(path.join(articlesDir(), ADDED.file), ADDED.text);
    const indexer = new NpmProcess(["run", "index"], env());
    const indexStarted = Date.now();
    const exit = await within(indexer.exited, 120_000, "npm run index");
    const exitedAt = Date.now();
    expect(exit, indexer.stderr).toEqual({ code: 0, signal: null });
    expect(indexer.stdout).toMatch(/^Indexed 6 articles into \d+ passages \(\d+ embedded, \d+ reused\) in postgres:/m);

    // Each bot is asked about the new article until it answers from it, one question at a time.
    const seenAfter = await Promise.all(
      bots.map(async ({ fake }) => {
        for (;;) {
          const { text } = await ask(fake, ADDED.question);
          if (text.includes(ADDED.answer)) return Date.now() - exitedAt;
          if (Date.now() - exitedAt > SEEN_WITHIN_MS) return Infinity;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    const answers = await Promise.all(loops.map((loop) => loop.stop()));

    for (const seen of seenAfter) expect(seen).toBeLessThan(SEEN_WITHIN_MS);
    for (const [n, { bot }] of bots.entries()) {
      // Both bots asked throughout, and each answer was the known one: none failed or was turned away.
      expect(answers[n]!.length).toBeGreaterThan(2);
      for (const answer of answers[n]!) expect(answer.text).toContain(KNOWN.answer);
      expect(bot.stderr).toMatch(/Now answering from the index built at .* \(6 articles\)/);
      expect(bot.stderr).not.toMatch(/^error:/m);
    }
    // For the record (README, "Running at scale"): on PGlite a reader waits while the indexer's transaction is open.
    const before = answers.flat().filter((answer) => answer.at + answer.ms < indexStarted);
    const during = answers.flat().filter((answer) => answer.at < exitedAt && answer.at + answer.ms > indexStarted);
    const slowest = (list: Reply[]) => Math.max(0, ...list.map((answer) => answer.ms));
    console.info(
      `two bots, one indexer on PGlite: npm run index ran ${exitedAt - indexStarted} ms; the new article was answered ${seenAfter.map((ms) => `${ms} ms`).join(" and ")} after it exited; ` +
        `${answers.flat().length} known questions answered, slowest ${slowest(before)} ms before npm run index started and ${slowest(during)} ms while it ran`,
    );
  }, 300_000);
});

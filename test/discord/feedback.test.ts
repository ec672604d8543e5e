import { appendFile, chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FeedbackLog, loadSalt } from "../../src/discord/feedback.js";
import type { Answer } from "../../src/types.js";

const answer: Answer = {
  question: "What did Grushko say?",
  answered: true,
  confidence: "high",
  answer: "‘We do not care.’ [1]",
  citations: [1, 2, 3].map((n) => ({ n, articleId: n === 3 ? "b" : "a", title: "T", outlet: null, published: null, url: null, text: "t", start: 0, end: 1, score: 1, cited: n === 1, alsoReportedBy: [] })),
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "feedback-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("FeedbackLog", () => {
  it("appends one JSON line per vote, in order, with distinct article ids and a salted user hash", async () => {
    const file = path.join(dir, "nested", "feedback.jsonl");
    const log = new FeedbackLog(file, "salt-0123456789abcdef", { now: () => new Date("2025-03-17T12:00:00Z") });
    await Promise.all([log.record("helpful", answer, "key1", "111"), log.record("unhelpful", answer, "key1", "222")]);
    const lines = (await readFile(file, "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { at: "2025-03-17T12:00:00.000Z", vote: "helpful", question: "What did Grushko say?", answered: true, confidence: "high", articleIds: ["a", "b"], answer: "key1", user: log.hashUser("111") },
      { at: "2025-03-17T12:00:00.000Z", vote: "unhelpful", question: "What did Grushko say?", answered: true, confidence: "high", articleIds: ["a", "b"], answer: "key1", user: log.hashUser("222") },
    ]);
    expect(log.hashUser("111")).toMatch(/^[0-9a-f]{64}$/);
    expect(new FeedbackLog(file, "another-salt-0123456").hashUser("111")).not.toBe(log.hashUser("111"));
  });
});

const entries = async (file: string) => (await readFile(file, "utf8")).trim().split("\n").map((line) => JSON.parse(line));

describe("FeedbackLog: one vote per user per answer", () => {
  it("GIVEN 200 votes by one user on one answer THEN keeps one line; a changed vote replaces it in place", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const log = new FeedbackLog(file, "salt-0123456789abcdef");
    await Promise.all(Array.from({ length: 200 }, () => log.record("helpful", answer, "key1", "111")));
    expect(await entries(file)).toEqual([expect.objectContaining({ vote: "helpful", answer: "key1", user: log.hashUser("111") })]);

    await log.record("helpful", answer, "key2", "111");
    await log.record("unhelpful", answer, "key1", "222");
    const size = (await stat(file)).size;
    await Promise.all(Array.from({ length: 100 }, (_, i) => log.record(i % 2 === 0 ? "unhelpful" : "helpful", answer, "key1", "111")));
    await log.record("unhelpful", answer, "key1", "111");
    expect((await stat(file)).size).toBe(size);
    expect((await entries(file)).map((entry) => [entry.answer, entry.user, entry.vote])).toEqual([
      ["key1", log.hashUser("111"), "unhelpful"],
      ["key2", log.hashUser("111"), "helpful"],
      ["key1", log.hashUser("222"), "unhelpful"],
    ]);
  });

  it("GIVEN the log changed under it (rotated or edited) THEN a changed vote is appended, never written over other lines", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const log = new FeedbackLog(file, "salt-0123456789abcdef");
    await log.record("helpful", answer, "key1", "111");
    await writeFile(file, "");
    await appendFile(file, '{"rotated":true}\n');
    await log.record("unhelpful", answer, "key1", "111");
    expect(await entries(file)).toEqual([{ rotated: true }, expect.objectContaining({ vote: "unhelpful", answer: "key1" })]);
  });
});

describe("FeedbackLog: what it keeps private", () => {
  const ID = "123456789012345678";

  it("stores a question's user, role and channel mentions and bare ids only as salted hashes, like the voter's id", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const log = new FeedbackLog(file, "salt-0123456789abcdef");
    const question = `What did <@${ID}> and <@!${ID}> say to <@&223456789012345678> in <#323456789012345678> about 42345678901234567?`;
    await log.record("helpful", { ...answer, question }, "key1", "111");
    const text = await readFile(file, "utf8");
    for (const id of [ID, "223456789012345678", "323456789012345678", "42345678901234567"]) expect(text).not.toContain(id);
    const [entry] = text.trim().split("\n").map((line) => JSON.parse(line));
    const hash = log.hashUser(ID);
    expect(entry.question).toBe(
      `What did <@id:${hash}> and <@!id:${hash}> say to <@&id:${log.hashUser("223456789012345678")}> in <#id:${log.hashUser("323456789012345678")}> about id:${log.hashUser("42345678901234567")}?`,
    );
  });

  it("creates the log readable by its owner only (0600), and makes an existing world-readable log private", async () => {
    const fresh = path.join(dir, "new", "feedback.jsonl");
    await new FeedbackLog(fresh, "salt-0123456789abcdef").record("helpful", answer, "key1", "111");
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);

    const existing = path.join(dir, "old.jsonl");
    await writeFile(existing, '{"vote":"helpful"}\n');
    await chmod(existing, 0o644);
    await new FeedbackLog(existing, "salt-0123456789abcdef").record("unhelpful", answer, "key1", "111");
    expect((await stat(existing)).mode & 0o777).toBe(0o600);
    expect((await readFile(existing, "utf8")).trim().split("\n")).toHaveLength(2);
  });
});

describe("loadSalt", () => {
  it("uses FEEDBACK_SALT when set, else creates a private salt file once and reuses it", async () => {
    const logFile = path.join(dir, "data", "feedback.jsonl");
    expect(await loadSalt(logFile, "configured-salt-123")).toBe("configured-salt-123");
    const first = await loadSalt(logFile, undefined);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await loadSalt(logFile, undefined)).toBe(first);
    expect((await stat(path.join(dir, "data", "feedback-salt"))).mode & 0o777).toBe(0o600);
  });
});

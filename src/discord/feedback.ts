import { createHash, randomBytes } from "node:crypto";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Answer, Confidence } from "../types.js";
import type { Vote } from "./customIds.js";

/** One line of the feedback log. Users are identified only by a salted hash of their id. */
export interface FeedbackEntry {
  at: string;
  vote: Vote;
  question: string;
  answered: boolean;
  confidence: Confidence;
  articleIds: string[];
  /** The answer's memory key: several votes on one answer share it; the last vote per user counts. */
  answer: string;
  user: string;
}

/** Appends votes to a JSONL file, one line each, in the order they arrive. */
export class FeedbackLog {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly salt: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  hashUser(userId: string): string {
    return createHash("sha256").update(`${this.salt}:${userId}`).digest("hex");
  }

  record(vote: Vote, answer: Answer, key: string, userId: string): Promise<void> {
    const entry: FeedbackEntry = {
      at: this.now().toISOString(),
      vote,
      question: answer.question,
      answered: answer.answered,
      confidence: answer.confidence,
      articleIds: [...new Set(answer.citations.map((citation) => citation.articleId))],
      answer: key,
      user: this.hashUser(userId),
    };
    const write = this.pending.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify(entry)}\n`, "utf8");
    });
    // A failed write is reported to its caller; later writes still run.
    this.pending = write.catch(() => {});
    return write;
  }

  /** Waits for every vote recorded so far to reach the file. */
  flush(): Promise<void> {
    return this.pending;
  }
}

/**
 * The salt for hashing user ids: `FEEDBACK_SALT` when set, else a random one kept in
 * `feedback-salt` beside the log (created on first use), so hashes stay comparable across restarts.
 */
export async function loadSalt(feedbackLog: string, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return configured;
  const file = path.join(path.dirname(feedbackLog), "feedback-salt");
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return (await readFile(file, "utf8")).trim();
}

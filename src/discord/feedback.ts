import { createHash, randomBytes } from "node:crypto";
import { appendFile, mkdir, open, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log.js";
import type { Answer, Confidence } from "../types.js";
import type { Vote } from "./customIds.js";

/** Only the bot's owner may read the log: it holds what people asked. */
const PRIVATE_FILE = 0o600;
/** A Discord id (a snowflake) standing alone or inside a mention: <@id>, <@!id>, <@&id>, <#id>. */
const DISCORD_ID = /(?<!\d)\d{17,20}(?!\d)/g;

/** One line of the feedback log. Users are identified only by a salted hash of their id. */
export interface FeedbackEntry {
  at: string;
  vote: Vote;
  /** As asked, with every Discord id replaced by `id:` and its salted hash (`<@id:3f2a…>`). */
  question: string;
  answered: boolean;
  confidence: Confidence;
  articleIds: string[];
  /** The answer's memory key: several votes on one answer share it; the last vote per user counts. */
  answer: string;
  user: string;
}

export interface FeedbackLogOptions {
  now?: () => Date;
  /** Told when an existing log cannot be made private. */
  log?: Pick<Logger, "warn">;
}

/** Appends votes to a JSONL file (mode 0600), one line each, in the order they arrive. */
export class FeedbackLog {
  private pending: Promise<void> = Promise.resolve();
  private secured: Promise<void> | undefined;
  private readonly now: () => Date;

  constructor(
    readonly file: string,
    private readonly salt: string,
    private readonly options: FeedbackLogOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  hashUser(userId: string): string {
    return createHash("sha256").update(`${this.salt}:${userId}`).digest("hex");
  }

  /** The text with every Discord id (a user, role or channel mentioned, or one pasted bare) hashed as voters' ids are. */
  redactIds(text: string): string {
    return text.replace(DISCORD_ID, (id) => `id:${this.hashUser(id)}`);
  }

  record(vote: Vote, answer: Answer, key: string, userId: string): Promise<void> {
    const entry: FeedbackEntry = {
      at: this.now().toISOString(),
      vote,
      question: this.redactIds(answer.question),
      answered: answer.answered,
      confidence: answer.confidence,
      articleIds: [...new Set(answer.citations.map((citation) => citation.articleId))],
      answer: key,
      user: this.hashUser(userId),
    };
    const write = this.pending.then(async () => {
      await this.secure();
      await appendFile(this.file, `${JSON.stringify(entry)}\n`, "utf8");
    });
    // A failed write is reported to its caller; later writes still run.
    this.pending = write.catch(() => {});
    return write;
  }

  /**
   * Creates the log if it is missing, readable by its owner only, and makes an existing log
   * that others may read private; when that fails (another user owns it), says so once.
   */
  secure(): Promise<void> {
    this.secured ??= this.makePrivate();
    return this.secured;
  }

  private async makePrivate(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, "a", PRIVATE_FILE);
    try {
      if (((await handle.stat()).mode & 0o777) === PRIVATE_FILE) return;
      await handle.chmod(PRIVATE_FILE).catch((error: unknown) =>
        this.options.log?.warn(`The feedback log ${this.file} can be read by other users and could not be made private (${String(error)}). Run: chmod 600 ${this.file}`),
      );
    } finally {
      await handle.close();
    }
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

import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log.js";
import type { Answer, Confidence } from "../types.js";
import { VOTES, type Vote } from "./customIds.js";

/** Only the bot's owner may read the log: it holds what people asked. */
const PRIVATE_FILE = 0o600;
/** A Discord id (a snowflake) standing alone or inside a mention: <@id>, <@!id>, <@&id>, <#id>. */
const DISCORD_ID = /(?<!\d)\d{17,20}(?!\d)/g;

/** One line of the feedback log. Users are identified only by a salted hash of their id. */
interface FeedbackEntry {
  at: string;
  vote: Vote;
  /** As asked, with every Discord id replaced by `id:` and its salted hash (`<@id:3f2a…>`). */
  question: string;
  answered: boolean;
  confidence: Confidence;
  articleIds: string[];
  /** The answer's memory key. Each user has one line per answer, replaced when they change their vote. */
  answer: string;
  user: string;
}

export interface FeedbackLogOptions {
  now?: () => Date;
  /** Told when an existing log cannot be made private. */
  log?: Pick<Logger, "warn">;
}

/** Where a user's vote on an answer stands in the file. */
interface WrittenVote {
  vote: Vote;
  offset: number;
  line: string;
}

/**
 * Votes remembered for replacing: more than the answers the bot remembers (only those have
 * buttons that work) times the users who plausibly vote on each. A vote forgotten past this is
 * appended again if its user changes it.
 */
const REMEMBERED_VOTES = 10_000;

/**
 * Votes in a JSONL file (mode 0600), one line per user per answer in the order they first
 * arrive. Pressing the same button again writes nothing; changing one's vote overwrites that
 * line in place, which each line is padded to allow, so no run of presses makes the log grow.
 */
export class FeedbackLog {
  private pending: Promise<void> = Promise.resolve();
  private secured: Promise<void> | undefined;
  private readonly written = new Map<string, WrittenVote>();
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
    const id = `${key}\u0000${entry.user}`;
    const write = this.pending.then(async () => {
      await this.secure();
      const previous = this.written.get(id);
      if (previous?.vote === vote) return;
      const line = voteLine(entry);
      const offset = previous !== undefined && (await this.overwrite(previous, line)) ? previous.offset : await this.append(line);
      this.written.delete(id);
      this.written.set(id, { vote, offset, line });
      if (this.written.size > REMEMBERED_VOTES) this.written.delete(this.written.keys().next().value as string);
    });
    // A failed write is reported to its caller; later writes still run.
    this.pending = write.catch(() => {});
    return write;
  }

  /** Appends a line; returns the byte offset it starts at (writes are serialised, and the bot is the log's only writer). */
  private async append(line: string): Promise<number> {
    const handle = await open(this.file, "a", PRIVATE_FILE);
    try {
      const { size } = await handle.stat();
      await handle.write(line);
      return size;
    } finally {
      await handle.close();
    }
  }

  /** Overwrites a vote's line with its new one, if the file still holds the old one there (it may have been rotated or edited). */
  private async overwrite(previous: WrittenVote, line: string): Promise<boolean> {
    const old = Buffer.from(previous.line);
    const next = Buffer.from(line);
    if (next.length !== old.length) return false;
    const handle = await open(this.file, "r+");
    try {
      const found = Buffer.alloc(old.length);
      const { bytesRead } = await handle.read(found, 0, old.length, previous.offset);
      if (bytesRead !== old.length || !found.equals(old)) return false;
      await handle.write(next, 0, next.length, previous.offset);
      return true;
    } finally {
      await handle.close();
    }
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

/** An entry's line, padded with spaces (which JSON allows) to its width with either vote, so a changed vote fits in its place. */
function voteLine(entry: FeedbackEntry): string {
  const width = Math.max(...VOTES.map((vote) => JSON.stringify({ ...entry, vote }).length));
  return `${JSON.stringify(entry).padEnd(width)}\n`;
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

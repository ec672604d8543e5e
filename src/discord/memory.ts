import { randomBytes } from "node:crypto";
import type { Answer } from "../types.js";

/**
 * Recent answers, for the buttons under them and for follow-ups. Keys go in button custom ids;
 * message ids (and thread ids, which equal the id of the message a thread starts from) point to
 * the answer they show. Bounded and in memory: after a restart older buttons ask users to ask again.
 */
export class AnswerMemory {
  private readonly answers = new Map<string, Answer>();
  private readonly messages = new Map<string, string>();

  constructor(private readonly capacity = 1000) {}

  remember(answer: Answer): string {
    const key = randomBytes(6).toString("base64url");
    this.answers.set(key, answer);
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    return key;
  }

  get(key: string): Answer | undefined {
    return this.answers.get(key);
  }

  /** Records that a Discord message (or the thread under it) shows the answer with this key. */
  linkMessage(messageId: string, key: string): void {
    this.messages.delete(messageId);
    this.messages.set(messageId, key);
    if (this.messages.size > this.capacity) {
      const oldest = this.messages.keys().next().value;
      if (oldest !== undefined) this.messages.delete(oldest);
    }
  }

  forMessage(messageId: string): Answer | undefined {
    const key = this.messages.get(messageId);
    return key === undefined ? undefined : this.answers.get(key);
  }
}

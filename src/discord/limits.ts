import { md, type SafeText } from "./render/safeText.js";

/** How long a user waits when every answer slot is busy; answers usually take a second or two. */
export const BUSY_RETRY_MS = 5_000;

export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; reason: "cooldown" | "busy"; retryAfterMs: number };

export interface LimiterOptions {
  cooldownMs: number;
  maxConcurrent: number;
  now?: () => number;
}

/**
 * A per-user cooldown (counted from the start of the user's last answer) and a global cap on
 * answers being worked on at once. In memory: a restart forgets cooldowns, which is harmless.
 */
export class AnswerLimiter {
  private readonly lastStart = new Map<string, number>();
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly now: () => number;

  constructor(private readonly options: LimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Either a slot (call `release` when the answer is sent or has failed) or when to try again. */
  admit(userId: string): Admission {
    const now = this.now();
    const last = this.lastStart.get(userId);
    if (last !== undefined && now - last < this.options.cooldownMs) {
      return { ok: false, reason: "cooldown", retryAfterMs: this.options.cooldownMs - (now - last) };
    }
    if (this.active >= this.options.maxConcurrent) return { ok: false, reason: "busy", retryAfterMs: BUSY_RETRY_MS };
    this.forgetExpired(now);
    this.lastStart.set(userId, now);
    this.active++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.active--;
        if (this.active === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      },
    };
  }

  get activeAnswers(): number {
    return this.active;
  }

  /** Resolves true once no answer is in progress, or false after `timeoutMs`; for a clean shutdown. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private forgetExpired(now: number): void {
    if (this.lastStart.size < 1000) return;
    for (const [userId, start] of this.lastStart) if (now - start >= this.options.cooldownMs) this.lastStart.delete(userId);
  }
}

/** The short message an over-limit user sees. */
export function describeRefusal(refusal: { reason: "cooldown" | "busy"; retryAfterMs: number }): SafeText {
  const seconds = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
  return refusal.reason === "cooldown"
    ? md`⏳ Slow down a little: you can ask again in ${seconds} second${seconds === 1 ? "" : "s"}.`
    : md`⏳ I'm busy answering other questions. Try again in about ${seconds} seconds.`;
}

/**
 * Public notices (slow down, busy, how to ask, errors) answer messages, which cannot be private
 * like an interaction's reply. Each costs a message in the channel and a slot of Discord's
 * per-channel send limit, so a burst of mentions must not buy one notice each.
 */

/** One notice tells a user when to ask again; within this window their further refusals get none. */
export const USER_NOTICE_WINDOW_MS = 30_000;
/**
 * Notices a channel gets per window, whoever they are for. Discord lets a bot send five messages
 * per five seconds in a channel: a burst of any size costs at most one such slot's worth, and the
 * answers behind it are not held up.
 */
export const CHANNEL_NOTICES_PER_WINDOW = 5;
export const CHANNEL_NOTICE_WINDOW_MS = 30_000;
/** Past this many users or channels remembered, expired entries are forgotten. */
const PRUNE_AT = 1000;

export interface NoticeGateOptions {
  now?: () => number;
}

/**
 * Decides whether a public notice may be posted: at most one per user per window, and at most
 * `CHANNEL_NOTICES_PER_WINDOW` per channel per window. A refusal past either limit gets nothing.
 * In memory: a restart forgets the windows, which is harmless.
 */
export class NoticeGate {
  private readonly lastToUser = new Map<string, number>();
  private readonly sentInChannel = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(options: NoticeGateOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Whether a notice to this user in this channel may be posted now; a `true` counts as posted. */
  allow(userId: string, channelId: string): boolean {
    const now = this.now();
    this.forgetExpired(now);
    const last = this.lastToUser.get(userId);
    if (last !== undefined && now - last < USER_NOTICE_WINDOW_MS) return false;
    const recent = (this.sentInChannel.get(channelId) ?? []).filter((at) => now - at < CHANNEL_NOTICE_WINDOW_MS);
    if (recent.length >= CHANNEL_NOTICES_PER_WINDOW) return false;
    this.lastToUser.set(userId, now);
    this.sentInChannel.set(channelId, [...recent, now]);
    return true;
  }

  private forgetExpired(now: number): void {
    if (this.lastToUser.size >= PRUNE_AT) {
      for (const [userId, at] of this.lastToUser) if (now - at >= USER_NOTICE_WINDOW_MS) this.lastToUser.delete(userId);
    }
    if (this.sentInChannel.size >= PRUNE_AT) {
      for (const [channelId, times] of this.sentInChannel) if (times.every((at) => now - at >= CHANNEL_NOTICE_WINDOW_MS)) this.sentInChannel.delete(channelId);
    }
  }
}
